import type { CommuneDirectory } from '#domain';
import { communeChoices, withCommuneChoices } from './commune-choices.js';
import { type FormSchema, formSchemas } from './form-schema.js';
import { type Procedure, type ProcedureSettings, resolveText } from './procedure.js';

export interface ProcedureDescription {
  code: string;
  title: string;
  description: string;
  rules: string[];
  deadline: {
    months: number;
    silenceMeans: 'granted' | 'rejected';
    infoRequestEffect: string;
    legalBasis: string;
    explanation: string;
  };
  /**
   * JSON Schema of the form, its parts under `definitions`, built from the form's own validation rules and labels:
   * each root property is a part (one page), titled on its definition or, for a one-question part, on itself.
   */
  form: FormSchema;
}

/**
 * What GET /api/procedures tells a front end: enough to build each form and explain the rules and the deadline.
 * Commune fields list the communes of the served départements. Reading the validation metadata is costly: this
 * runs once, at boot (see ProcedureCatalogue).
 */
export function describeProcedures(
  procedures: readonly Procedure[],
  settings: ProcedureSettings,
  communes: CommuneDirectory,
): ProcedureDescription[] {
  const schemas = formSchemas(procedures.map((procedure) => procedure.formClass));
  const served = communeChoices(communes, settings.servedDepartements);
  return procedures.map((procedure) => ({
    code: procedure.code,
    title: procedure.title,
    description: resolveText(procedure.description, settings),
    rules: procedure.rules.map((rule) => resolveText(rule, settings)),
    deadline: { ...procedure.deadline },
    form: withCommuneChoices(schemas.get(procedure.formClass) ?? { definitions: {} }, served),
  }));
}

export function describeProcedure(
  procedure: Procedure,
  settings: ProcedureSettings,
  communes: CommuneDirectory,
): ProcedureDescription {
  return describeProcedures([procedure], settings, communes)[0];
}
