import { InvalidTransition } from '#domain';

/**
 * A control case (DOMAIN.md §3, after les-emplois' campaigns): opened → evidence requested → evidence received →
 * contradictory phase (the proposed conclusion, which the citizen may answer) → concluded. A file found compliant
 * may be concluded without a contradictory phase: nothing is held against the person.
 */
export const CASE_STATUSES = [
  'opened',
  'evidence_requested',
  'evidence_received',
  'contradictory',
  'concluded',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseAction =
  'request_evidence' | 'receive_evidence' | 'propose' | 'answer' | 'conclude' | 'conclude_compliant';

const ALLOWED: Record<CaseAction, readonly CaseStatus[]> = {
  request_evidence: ['opened'],
  receive_evidence: ['evidence_requested'],
  // From evidence_requested: the deadline passed without evidence, a fact the proposal records.
  propose: ['evidence_requested', 'evidence_received'],
  answer: ['contradictory'],
  conclude: ['contradictory'],
  conclude_compliant: ['evidence_received', 'contradictory'],
};

const LABELS: Record<CaseStatus, string> = {
  opened: 'ouvert',
  evidence_requested: 'pièces demandées',
  evidence_received: 'pièces reçues',
  contradictory: 'phase contradictoire',
  concluded: 'conclu',
};

export function assertCaseAllowed(status: CaseStatus, action: CaseAction): void {
  if (!ALLOWED[action].includes(status)) {
    throw new InvalidTransition(
      `Action impossible sur un contrôle à l’état « ${LABELS[status]} ».`,
      'CHECK_INVALID_STATE',
    );
  }
}
