import type { RoutingComponents } from '#api-client';
import { frenchDate } from '../layout/french-format.js';

export type FileSummary = RoutingComponents['schemas']['FileSummaryDoc'];
export type FileDetail = RoutingComponents['schemas']['FileDetailDoc'];

const OPEN = new Set(['submitted', 'in_review', 'info_requested']);

/** Time left before the legal deadline as a tag: red under 3 days, orange under 15, « tacite » once silence ruled. */
export function deadlineTag(file: Pick<FileSummary, 'status' | 'daysLeft' | 'decisionDeadline'>): {
  text: string;
  classes: string;
} {
  if (file.status === 'deemed_granted' || file.status === 'deemed_rejected') {
    return { text: 'Tacite', classes: 'govuk-tag--purple' };
  }
  if (!OPEN.has(file.status)) return { text: 'Décidé', classes: 'govuk-tag--grey' };
  if (file.daysLeft === null) return { text: 'Délai suspendu', classes: 'govuk-tag--grey' };
  const days = file.daysLeft;
  const text = days < 0 ? `Dépassé de ${-days} j` : days === 0 ? 'Aujourd’hui' : `${days} j`;
  if (days < 3) return { text, classes: 'govuk-tag--red' };
  if (days < 15) return { text, classes: 'govuk-tag--orange' };
  return { text, classes: 'govuk-tag--green' };
}

function assigneeText(assignee: string | null, me: string): string {
  if (!assignee) return 'Non attribué';
  return assignee === me ? 'Vous' : assignee;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The team inbox as a GOV.UK table: soonest deadline first (the API's order), days left as a tag. Pure. */
export function inboxRows(items: FileSummary[], me: string, titles: Map<string, string>) {
  return items.map((file) => {
    const tag = deadlineTag(file);
    return [
      {
        html: `<a class="govuk-link" href="/agents/dossiers/${file.id}">${escapeHtml(file.receiptNumber)}</a>`,
      },
      { text: titles.get(file.procedure) ?? file.procedure },
      { text: file.communeInsee },
      { text: file.statusLabel },
      { text: assigneeText(file.assignee, me) },
      { text: file.decisionDeadline ? frenchDate(file.decisionDeadline) : '—' },
      { html: `<strong class="govuk-tag ${tag.classes}">${escapeHtml(tag.text)}</strong>` },
    ];
  });
}

/** What the agent may do now on a file, from its state (the API checks again). Pure. */
export function availableActions(file: FileDetail, me: string, canAssign: boolean) {
  const open = OPEN.has(file.status);
  const apa = file.procedure === 'apa';
  const planSettled = file.carePlan?.status === 'proposed' || file.carePlan?.status === 'accepted';
  return {
    claim: open && file.assignee !== me,
    release: open && file.assignee !== null && (file.assignee === me || canAssign),
    assign: open && canAssign,
    requestInfo: open && file.status !== 'info_requested',
    evaluate: open && apa && !file.evaluation,
    carePlan: open && apa && Boolean(file.evaluation) && !planSettled,
    decide: open,
    amountAsked: file.procedure === 'apcr',
  };
}
