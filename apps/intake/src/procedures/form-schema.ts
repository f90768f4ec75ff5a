import 'reflect-metadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

export type Schema = ReturnType<typeof validationMetadatasToSchemas>[string];

/** A form's JSON Schema: the form class at the root, the classes of its parts under `definitions`. */
export type FormSchema = Schema & { definitions: Record<string, Schema> };

type FormClass = new () => object;

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

/** The server refuses fields a form does not declare (`forbidNonWhitelisted`): so does the schema. */
function closed(schema: Schema): Schema {
  return schema.properties ? { ...schema, additionalProperties: false } : schema;
}

/**
 * Every class's schema from class-validator's metadata. class-transformer's `@Type()` tells the element class of
 * an array of parts (the array's design type is only `Array`); `isLegalDate` (the date exists) is `format: date`.
 */
function allSchemas(): Record<string, Schema> {
  return validationMetadatasToSchemas({
    refPointerPrefix: REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: { isLegalDate: { format: 'date' }, isNotFutureDate: {} },
  });
}

/** The JSON Schema of each form class, with the definitions it references (transitively) and nothing else. */
export function formSchemas(formClasses: readonly FormClass[]): Map<FormClass, FormSchema> {
  const all = allSchemas();
  const result = new Map<FormClass, FormSchema>();
  for (const formClass of formClasses) {
    const root = all[formClass.name] ?? {};
    const definitions: Record<string, Schema> = {};
    const pending = [...referencedNames(root)];
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (definitions[name] || !all[name]) continue;
      definitions[name] = closed(all[name]);
      pending.push(...referencedNames(all[name]));
    }
    result.set(formClass, { ...closed(root), definitions });
  }
  return result;
}
