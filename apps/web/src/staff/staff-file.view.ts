import { euros, frenchDate, frenchDateTime } from '../layout/french-format.js';
import { centsFromEuros, type PostedBody, postedDate, postedText } from '../forms/form-submission.js';
import { deadlineTag, type FileDetail } from './inbox.view.js';

const CARE_PLAN_STATUS: Record<string, string> = {
  proposed: 'proposé, en attente de la réponse du bénéficiaire',
  accepted: 'accepté par le bénéficiaire',
  changes_requested: 'le bénéficiaire demande des modifications',
  refused_by_silence: 'refusé faute de réponse (CASF R232-7)',
};

/** A file's page for staff: where it stands, why this team, the clock, the plan, the decision, the history. Pure. */
export function staffFileView(file: FileDetail, procedureTitle: string) {
  return {
    id: file.id,
    receiptNumber: file.receiptNumber,
    procedureTitle,
    status: file.statusLabel,
    deadlineTag: deadlineTag(file),
    rows: [
      { key: { text: 'Démarche' }, value: { text: procedureTitle } },
      { key: { text: 'État' }, value: { text: file.statusLabel } },
      { key: { text: 'Déposé le' }, value: { text: frenchDateTime(file.submittedAt) } },
      {
        key: { text: 'Date limite de décision' },
        value: { text: file.decisionDeadline ? frenchDate(file.decisionDeadline) : 'délai suspendu' },
      },
      {
        key: { text: 'Sans décision à cette date' },
        value: { text: file.silenceMeans === 'granted' ? 'accord tacite' : 'refus tacite' },
      },
      { key: { text: 'Commune (code INSEE)' }, value: { text: file.communeInsee } },
      { key: { text: 'Pourquoi cette équipe' }, value: { text: file.routingReason } },
      { key: { text: 'Agent' }, value: { text: file.assignee ?? 'Non attribué' } },
    ],
    infoRequest: file.infoRequest && {
      message: file.infoRequest.message,
      answerBy: frenchDate(file.infoRequest.answerBy),
    },
    evaluation: file.evaluation && { gir: file.evaluation.gir, on: frenchDate(file.evaluation.evaluatedOn) },
    carePlan: file.carePlan && {
      plan: euros(file.carePlan.planCents),
      participation: euros(file.carePlan.participationCents),
      apa: euros(file.carePlan.apaCents),
      status: CARE_PLAN_STATUS[file.carePlan.status] ?? file.carePlan.status,
    },
    decision: file.decision && {
      tacit: file.decision.by === null,
      outcome: file.decision.outcome,
      reason: file.decision.reason,
      remedies: file.decision.remedies,
      amount: file.decision.amountCents !== undefined ? euros(file.decision.amountCents) : undefined,
      at: frenchDateTime(file.decision.decidedAt),
    },
    history: [...file.history].reverse().map((entry) => ({ at: frenchDateTime(entry.at), text: entry.text })),
  };
}

export interface DecisionForm {
  command: { outcome: 'granted' | 'rejected' | 'closed'; reason?: string; amountCents?: number };
  errors: { field: string; reason: string }[];
}

/** The decision form → the API's command, or what is missing (a refusal needs its reason, CRPA L211-2). Pure. */
export function readDecision(body: PostedBody): DecisionForm {
  const outcome = postedText(body, 'outcome');
  const reason = postedText(body, 'reason');
  const amountText = postedText(body, 'amount');
  const errors: { field: string; reason: string }[] = [];
  if (outcome !== 'granted' && outcome !== 'rejected' && outcome !== 'closed') {
    errors.push({ field: 'outcome', reason: 'choisissez la décision' });
  }
  if (outcome === 'rejected' && !reason) {
    errors.push({
      field: 'reason',
      reason: 'un refus doit être motivé : écrivez le motif (CRPA, article L211-2)',
    });
  }
  const amountCents = amountText ? centsFromEuros(amountText) : undefined;
  if (amountText && amountCents === undefined) {
    errors.push({ field: 'amountCents', reason: 'le montant doit être en euros, par exemple 12000' });
  }
  return {
    command: {
      outcome: (outcome || 'granted') as DecisionForm['command']['outcome'],
      ...(reason ? { reason } : {}),
      ...(amountCents !== undefined ? { amountCents } : {}),
    },
    errors,
  };
}

/** The request for information: a message and the date to answer by (GOV.UK date input). Pure. */
export function readInfoRequest(body: PostedBody): {
  message: string;
  answerBy: string;
  errors: { field: string; reason: string }[];
} {
  const message = postedText(body, 'message');
  const answerBy = postedDate(body, 'answerBy').date;
  const errors: { field: string; reason: string }[] = [];
  if (!message) errors.push({ field: 'message', reason: 'écrivez ce que vous demandez au demandeur' });
  if (!answerBy)
    errors.push({
      field: 'answerBy',
      reason: 'indiquez la date de réponse attendue, par exemple 17 12 2026',
    });
  return {
    message,
    answerBy: answerBy ?? '',
    errors,
  };
}

const CLOCK_EFFECTS: Record<string, string> = {
  suspends:
    'Pour cette démarche, la demande suspend le délai de décision jusqu’à la réponse (au plus jusqu’à la date indiquée).',
  restarts: 'Pour cette démarche, le délai de décision repartira de zéro à la réponse complète du demandeur.',
  none: 'Pour cette démarche, la demande ne change pas le délai de décision.',
};

/** What a request for information does to the legal clock, as the procedure declares it. Pure. */
export function clockEffectText(effect: string): string {
  return CLOCK_EFFECTS[effect] ?? '';
}
