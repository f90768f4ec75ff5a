import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { Procedure } from './procedure.js';

type Schema = ReturnType<typeof validationMetadatasToSchemas>[string];

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
  /** JSON Schema of the form, its parts under `definitions`, built from the form's own validation rules. */
  form: Schema & { definitions: Record<string, Schema> };
}

const REF_PREFIX = '#/definitions/';

function referencedNames(schema: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => referencedNames(item, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX))
        found.add(value.slice(REF_PREFIX.length));
      else referencedNames(value, found);
    }
  }
  return found;
}

/** What GET /api/procedures tells a front end: enough to build the form and explain the rules and the deadline. */
export function describeProcedure(procedure: Procedure): ProcedureDescription {
  const all: Record<string, Schema> = validationMetadatasToSchemas({ refPointerPrefix: REF_PREFIX });
  const root = all[procedure.formClass.name] ?? {};
  const definitions: Record<string, Schema> = {};
  const pending = [...referencedNames(root)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (definitions[name] || !all[name]) continue;
    definitions[name] = all[name];
    pending.push(...referencedNames(all[name]));
  }
  return {
    code: procedure.code,
    title: procedure.title,
    description: procedure.description,
    rules: procedure.rules,
    deadline: { ...procedure.deadline },
    form: { ...root, definitions },
  };
}
