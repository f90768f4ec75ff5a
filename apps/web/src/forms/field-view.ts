import type { FormField } from './form-fields.js';
import type { FieldError, PostedBody } from './form-submission.js';

/** One GOV.UK Frontend macro call: which macro, with which parameters. The template only dispatches. */
export interface MacroCall {
  macro: 'input' | 'textarea' | 'radios' | 'select' | 'checkboxes' | 'dateInput' | 'rows';
  params: Record<string, unknown>;
  /** `rows`: one fieldset of macro calls per row. */
  rows?: { legend: string; fields: MacroCall[] }[];
  legend?: string;
  hint?: string;
}

/** Where a field's shown value comes from: what was just posted (after an error), or what the draft holds. */
export interface FieldValues {
  posted?: PostedBody;
  saved: Record<string, unknown>;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? String(value[0] ?? '') : String(value);
}

function shown(values: FieldValues, name: string): unknown {
  return values.posted ? values.posted[name] : values.saved[name];
}

function errorFor(
  errors: FieldError[],
  path: string,
): { text: string; visuallyHiddenText: string } | undefined {
  const error = errors.find((candidate) => candidate.path === path);
  return error ? { text: error.text, visuallyHiddenText: 'Erreur' } : undefined;
}

function dateParts(values: FieldValues, name: string): { day: string; month: string; year: string } {
  if (values.posted) {
    return {
      day: text(values.posted[`${name}-day`]),
      month: text(values.posted[`${name}-month`]),
      year: text(values.posted[`${name}-year`]),
    };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(values.saved[name]));
  return match
    ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] }
    : { day: '', month: '', year: '' };
}

const INPUT_TYPES: Partial<
  Record<FormField['kind'], { type: string; inputmode?: string; classes?: string }>
> = {
  email: { type: 'email', classes: 'govuk-!-width-two-thirds' },
  tel: { type: 'tel', classes: 'govuk-input--width-20' },
  integer: { type: 'text', inputmode: 'numeric', classes: 'govuk-input--width-10' },
  euros: { type: 'text', inputmode: 'decimal', classes: 'govuk-input--width-10' },
  text: { type: 'text' },
};

/**
 * The macro call that asks a field, with its label, hint, value and error. `name` differs from the field's path
 * inside rows (`financing.otherGrants.0.funder`). `asPageHeading` makes a one-question page's label its h1. Pure.
 */
export function fieldView(
  field: FormField,
  values: FieldValues,
  errors: FieldError[],
  options: { name?: string; asPageHeading?: boolean } = {},
): MacroCall {
  const name = options.name ?? field.path;
  const id = `champ-${name.replace(/\./g, '-')}`;
  const errorMessage = errorFor(errors, name);
  const hint = field.hint ? { text: field.hint } : undefined;
  const heading = options.asPageHeading ? { isPageHeading: true, classes: 'govuk-fieldset__legend--l' } : {};
  const labelHeading = options.asPageHeading ? { isPageHeading: true, classes: 'govuk-label--l' } : {};
  const optional = field.required ? '' : ' (facultatif)';
  switch (field.kind) {
    case 'date': {
      const parts = dateParts(values, name);
      return {
        macro: 'dateInput',
        params: {
          id,
          namePrefix: name,
          fieldset: { legend: { text: field.label + optional, ...heading } },
          hint: hint ?? { text: 'Par exemple, 27 3 1941' },
          errorMessage,
          items: [
            { name: 'day', label: 'Jour', classes: 'govuk-input--width-2', value: parts.day },
            { name: 'month', label: 'Mois', classes: 'govuk-input--width-2', value: parts.month },
            { name: 'year', label: 'Année', classes: 'govuk-input--width-4', value: parts.year },
          ].map((item) => ({ ...item, classes: item.classes + (errorMessage ? ' govuk-input--error' : '') })),
        },
      };
    }
    case 'yes-no':
    case 'radios': {
      const current = text(shown(values, name));
      const choices =
        field.kind === 'yes-no'
          ? [
              { value: 'true', label: 'Oui' },
              { value: 'false', label: 'Non' },
            ]
          : (field.choices ?? []);
      return {
        macro: 'radios',
        params: {
          idPrefix: id,
          name,
          fieldset: { legend: { text: field.label + optional, ...heading } },
          hint,
          errorMessage,
          classes: field.kind === 'yes-no' ? 'govuk-radios--inline' : undefined,
          items: choices.map((choice) => ({
            value: choice.value,
            text: choice.label,
            checked: current === choice.value,
          })),
        },
      };
    }
    case 'checkboxes': {
      const raw = shown(values, name);
      const current = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
      return {
        macro: 'checkboxes',
        params: {
          idPrefix: id,
          name,
          fieldset: { legend: { text: field.label + optional, ...heading } },
          hint: hint ?? { text: 'Cochez toutes les réponses qui s’appliquent.' },
          errorMessage,
          items: (field.choices ?? []).map((choice) => ({
            value: choice.value,
            text: choice.label,
            checked: current.includes(choice.value),
          })),
        },
      };
    }
    case 'select': {
      const current = text(shown(values, name));
      return {
        macro: 'select',
        params: {
          id,
          name,
          label: { text: field.label + optional, ...labelHeading },
          hint,
          errorMessage,
          items: [
            { value: '', text: 'Choisissez dans la liste', selected: current === '' },
            ...(field.choices ?? []).map((choice) => ({
              value: choice.value,
              text: choice.label,
              selected: current === choice.value,
            })),
          ],
        },
      };
    }
    case 'textarea':
      return {
        macro: 'textarea',
        params: {
          id,
          name,
          label: { text: field.label + optional, ...labelHeading },
          hint,
          errorMessage,
          value: text(shown(values, name)),
          rows: 6,
        },
      };
    case 'rows':
      return rowsView(field, values, errors);
    default: {
      const input = INPUT_TYPES[field.kind] ?? { type: 'text' };
      return {
        macro: 'input',
        params: {
          id,
          name,
          type: input.type,
          inputmode: input.inputmode,
          classes: input.classes,
          label: { text: field.label + optional, ...labelHeading },
          hint,
          errorMessage,
          value: text(shown(values, name)),
          autocomplete: field.autocomplete,
          spellcheck: field.kind === 'text' ? undefined : false,
          suffix: field.kind === 'euros' ? { text: '€' } : undefined,
        },
      };
    }
  }
}

/** Repeated rows (e.g. other grants): the saved rows and empty ones to add, up to the maximum, without JavaScript. */
function rowsView(field: FormField, values: FieldValues, errors: FieldError[]): MacroCall {
  const filled = Object.keys(values.posted ?? values.saved).filter((key) => key.startsWith(`${field.path}.`));
  const used = filled.reduce(
    (most, key) => Math.max(most, Number(key.split('.')[field.path.split('.').length]) + 1),
    0,
  );
  const count = Math.min(field.maxRows ?? 3, Math.max(used + 1, 2));
  const rows = Array.from({ length: count }, (_unused, index) => ({
    legend: `${field.label} — ligne ${index + 1}`,
    fields: (field.rowFields ?? []).map((rowField) =>
      fieldView({ ...rowField, required: false }, values, errors, {
        name: `${field.path}.${index}.${rowField.path}`,
      }),
    ),
  }));
  return {
    macro: 'rows',
    params: {},
    rows,
    legend: field.label,
    hint: field.hint ?? 'Laissez vides les lignes inutiles.',
  };
}
