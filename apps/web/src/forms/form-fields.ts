import { type JsonSchema, resolveRef } from './json-schema.js';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'integer'
  | 'euros'
  | 'date'
  | 'yes-no'
  | 'radios'
  | 'select'
  | 'checkboxes'
  | 'rows';

export interface Choice {
  value: string;
  label: string;
}

/** One question of a part, as the page asks it. */
export interface FormField {
  /** Dotted path in the form's data (`beneficiary.birthDate`): the API's error details name it. */
  path: string;
  /** The HTML id, also the error summary's anchor. */
  id: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  required: boolean;
  choices?: Choice[];
  autocomplete?: string;
  maxLength?: number;
  /** `rows`: the questions of each row and how many rows at most. */
  rowFields?: FormField[];
  maxRows?: number;
}

/** One page of the form: a top-level property of the procedure's form. */
export interface FormPart {
  key: string;
  title: string;
  description?: string;
  /** True when the part is one question (not an object): the question is the page's heading. */
  single: boolean;
  fields: FormField[];
  askedWhen?: { field: string; equals: unknown };
}

const RADIOS_AT_MOST = 8;
const TEXTAREA_FROM = 400;

export function fieldId(path: string): string {
  return `champ-${path.replace(/\./g, '-')}`;
}

function choicesOf(schema: JsonSchema): Choice[] | undefined {
  if (schema.oneOf?.length) {
    return schema.oneOf
      .filter((option) => option.const !== undefined)
      .map((option) => ({ value: String(option.const), label: option.title ?? String(option.const) }));
  }
  return schema.enum?.map((value) => ({ value: String(value), label: String(value) }));
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
}

function kindOf(schema: JsonSchema, root: JsonSchema): FieldKind {
  const type = typeOf(schema);
  if (type === 'array') {
    const items = resolveRef(schema.items ?? {}, root);
    return typeOf(items) === 'object' ? 'rows' : 'checkboxes';
  }
  if (type === 'boolean') return 'yes-no';
  if (type === 'integer' || type === 'number') return schema['x-unit'] === 'cents' ? 'euros' : 'integer';
  const choices = choicesOf(schema);
  if (schema['x-widget'] === 'commune' || (choices && choices.length > RADIOS_AT_MOST)) return 'select';
  if (choices) return 'radios';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'email') return 'email';
  if (schema['x-autocomplete'] === 'tel' || /^\^\(\?:0\[1-9\]/.test(schema.pattern ?? '')) return 'tel';
  if ((schema.maxLength ?? 0) >= TEXTAREA_FROM) return 'textarea';
  return 'text';
}

/** The question a schema property asks, named after its path. Pure. */
export function fieldFor(path: string, property: JsonSchema, required: boolean, root: JsonSchema): FormField {
  const schema = resolveRef(property, root);
  const kind = kindOf(schema, root);
  const field: FormField = {
    path,
    id: fieldId(path),
    kind,
    label: schema.title ?? path.split('.').pop() ?? path,
    hint: schema.description,
    required,
    autocomplete: schema['x-autocomplete'],
    maxLength: schema.maxLength,
  };
  if (kind === 'checkboxes') field.choices = choicesOf(resolveRef(schema.items ?? {}, root));
  else if (kind === 'radios' || kind === 'select') field.choices = choicesOf(schema);
  if (kind === 'rows') {
    const row = resolveRef(schema.items ?? {}, root);
    field.rowFields = fieldsOf(row, '', root);
    field.maxRows = schema.maxItems ?? 10;
  }
  return field;
}

/** The questions of an object schema, in declaration order. */
export function fieldsOf(schema: JsonSchema, prefix: string, root: JsonSchema): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldFor(prefix ? `${prefix}.${name}` : name, property, required.has(name), root),
  );
}

/** The pages of a procedure's form: one per top-level property, in order. Pure. */
export function formParts(form: JsonSchema): FormPart[] {
  const required = new Set(form.required ?? []);
  return Object.entries(form.properties ?? {}).map(([key, property]) => {
    const schema = resolveRef(property, form);
    const single = typeOf(schema) !== 'object';
    return {
      key,
      title: schema.title ?? property.title ?? key,
      description: schema.description ?? property.description,
      single,
      fields: single ? [fieldFor(key, property, required.has(key), form)] : fieldsOf(schema, key, form),
      askedWhen: property['x-askedWhen'],
    };
  });
}

/** Reads a dotted path in the form's data. */
export function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (value && typeof value === 'object') return (value as Record<string, unknown>)[key];
    return undefined;
  }, data);
}

/** The parts asked of this file, given its answers so far (a part asked only in some case may drop out). */
export function partsAsked(parts: FormPart[], data: unknown): FormPart[] {
  return parts.filter(
    (part) => !part.askedWhen || valueAt(data, part.askedWhen.field) === part.askedWhen.equals,
  );
}
