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

export type PartProgress = 'done' | 'started' | 'todo';

function answered(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Where a part stands: every required answer given (done; a part with nothing required is done), some answers but
 * not all the required ones (started), none (todo). Pure.
 */
export function partProgress(part: FormPart, data: unknown): PartProgress {
  const given = part.fields.filter((field) => answered(valueAt(data, field.path))).length;
  const missing = part.fields.filter(
    (field) => field.required && !answered(valueAt(data, field.path)),
  ).length;
  if (missing === 0) return 'done';
  return given > 0 ? 'started' : 'todo';
}

const PROGRESS_TAGS: Record<PartProgress, { text: string; classes?: string }> = {
  done: { text: 'Terminé' },
  started: { text: 'En cours', classes: 'govuk-tag--light-blue' },
  todo: { text: 'À compléter', classes: 'govuk-tag--blue' },
};

/** The draft's task list (GOV.UK task list pattern): each part asked with its progress, then « check and send ». */
export function taskListView(applicationId: string, parts: FormPart[], data: unknown) {
  const progress = parts.map((part) => partProgress(part, data));
  const ready = progress.every((state) => state === 'done');
  const items = parts.map((part, index) => {
    const tag = PROGRESS_TAGS[progress[index]];
    return {
      title: { text: part.title },
      href: `/dossiers/${applicationId}/etapes/${part.key}`,
      status: progress[index] === 'done' ? { text: tag.text } : { tag },
    };
  });
  items.push({
    title: { text: 'Vérifier vos réponses et envoyer la demande' },
    href: ready ? `/dossiers/${applicationId}/recapitulatif` : '',
    status: ready
      ? { tag: { text: 'À faire', classes: 'govuk-tag--blue' } }
      : {
          text: 'Possible une fois les étapes terminées',
          classes: 'govuk-task-list__status--cannot-start-yet',
        },
  } as (typeof items)[number]);
  return { items, done: progress.filter((state) => state === 'done').length, total: parts.length };
}
