import type { IntakeComponents } from '#api-client';
import { frenchDate, frenchDateTime } from '../layout/french-format.js';
import type { ProcedureDescription } from '../procedures/procedure-catalogue.js';

export type ApplicationView = IntakeComponents['schemas']['ApplicationViewDoc'];

/** What silence at the deadline means, in one sentence. Pure. */
export function silenceSentence(deadline: string, silenceMeans: string | null | undefined): string {
  const date = frenchDate(deadline);
  if (silenceMeans === 'granted') return `Sans décision le ${date}, votre demande sera réputée acceptée.`;
  if (silenceMeans === 'rejected') return `Sans décision le ${date}, votre demande sera réputée refusée.`;
  return `Une décision doit être prise au plus tard le ${date}.`;
}

/** The receipt page: number, date, legal deadline, what silence means, the team once the file is routed. Pure. */
export function receiptView(application: ApplicationView, procedure: ProcedureDescription) {
  const handling = application.handling;
  return {
    applicationId: application.id,
    procedureTitle: procedure.title,
    receiptNumber: application.receiptNumber,
    submittedAt: frenchDateTime(application.submittedAt),
    deadline: application.decisionDeadline ? frenchDate(application.decisionDeadline) : '',
    silence: application.decisionDeadline
      ? silenceSentence(application.decisionDeadline, application.silenceMeans)
      : '',
    deadlineExplanation: procedure.deadline.explanation,
    legalBasis: procedure.deadline.legalBasis,
    warnings: application.warnings,
    team: handling.team?.contact,
  };
}
