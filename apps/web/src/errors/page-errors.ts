/** Why a page cannot be shown; the exception filter renders each as its French error page. */
export type PageErrorKind =
  'not-found' | 'forbidden' | 'unavailable' | 'session-expired' | 'sign-in-required' | 'too-many-requests';

const STATUS: Record<PageErrorKind, number> = {
  'not-found': 404,
  forbidden: 403,
  unavailable: 503,
  'session-expired': 401,
  'sign-in-required': 401,
  'too-many-requests': 429,
};

export class PageError extends Error {
  constructor(
    readonly kind: PageErrorKind,
    detail: string = kind,
  ) {
    super(detail);
    this.name = 'PageError';
  }

  get status(): number {
    return STATUS[this.kind];
  }
}
