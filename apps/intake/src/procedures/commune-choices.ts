import type { CommuneDirectory } from '#domain';
import { COMMUNE_FIELD, type Choice } from './form-labels.js';
import type { FormSchema, Schema } from './form-schema.js';

/**
 * Every commune of the served départements as a choice, « Bayeux (14400) », sorted by name as French readers
 * expect (accents and case aside, « Écrammeville » among the E). All of them, large ones included: the rules, not
 * the list, say which may file.
 */
export function communeChoices(communes: CommuneDirectory, departements: readonly string[]): Choice[] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return departements
    .flatMap((departement) => communes.inDepartement(departement))
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code))
    .map((commune) => ({
      const: commune.code,
      title: commune.postalCodes.length
        ? `${commune.name} (${commune.postalCodes.join(', ')})`
        : commune.name,
    }));
}

function isCommuneField(schema: object): boolean {
  return 'x-widget' in schema && schema['x-widget'] === COMMUNE_FIELD['x-widget'];
}

function withChoicesIn(schema: Schema, choices: readonly Choice[]): Schema {
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => [
      name,
      isCommuneField(property) ? { ...property, oneOf: [...choices] } : property,
    ]),
  );
  return { ...schema, properties };
}

/** The form with every field marked `"x-widget": "commune"` (in any part) offering the communes as choices. */
export function withCommuneChoices(form: FormSchema, choices: readonly Choice[]): FormSchema {
  const definitions = Object.fromEntries(
    Object.entries(form.definitions).map(([name, definition]) => [name, withChoicesIn(definition, choices)]),
  );
  return { ...withChoicesIn(form, choices), definitions };
}
