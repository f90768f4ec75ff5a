import { type DecisionOutcome, InvalidTransition } from '#domain';

/** The states of a file (DESIGN.md, "Application lifecycle"). */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'granted',
  'rejected',
  'closed',
  'deemed_granted',
  'deemed_rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type LifecycleAction =
  | { kind: 'save' }
  | { kind: 'submit' }
  | { kind: 'withdraw' }
  | { kind: 'route' }
  | { kind: 'assign' }
  | { kind: 'request_info' }
  | { kind: 'complement' }
  | { kind: 'decide'; outcome: DecisionOutcome };

const OPEN: ApplicationStatus[] = ['submitted', 'in_review', 'info_requested'];

const ALLOWED_FROM: Record<LifecycleAction['kind'], ApplicationStatus[]> = {
  save: ['draft'],
  submit: ['draft'],
  withdraw: OPEN,
  route: OPEN,
  assign: OPEN,
  request_info: ['submitted', 'in_review'],
  complement: ['info_requested'],
  decide: OPEN,
};

const REFUSALS: Record<LifecycleAction['kind'], string> = {
  save: 'Seul un brouillon peut être modifié : cette demande a déjà été déposée.',
  submit: 'Cette demande a déjà été déposée.',
  withdraw: 'Cette demande ne peut plus être retirée : elle est close ou n’a pas été déposée.',
  route: 'Cette demande n’est plus en cours.',
  assign: 'Cette demande n’est plus en cours.',
  request_info: 'Aucune demande de complément n’est possible dans l’état actuel du dossier.',
  complement: 'Aucune information complémentaire ne vous est demandée pour ce dossier.',
  decide: 'Cette demande est déjà close.',
};

export function isClosed(status: ApplicationStatus): boolean {
  return !OPEN.includes(status) && status !== 'draft';
}

export function canApply(status: ApplicationStatus, action: LifecycleAction): boolean {
  return ALLOWED_FROM[action.kind].includes(status);
}

/** The state after an action, or InvalidTransition (409) with a French message. */
export function transition(status: ApplicationStatus, action: LifecycleAction): ApplicationStatus {
  if (!canApply(status, action)) throw new InvalidTransition(REFUSALS[action.kind]);
  switch (action.kind) {
    case 'save':
      return 'draft';
    case 'submit':
      return 'submitted';
    case 'withdraw':
      return 'withdrawn';
    case 'route':
    case 'assign':
      return status === 'submitted' ? 'in_review' : status;
    case 'request_info':
      return 'info_requested';
    case 'complement':
      return 'in_review';
    case 'decide':
      return action.outcome;
  }
}
