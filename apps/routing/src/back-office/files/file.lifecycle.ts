import { InvalidTransition } from '#domain';

/** Where a file stands in the back office. The two first are open (in the team's work); the others are final. */
export const FILE_STATUSES = [
  'in_review',
  'info_requested',
  'granted',
  'rejected',
  'closed',
  'deemed_granted',
  'deemed_rejected',
  'withdrawn',
] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const OPEN_STATUSES: readonly FileStatus[] = ['in_review', 'info_requested'];

export type FileAction =
  | 'claim'
  | 'release'
  | 'assign'
  | 'request_info'
  | 'evaluate'
  | 'propose_care_plan'
  | 'decide'
  | 'complement'
  | 'withdraw';

const STATUS_LABELS: Record<FileStatus, string> = {
  in_review: 'en cours d’instruction',
  info_requested: 'en attente d’informations du demandeur',
  granted: 'accordée',
  rejected: 'refusée',
  closed: 'classée sans suite',
  deemed_granted: 'accordée implicitement',
  deemed_rejected: 'refusée implicitement',
  withdrawn: 'retirée par le demandeur',
};

const ACTION_LABELS: Record<FileAction, string> = {
  claim: 'prendre le dossier',
  release: 'rendre le dossier à l’équipe',
  assign: 'attribuer le dossier',
  request_info: 'demander des informations',
  evaluate: 'enregistrer l’évaluation à domicile',
  propose_care_plan: 'proposer un plan d’aide',
  decide: 'décider',
  complement: 'enregistrer la réponse du demandeur',
  withdraw: 'retirer la demande',
};

/** Which statuses each action is allowed from. A request for more waits for the answer before another one. */
const ALLOWED: Record<FileAction, readonly FileStatus[]> = {
  claim: OPEN_STATUSES,
  release: OPEN_STATUSES,
  assign: OPEN_STATUSES,
  request_info: ['in_review'],
  evaluate: OPEN_STATUSES,
  propose_care_plan: ['in_review'],
  decide: OPEN_STATUSES,
  complement: OPEN_STATUSES,
  withdraw: OPEN_STATUSES,
};

export function isOpen(status: FileStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Throws 409 with a French message when `action` is not allowed on a file in `status`. */
export function assertAllowed(status: FileStatus, action: FileAction): void {
  if (!ALLOWED[action].includes(status)) {
    throw new InvalidTransition(
      `Impossible de ${ACTION_LABELS[action]} : la demande est ${STATUS_LABELS[status]}.`,
      status === 'info_requested' && action !== 'request_info'
        ? 'INFO_REQUEST_PENDING'
        : 'INVALID_TRANSITION',
    );
  }
}

export function statusLabel(status: FileStatus): string {
  return STATUS_LABELS[status];
}
