import { daysBetween, euros, frenchDate, frenchDateTime } from '../layout/french-format.js';
import type { ApplicationView } from './receipt.view.js';
import type { Handling } from './handling.js';
import { silenceSentence } from './receipt.view.js';

const STATUS_COLOURS: Record<string, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  in_review: 'govuk-tag--light-blue',
  info_requested: 'govuk-tag--orange',
  granted: 'govuk-tag--green',
  deemed_granted: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
  deemed_rejected: 'govuk-tag--red',
  closed: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
};

const OUTCOME_LABELS: Record<string, string> = {
  granted: 'Demande accordée',
  rejected: 'Demande refusée',
  closed: 'Demande classée sans suite',
};

/** What the person is asked to do now, with the form that does it. */
export type PendingAction =
  | { kind: 'complement'; message: string; answerBy: string; requestId: string }
  | {
      kind: 'care-plan';
      gir: number;
      plan: string;
      participation: string;
      apa: string;
      answerBy: string;
      description?: string;
    }
  | { kind: 'evidence'; dueDate: string }
  | { kind: 'control-answer'; outcome: string; reason: string; answerBy: string };

const CONTROL_OUTCOMES: Record<string, string> = {
  compliant: 'dossier conforme',
  corrected: 'dossier corrigé (droit à l’erreur)',
  overpayment: 'somme versée à tort à rembourser',
  fraud_suspected: 'suspicion de fraude',
};

export function pendingActions(handling: Handling, status: string): PendingAction[] {
  const actions: PendingAction[] = [];
  if (status === 'info_requested' && handling.infoRequest) {
    actions.push({
      kind: 'complement',
      ...handling.infoRequest,
      answerBy: frenchDate(handling.infoRequest.answerBy),
    });
  }
  const plan = handling.carePlan;
  if (plan && plan.status === 'proposed') {
    actions.push({
      kind: 'care-plan',
      gir: plan.gir,
      plan: euros(plan.planCents),
      participation: euros(plan.participationCents),
      apa: euros(plan.apaCents),
      answerBy: frenchDate(plan.answerBy),
      description: plan.description,
    });
  }
  const check = handling.check;
  if (check?.status === 'evidence_requested')
    actions.push({ kind: 'evidence', dueDate: frenchDate(check.dueDate) });
  if (check?.status === 'contradictory' && check.proposal && !check.answeredAt) {
    actions.push({
      kind: 'control-answer',
      outcome: CONTROL_OUTCOMES[check.proposal.outcome] ?? check.proposal.outcome,
      reason: check.proposal.reason,
      answerBy: frenchDate(check.proposal.answerBy),
    });
  }
  return actions;
}

/** A file's page: status, dates, team, decision, what is asked, timeline. Pure. */
export function fileView(
  application: ApplicationView,
  procedureTitle: string,
  timeline: { at: string; text: string }[],
  today: string,
) {
  const handling = application.handling;
  const deadline = application.decisionDeadline;
  const decision = handling.decision;
  return {
    id: application.id,
    procedureTitle,
    receiptNumber: application.receiptNumber,
    status: {
      text: application.statusLabel,
      classes: STATUS_COLOURS[application.status] ?? 'govuk-tag--grey',
    },
    submittedAt: frenchDateTime(application.submittedAt),
    deadline: deadline && !decision ? frenchDate(deadline) : undefined,
    daysLeft: deadline && !decision ? daysBetween(today, deadline) : undefined,
    silence: deadline && !decision ? silenceSentence(deadline, application.silenceMeans) : undefined,
    clockSuspended: application.clockSuspendedOn ? frenchDate(application.clockSuspendedOn) : undefined,
    team: handling.team?.contact,
    decision: decision && {
      title: decision.tacit
        ? `${OUTCOME_LABELS[decision.outcome] ?? decision.outcome} (décision implicite)`
        : (OUTCOME_LABELS[decision.outcome] ?? decision.outcome),
      reason: decision.reason,
      amount: decision.amountCents !== undefined ? euros(decision.amountCents) : undefined,
      remedies: decision.remedies,
      decidedAt: frenchDate(decision.decidedAt),
    },
    actions: pendingActions(handling, application.status),
    canWithdraw: ['submitted', 'in_review', 'info_requested'].includes(application.status),
    timeline: timeline.map((entry) => ({ at: frenchDateTime(entry.at), text: entry.text })),
  };
}
