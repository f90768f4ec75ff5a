import { euros, frenchDate } from '../layout/french-format.js';
import { type FormField, type FormPart, valueAt } from './form-fields.js';

export interface SummaryRow {
  key: { text: string };
  value: { text?: string; html?: string };
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] };
}

export interface SummaryCard {
  title: string;
  href: string;
  rows: SummaryRow[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** An answer as the citizen reads it back: labels of choices, dates and amounts in French. Pure. */
export function answerText(field: FormField, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'Non renseigné';
  const label = (code: unknown) =>
    field.choices?.find((choice) => choice.value === String(code))?.label ?? String(code);
  switch (field.kind) {
    case 'yes-no':
      return value === true ? 'Oui' : 'Non';
    case 'date':
      return frenchDate(String(value));
    case 'euros':
      return typeof value === 'number' ? euros(value) : String(value);
    case 'checkboxes':
      return Array.isArray(value) ? value.map(label).join(', ') : label(value);
    case 'radios':
    case 'select':
      return label(value);
    case 'rows':
      return Array.isArray(value)
        ? value
            .map((row) =>
              (field.rowFields ?? [])
                .map((rowField) => answerText(rowField, valueAt(row, rowField.path)))
                .join(' — '),
            )
            .join('\n') || 'Aucun'
        : 'Aucun';
    default:
      return String(value);
  }
}

/** The « check your answers » cards: one per part asked, a « Modifier » link to its page. Pure. */
export function answersSummary(applicationId: string, parts: FormPart[], data: unknown): SummaryCard[] {
  return parts.map((part) => {
    const href = `/dossiers/${applicationId}/etapes/${part.key}?retour=recapitulatif`;
    return {
      title: part.title,
      href,
      rows: part.fields.map((field) => {
        const text = answerText(field, valueAt(data, field.path));
        return {
          key: { text: field.label },
          value: text.includes('\n') ? { html: text.split('\n').map(escapeHtml).join('<br>') } : { text },
          actions: {
            items: [{ href: `${href}#${field.id}`, text: 'Modifier', visuallyHiddenText: field.label }],
          },
        };
      }),
    };
  });
}

/** The first part with a required answer still missing: where « Reprendre » leads. Pure. */
export function firstIncompletePart(parts: FormPart[], data: unknown): FormPart | undefined {
  return parts.find((part) =>
    part.fields.some((field) => {
      const value = valueAt(data, field.path);
      return field.required && (value === undefined || value === null || value === '');
    }),
  );
}
