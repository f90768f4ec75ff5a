import type { ChecksComponents } from '#api-client';
import { euros, frenchDate, frenchDateTime } from '../layout/french-format.js';

export type CaseSummary = ChecksComponents['schemas']['CaseSummaryDoc'];
export type Statistics = ChecksComponents['schemas']['StatisticsDoc'];

export type ControlCase = ChecksComponents['schemas']['CaseDetailDoc'];
export type SelectionProof = ChecksComponents['schemas']['SelectionProofDoc'];

export const OUTCOME_LABELS: Record<string, string> = {
  compliant: 'Conforme',
  corrected: 'Corrigé (droit à l’erreur)',
  overpayment: 'Indu à récupérer',
  fraud_suspected: 'Suspicion de fraude',
};

export const STATUS_LABELS: Record<string, string> = {
  opened: 'Ouvert',
  evidence_requested: 'Pièces demandées',
  evidence_received: 'Pièces reçues',
  contradictory: 'Phase contradictoire',
  concluded: 'Conclu',
};

const percent = (value: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 }).format(value);

/** The control queue as a GOV.UK table (open first, soonest date first: the API's order). Pure. */
export function queueRows(items: CaseSummary[]) {
  return items.map((item) => [
    {
      html: `<a class="govuk-link" href="/controles/${item.id}">Contrôle du ${frenchDate(item.openedAt)}</a>`,
    },
    { text: item.procedure?.toUpperCase() ?? '—' },
    { text: item.origin === 'targeted' ? 'Ciblé' : 'Échantillon' },
    { text: STATUS_LABELS[item.status] ?? item.status },
    { text: item.waitingUntil ? frenchDate(item.waitingUntil) : '—' },
    { text: item.outcome ? (OUTCOME_LABELS[item.outcome] ?? item.outcome) : '—' },
  ]);
}

/** Why a file was, or was not, drawn — in French, each step of the draw, reproducible by anyone with the key. Pure. */
export function proofSentences(proof: SelectionProof): string[] {
  const factors = Object.entries(proof.factors);
  return [
    `Politique de contrôle ${proof.procedure.toUpperCase()}, version ${proof.policyVersion} : taux de base ${percent(proof.policy.baseRate)}, probabilité bornée entre ${percent(proof.policy.floor)} et ${percent(proof.policy.ceiling)}.`,
    factors.length
      ? `Facteurs de risque appliqués : ${factors.map(([label, weight]) => `« ${label} » (${weight >= 0 ? '+' : ''}${percent(weight)})`).join(', ')} — strate « ${proof.stratum} ».`
      : 'Aucun facteur de risque ne s’applique : tirage purement aléatoire.',
    `Probabilité de sélection de ce dossier : ${percent(proof.probability)}.`,
    `Tirage : ${proof.draw.toFixed(6).replace('.', ',')} (empreinte HMAC-SHA256 de l’identifiant du dossier sous la clé de la campagne « ${proof.campaign} », ramenée entre 0 et 1) — ${proof.selected ? 'inférieur à la probabilité : dossier sélectionné' : 'supérieur ou égal à la probabilité : dossier non sélectionné'}.`,
    proof.reproduced
      ? `Tirage refait aujourd’hui avec la version ${proof.policyVersion} de la politique : résultat identique.`
      : 'Attention : le tirage refait aujourd’hui ne donne pas le même résultat.',
  ];
}

/** The case's page: where it stands, what was asked, received, proposed, answered, concluded. Pure. */
export function caseView(controlCase: ControlCase) {
  const recovery = controlCase.conclusion?.recovery;
  return {
    id: controlCase.id,
    applicationId: controlCase.application_id,
    status: STATUS_LABELS[controlCase.status] ?? controlCase.status,
    rows: [
      {
        key: { text: 'Origine' },
        value: {
          text:
            controlCase.origin === 'targeted'
              ? `Contrôle ciblé : ${controlCase.reason}`
              : 'Échantillon (tirage)',
        },
      },
      { key: { text: 'Ouvert le' }, value: { text: frenchDateTime(controlCase.opened_at) } },
      { key: { text: 'État' }, value: { text: STATUS_LABELS[controlCase.status] ?? controlCase.status } },
    ],
    evidenceRequest: controlCase.evidence_request && {
      documents: controlCase.evidence_request.documents,
      message: controlCase.evidence_request.message,
      dueDate: frenchDate(controlCase.evidence_request.dueDate),
    },
    proposal: controlCase.proposal && {
      outcome: OUTCOME_LABELS[controlCase.proposal.outcome] ?? controlCase.proposal.outcome,
      reason: controlCase.proposal.reason,
      answerBy: frenchDate(controlCase.proposal.answerBy),
    },
    answer: controlCase.answer && {
      text: controlCase.answer.answer,
      at: frenchDateTime(controlCase.answer.answeredAt),
    },
    conclusion: controlCase.conclusion && {
      outcome: OUTCOME_LABELS[controlCase.conclusion.outcome ?? ''] ?? controlCase.conclusion.outcome,
      reason: controlCase.conclusion.reason,
      recovery: recovery && [
        { key: { text: 'Indu' }, value: { text: euros(recovery.overpaymentCents) } },
        { key: { text: 'À récupérer' }, value: { text: euros(recovery.recoverableCents) } },
        {
          key: { text: 'Retenue maximale par versement (20 %)' },
          value: { text: euros(recovery.maxDeductionPerPaymentCents) },
        },
        {
          key: { text: 'Prescription de la récupération' },
          value: { text: frenchDate(recovery.recoveryTimeBarredOn) },
        },
      ],
      recoveryExplanation: recovery?.explanation,
    },
    canRequestEvidence: controlCase.status === 'opened',
    canPropose: controlCase.status === 'evidence_received' || controlCase.status === 'evidence_requested',
    canConclude: controlCase.status !== 'concluded',
  };
}

/** The statistics' tables (each chart's data, for accessibility). Pure. */
export function statisticsTables(statistics: Statistics) {
  const interval = (low: number, high: number) => `${percent(low)} – ${percent(high)}`;
  return {
    byProcedure: statistics.selectionByProcedure.map((row) => [
      { text: row.procedure.toUpperCase() },
      { text: String(row.drawn), format: 'numeric' },
      { text: String(row.selected), format: 'numeric' },
      { text: percent(row.rate), format: 'numeric' },
      { text: percent(row.expectedRate), format: 'numeric' },
      { text: interval(row.interval99.low, row.interval99.high) },
      { text: row.withinInterval ? 'Oui' : 'Non : à examiner' },
    ]),
    byStratum: statistics.selectionByStratum.map((row) => [
      { text: `${row.procedure.toUpperCase()} — ${row.stratum}` },
      { text: String(row.drawn), format: 'numeric' },
      { text: String(row.selected), format: 'numeric' },
      { text: percent(row.rate), format: 'numeric' },
      { text: percent(row.expectedRate), format: 'numeric' },
      { text: interval(row.interval99.low, row.interval99.high) },
      { text: row.withinInterval ? 'Oui' : 'Non : à examiner' },
    ]),
    outcomes: Object.entries(statistics.cases.byOutcome).map(([outcome, count]) => [
      { text: OUTCOME_LABELS[outcome] ?? outcome },
      { text: String(count), format: 'numeric' },
    ]),
    summary: [
      { key: { text: 'Contrôles ouverts' }, value: { text: String(statistics.cases.opened) } },
      { key: { text: 'Contrôles conclus' }, value: { text: String(statistics.cases.concluded) } },
      {
        key: { text: 'Taux de constats (hors « conforme »)' },
        value: { text: percent(statistics.cases.findingsRate) },
      },
      { key: { text: 'Montants à récupérer' }, value: { text: euros(statistics.cases.recoverableCents) } },
    ],
  };
}
