/**
 * The requests that draw on a rate budget at the door (the edge counts them; README « Security and privacy »), in one
 * place: the edge classifies requests with it, and every service's contract declares a 429 on those operations.
 */

/** The kinds of request that have a budget; everything else (agents' work, a file's pages…) has none at the door. */
export type BudgetName = 'publicRead' | 'estimate' | 'signIn' | 'draftCreation' | 'submission' | 'upload';

/** What a request draws on: the budget, and whether the signed-in person is counted too (writes only). */
export interface BudgetDraw {
  name: BudgetName;
  bySubject: boolean;
}

const SEGMENT = '[^/?]+';
const RULES: readonly { method: string; path: RegExp; draw: BudgetDraw }[] = [
  {
    method: 'POST',
    path: new RegExp(`^/api/procedures/${SEGMENT}/estimate$`),
    draw: { name: 'estimate', bySubject: false },
  },
  {
    method: 'GET',
    path: /^\/api\/(procedures|contacts)(\/|$)/,
    draw: { name: 'publicRead', bySubject: false },
  },
  {
    method: 'GET',
    path: /^\/connexion(\/(franceconnect|agent))?$/,
    draw: { name: 'signIn', bySubject: false },
  },
  { method: 'POST', path: /^\/api\/applications$/, draw: { name: 'draftCreation', bySubject: true } },
  {
    method: 'POST',
    path: new RegExp(`^/api/applications/${SEGMENT}/submit$`),
    draw: { name: 'submission', bySubject: true },
  },
  {
    method: 'POST',
    path: new RegExp(`^/api/applications/${SEGMENT}/(evidence|control-answer)$`),
    draw: { name: 'upload', bySubject: true },
  },
];

/** The budget a request draws on, or null when the door does not limit it (the query string is not looked at). */
export function budgetFor(method: string | undefined, url: string): BudgetDraw | null {
  const path = url.split('?', 1)[0];
  const rule = RULES.find((candidate) => candidate.method === method && candidate.path.test(path));
  return rule?.draw ?? null;
}
