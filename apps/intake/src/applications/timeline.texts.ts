import {
  type ApplicationAssignedV1,
  type ApplicationCarePlanProposedV1,
  type ApplicationDecidedV1,
  type ApplicationInfoRequestedV1,
  type ApplicationRoutedV1,
  type CheckConcludedV1,
  type CheckConclusionProposedV1,
  type CheckEvidenceRequestedV1,
  type DecisionOutcome,
  euros,
  cents,
  frenchDate,
  type LegalDate,
} from '#domain';

/** The sentences of a file's timeline, in plain French, as the citizen reads them. Pure. */

export function draftCreatedText(procedureTitle: string): string {
  return `Brouillon créé : ${procedureTitle}. Vous pouvez le compléter en plusieurs fois.`;
}

export function submittedText(
  receiptNumber: string,
  deadline: LegalDate,
  silenceMeans: 'granted' | 'rejected',
): string {
  const silence = silenceMeans === 'granted' ? 'vaudra accord' : 'vaudra refus';
  return (
    `Demande déposée sur l’honneur, sans pièce justificative. Numéro d’accusé de réception : ${receiptNumber}. ` +
    `Le département doit vous répondre au plus tard le ${frenchDate(deadline)} ; sans réponse à cette date, le silence ${silence}.`
  );
}

export function withdrawnText(): string {
  return 'Vous avez retiré votre demande. Elle ne sera pas instruite.';
}

export function complementedText(deadline: LegalDate | null, answer: string): string {
  const clock = deadline
    ? ` Le département doit désormais vous répondre au plus tard le ${frenchDate(deadline)}.`
    : '';
  return `Vous avez envoyé les informations complémentaires demandées : « ${answer} ».${clock}`;
}

export function routedText(event: ApplicationRoutedV1): string {
  const { contact } = event;
  const ways = [
    contact.phone && `téléphone ${contact.phone}`,
    contact.email && `e-mail ${contact.email}`,
    contact.address,
  ]
    .filter(Boolean)
    .join(', ');
  const hours = contact.hours ? ` (horaires : ${contact.hours})` : '';
  return `Votre demande est suivie par ${contact.name}.${ways ? ` Pour la joindre : ${ways}${hours}.` : ''}`;
}

export function assignedText(_event: ApplicationAssignedV1): string {
  return 'Un agent instructeur a pris votre demande en charge.';
}

export function infoRequestedText(event: ApplicationInfoRequestedV1): string {
  const clock =
    event.clockEffect === 'restarts'
      ? ' Le délai de décision repartira de votre réponse.'
      : event.clockEffect === 'suspends'
        ? ` Le délai de décision est suspendu jusqu’à votre réponse, et au plus tard jusqu’au ${frenchDate(event.answerBy)} : il reprendra ensuite même sans réponse (CRPA, article L114-5).`
        : '';
  return `Le service vous demande des informations complémentaires : « ${event.message} ». Merci de répondre avant le ${frenchDate(event.answerBy)}.${clock}`;
}

const OUTCOME_TEXTS: Record<DecisionOutcome, string> = {
  granted: 'Votre demande est accordée.',
  rejected: 'Votre demande est refusée.',
  closed: 'Votre demande est classée sans suite.',
  deemed_granted: 'Faute de décision dans le délai légal, votre demande est réputée accordée.',
  deemed_rejected: 'Faute de décision dans le délai légal, votre demande est réputée refusée.',
};

const PROVISIONAL_AMOUNTS =
  ' Ces montants sont provisoires : ils reposent sur le dernier barème connu de l’APA, le barème revalorisé au 1er ' +
  'janvier n’étant pas encore publié ; ils seront revus à sa publication.';

export function decidedText(event: ApplicationDecidedV1): string {
  const amounts = [
    event.gir !== undefined && `GIR ${event.gir}`,
    event.planCents !== undefined && `plan d’aide mensuel ${money(event.planCents)}`,
    event.participationCents !== undefined && `votre participation ${money(event.participationCents)}`,
    event.amountCents !== undefined && `montant ${money(event.amountCents)}`,
  ].filter(Boolean);
  const amount = amounts.length > 0 ? ` ${capitalise(amounts.join(', '))}.` : '';
  const provisional = event.provisionalParameters ? PROVISIONAL_AMOUNTS : '';
  // CRPA L232-4: a tacit decision has no written reasons; the person may ask for them within the appeal time limit.
  const tacit =
    event.outcome === 'deemed_granted' || event.outcome === 'deemed_rejected'
      ? ' Cette décision est implicite (née du silence de l’administration) : vous pouvez en demander les motifs ' +
        'dans le délai de recours ; ils vous seront communiqués dans le mois (CRPA, article L232-4).'
      : '';
  return `${OUTCOME_TEXTS[event.outcome]}${amount}${provisional} Motif : ${event.reason}${tacit} Voies de recours : ${event.remedies}`;
}

/** APA (CASF R232-7): the proposed care plan, its amounts and the 10 days to answer. */
export function carePlanProposedText(event: ApplicationCarePlanProposedV1): string {
  const provisional = event.provisionalParameters ? PROVISIONAL_AMOUNTS : '';
  const description = event.description ? ` Contenu : ${event.description}` : '';
  return (
    `Après l’évaluation à domicile du ${frenchDate(event.evaluatedOn)} (GIR ${event.gir}), un plan d’aide vous est ` +
    `proposé : ${money(event.planCents)} par mois, dont ${money(event.participationCents)} à votre charge ; ` +
    `APA versée : ${money(event.apaCents)} par mois.${provisional}${description} Vous pouvez l’accepter ou demander ` +
    `des modifications jusqu’au ${frenchDate(event.answerBy)} ; sans réponse à cette date, le plan est considéré ` +
    `comme refusé (CASF, article R232-7).`
  );
}

export function carePlanAnsweredText(accepted: boolean, requestedChanges?: string): string {
  return accepted
    ? 'Vous avez accepté le plan d’aide proposé. La décision suivra ce plan.'
    : `Vous avez demandé des modifications du plan d’aide proposé${requestedChanges ? ` : « ${requestedChanges} »` : ''}.`;
}

/** CRPA L114-5: the time given to answer has run out; the clock resumed by itself. */
export function clockResumedText(answerBy: LegalDate, deadline: LegalDate): string {
  return (
    `Le délai laissé pour répondre à la demande de pièces a expiré le ${frenchDate(answerBy)} : le délai de ` +
    `décision a repris (CRPA, article L114-5). Le département doit vous répondre au plus tard le ${frenchDate(deadline)}.`
  );
}

function money(amountCents: number): string {
  return euros(cents(amountCents));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function checkOpenedText(): string {
  return (
    'Votre dossier fait partie de l’échantillon de contrôle a posteriori : comme pour d’autres dossiers tirés au sort ' +
    'ou selon des critères publics, le département vérifie les informations déclarées sur l’honneur.'
  );
}

export function evidenceRequestedText(event: CheckEvidenceRequestedV1): string {
  return `Dans le cadre du contrôle, merci de transmettre avant le ${frenchDate(event.dueDate)} : ${event.evidence.join(', ')}. ${event.message}`;
}

export function conclusionProposedText(event: CheckConclusionProposedV1): string {
  const missing = event.evidenceMissing ? ' Les pièces demandées n’ont pas été reçues à la date prévue.' : '';
  return (
    `Le contrôle propose la conclusion suivante : ${CHECK_OUTCOME_LABELS[event.proposedOutcome]} — ${event.reason}.${missing} ` +
    `Vous pouvez répondre jusqu’au ${frenchDate(event.answerBy)} avant qu’elle ne devienne définitive.`
  );
}

export function conclusionAnsweredText(): string {
  return 'Votre réponse à la conclusion proposée a été transmise au contrôleur.';
}

const CHECK_OUTCOME_LABELS: Record<CheckConclusionProposedV1['proposedOutcome'], string> = {
  compliant: 'dossier conforme',
  corrected: 'erreur de bonne foi corrigée, sans sanction (droit à l’erreur)',
  overpayment: 'somme versée à tort à rembourser',
  fraud_suspected: 'suspicion de fraude',
};

const CHECK_OUTCOME_TEXTS: Record<CheckConcludedV1['outcome'], string> = {
  compliant: 'Le contrôle est terminé : votre dossier est conforme.',
  corrected:
    'Le contrôle est terminé : une erreur de bonne foi a été corrigée, sans sanction (droit à l’erreur).',
  overpayment: 'Le contrôle est terminé : une somme versée à tort devra être remboursée.',
  fraud_suspected: 'Le contrôle est terminé : le dossier est transmis pour examen complémentaire.',
};

export function checkConcludedText(event: CheckConcludedV1): string {
  const amount = event.overpaymentCents ? ` Montant : ${euros(cents(event.overpaymentCents))}.` : '';
  const remedies = event.remedies ? ` Voies de recours : ${event.remedies}` : '';
  return `${CHECK_OUTCOME_TEXTS[event.outcome]}${amount} Motif : ${event.reason.replace(/[.\s]*$/, '')}.${remedies}`;
}
