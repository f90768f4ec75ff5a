import type { BudgetName } from '#platform';

/**
 * How budgets are written in the edge's configuration, and whose budget a request is counted in. Pure. Which requests
 * draw on which budget is in libs/platform (rate-limited-operations.ts), shared with the services' contracts.
 */

/** So many requests per so many seconds, for one key (an address, or a signed-in person). */
export interface Budget {
  points: number;
  seconds: number;
}

/** How each budget is written in the edge's environment: `RATE_LIMIT_<NAME>` per address, `…_PER_PERSON` per person. */
export const BUDGET_VARIABLES: Record<BudgetName, { address: string; person?: string }> = {
  publicRead: { address: 'RATE_LIMIT_PUBLIC_READ' },
  estimate: { address: 'RATE_LIMIT_ESTIMATE' },
  signIn: { address: 'RATE_LIMIT_SIGN_IN' },
  draftCreation: { address: 'RATE_LIMIT_DRAFT_CREATION', person: 'RATE_LIMIT_DRAFT_CREATION_PER_PERSON' },
  submission: { address: 'RATE_LIMIT_SUBMISSION', person: 'RATE_LIMIT_SUBMISSION_PER_PERSON' },
  upload: { address: 'RATE_LIMIT_UPLOAD', person: 'RATE_LIMIT_UPLOAD_PER_PERSON' },
};

/** `"120/60"`: 120 requests every 60 seconds. Returns null when the text is not of that form (both ≥ 1). */
export function parseBudget(text: string): Budget | null {
  const match = /^\s*(\d{1,9})\s*\/\s*(\d{1,7})\s*$/.exec(text);
  if (!match) return null;
  const points = Number(match[1]);
  const seconds = Number(match[2]);
  return points >= 1 && seconds >= 1 ? { points, seconds } : null;
}

/**
 * The signed-in person a bearer token names (its `sub`), read without checking the signature: the service checks it,
 * the door only needs a key to count by. A forged token that names someone else is answered 401 by the service, and
 * the edge gives the point back then, so nobody can spend another person's budget.
 */
export function subjectOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+[\w-]+\.([\w-]+)\.[\w-]*$/i.exec(authorization ?? '');
  if (!match) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    if (claims && typeof claims === 'object' && 'sub' in claims && typeof claims.sub === 'string') {
      return claims.sub.slice(0, 200);
    }
  } catch {
    return null;
  }
  return null;
}
