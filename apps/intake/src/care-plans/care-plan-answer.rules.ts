import { DomainError, type LegalDate } from '#domain';
import type { ApplicationHandling } from '../applications/application.entity.js';
import { isClosed, type ApplicationStatus } from '../applications/application.lifecycle.js';

type CarePlan = NonNullable<ApplicationHandling['carePlan']>;

function conflict(code: string, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

/**
 * Whether the beneficiary may answer the proposed care plan now (CASF R232-7): a plan was proposed, it has not been
 * answered, the file is still open, and the 10 days given have not run out (no answer by then counts as a refusal).
 * Returns the plan, or throws a 409 with a French message.
 */
export function answerablePlan(
  status: ApplicationStatus,
  plan: CarePlan | undefined,
  today: LegalDate,
): CarePlan {
  if (!plan) {
    throw conflict('CARE_PLAN_NOT_PROPOSED', 'Aucun plan d’aide ne vous a été proposé pour ce dossier.');
  }
  if (plan.status !== 'proposed') {
    throw conflict('CARE_PLAN_ALREADY_ANSWERED', 'Vous avez déjà répondu à ce plan d’aide.');
  }
  if (status === 'draft' || isClosed(status)) {
    throw conflict(
      'APPLICATION_CLOSED',
      'Cette demande est close : le plan d’aide ne peut plus être modifié.',
    );
  }
  if (today > plan.answerBy) {
    throw conflict(
      'CARE_PLAN_ANSWER_TOO_LATE',
      'Le délai de 10 jours pour répondre au plan d’aide est dépassé : sans réponse, le plan est considéré comme ' +
        'refusé (CASF, article R232-7). Contactez l’équipe qui suit votre dossier.',
    );
  }
  return plan;
}
