import { type FormField, type FormPart, valueAt } from './form-fields.js';

/** What a browser posts (urlencoded): a value or, for repeated names, several. */
export type PostedBody = Record<string, string | string[] | undefined>;

/** An error shown next to a field and in the summary. */
export interface FieldError {
  /** The field's HTML id (the summary links to it). */
  id: string;
  path: string;
  text: string;
}

/** One posted value, trimmed ('' when absent; the first of repeated names). */
export function postedText(body: PostedBody, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

function several(body: PostedBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
}

const EUROS = /^-?\d+(?:[.,]\d{1,2})?$/;

/** « 1 250,50 € » → 125050 cents; undefined when it is not an amount. */
export function centsFromEuros(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (!EUROS.test(compact)) return undefined;
  return Math.round(Number(compact.replace(',', '.')) * 100);
}

/** 125050 → « 1250,50 » (as typed back in the field). */
export function eurosFromCents(cents: unknown): string {
  if (typeof cents !== 'number') return '';
  return (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
}

/**
 * What a GOV.UK date input posted under `name` (`name-day`, `name-month`, `name-year`): `empty` when nothing was
 * typed, the date `YYYY-MM-DD` when the three parts are numbers, neither when they cannot be read. Pure.
 */
export function postedDate(body: PostedBody, name: string): { empty: boolean; date?: string } {
  const day = postedText(body, `${name}-day`);
  const month = postedText(body, `${name}-month`);
  const year = postedText(body, `${name}-year`);
  if (!day && !month && !year) return { empty: true };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { empty: false };
  return { empty: false, date: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

type Read = { value?: unknown; error?: string };

function readDate(body: PostedBody, field: FormField): Read {
  const posted = postedDate(body, field.path);
  if (posted.empty) return {};
  if (!posted.date) {
    return {
      error: `${field.label} doit comporter un jour, un mois et une année en chiffres, par exemple 27 3 1941`,
    };
  }
  return { value: posted.date };
}

function readField(body: PostedBody, field: FormField, name: string = field.path): Read {
  switch (field.kind) {
    case 'date':
      return readDate(body, { ...field, path: name });
    case 'checkboxes': {
      const values = several(body, name);
      return values.length ? { value: values } : {};
    }
    case 'yes-no': {
      const text = postedText(body, name);
      return text === 'true' ? { value: true } : text === 'false' ? { value: false } : {};
    }
    case 'integer': {
      const text = postedText(body, name).replace(/[\s\u00a0\u202f]/g, '');
      if (!text) return {};
      return /^-?\d+$/.test(text)
        ? { value: Number(text) }
        : { error: `${field.label} doit être un nombre entier` };
    }
    case 'euros': {
      const text = postedText(body, name);
      if (!text) return {};
      const cents = centsFromEuros(text);
      return cents === undefined
        ? { error: `${field.label} doit être un montant en euros, par exemple 1250,50` }
        : { value: cents };
    }
    case 'rows':
      return readRows(body, field);
    default: {
      const text = postedText(body, name);
      return text ? { value: text } : {};
    }
  }
}

function readRows(body: PostedBody, field: FormField): Read & { errors?: FieldError[] } {
  const rows: Record<string, unknown>[] = [];
  const errors: FieldError[] = [];
  for (let index = 0; index < (field.maxRows ?? 0); index++) {
    const row: Record<string, unknown> = {};
    for (const rowField of field.rowFields ?? []) {
      const name = `${field.path}.${index}.${rowField.path}`;
      const read = readField(body, rowField, name);
      if (read.error) errors.push({ id: fieldIdOf(name), path: name, text: read.error });
      if (read.value !== undefined) row[rowField.path] = read.value;
    }
    if (Object.keys(row).length > 0) rows.push(row);
  }
  return { value: rows, errors };
}

function fieldIdOf(path: string): string {
  return `champ-${path.replace(/\./g, '-')}`;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = (target[head] ?? {}) as Record<string, unknown>;
  target[head] = next;
  setAt(next, rest, value);
}

/**
 * A part's answers as posted → the part's value for the API (`{ beneficiary: {...} }`), and what the page itself
 * can tell is wrong (a required answer missing, an amount or a date that cannot be read). Pure.
 */
export function readPart(
  part: FormPart,
  body: PostedBody,
): { data: Record<string, unknown>; errors: FieldError[] } {
  const data: Record<string, unknown> = part.single ? {} : { [part.key]: {} };
  const errors: FieldError[] = [];
  for (const field of part.fields) {
    const read = readField(body, field) as Read & { errors?: FieldError[] };
    if (read.error) errors.push({ id: field.id, path: field.path, text: read.error });
    errors.push(...(read.errors ?? []));
    if (read.value === undefined) {
      if (field.required && !read.error) {
        errors.push({ id: field.id, path: field.path, text: requiredMessage(field) });
      }
      continue;
    }
    setAt(data, field.path.split('.'), read.value);
  }
  return { data, errors };
}

function requiredMessage(field: FormField): string {
  const choose = ['radios', 'select', 'checkboxes', 'yes-no'].includes(field.kind);
  return choose ? `Répondez à la question « ${field.label} »` : `Renseignez le champ « ${field.label} »`;
}

/** What each field of the part shows: the saved answers (a draft) or what was just posted (errors). Pure. */
export function displayedValues(part: FormPart, data: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of part.fields) {
    const value = valueAt(data, field.path);
    values[field.path] = field.kind === 'euros' ? eurosFromCents(value) : value;
    if (field.kind === 'rows' && Array.isArray(value)) {
      value.forEach((row, index) => {
        for (const rowField of field.rowFields ?? []) {
          const cell = valueAt(row, rowField.path);
          values[`${field.path}.${index}.${rowField.path}`] =
            rowField.kind === 'euros' ? eurosFromCents(cell) : cell;
        }
      });
    }
  }
  return values;
}
