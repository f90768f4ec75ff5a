import { frenchDate } from '../layout/french-format.js';
import type { ApplicationView } from './receipt.view.js';

/** « Mes démarches »: drafts to resume, files to follow, each with its next step. Pure. */
export function myApplicationsView(items: ApplicationView[], titles: Map<string, string>) {
  const row = (item: ApplicationView) => ({
    id: item.id,
    title: titles.get(item.procedure) ?? item.procedure,
    status: item.statusLabel,
    receiptNumber: item.receiptNumber,
    updatedAt: frenchDate(item.updatedAt),
    deadline: item.decisionDeadline ? frenchDate(item.decisionDeadline) : undefined,
    href: item.status === 'draft' ? `/dossiers/${item.id}/etapes` : `/dossiers/${item.id}`,
    next: nextStep(item),
  });
  return {
    drafts: items.filter((item) => item.status === 'draft').map(row),
    files: items.filter((item) => item.status !== 'draft').map(row),
  };
}

function nextStep(item: ApplicationView): string {
  switch (item.status) {
    case 'draft':
      return 'Reprendre et envoyer la demande';
    case 'info_requested':
      return 'Répondre à la demande d’informations';
    case 'submitted':
    case 'in_review':
      return 'Suivre le dossier';
    default:
      return 'Voir la décision';
  }
}
