import { budgetFor } from '#platform';
import { parseBudget, subjectOf } from './rate-budgets.js';

describe('rate budgets', () => {
  it.each([
    ['GET', '/api/contacts?commune=14118', 'publicRead', false],
    ['GET', '/api/procedures/apa', 'publicRead', false],
    ['POST', '/api/procedures/apa/estimate', 'estimate', false],
    ['GET', '/connexion?retour=%2Fmes-demarches', 'signIn', false],
    ['GET', '/connexion/agent', 'signIn', false],
    ['POST', '/api/applications', 'draftCreation', true],
    ['POST', '/api/applications/3f1d/submit', 'submission', true],
    ['POST', '/api/applications/3f1d/evidence', 'upload', true],
    ['POST', '/api/applications/3f1d/control-answer', 'upload', true],
  ])('%s %s draws on %s', (method, url, name, bySubject) => {
    expect(budgetFor(method, url)).toEqual({ name, bySubject });
  });

  it.each([
    ['GET', '/api/applications'],
    ['PATCH', '/api/applications/3f1d'],
    ['GET', '/connexion/retour?code=x'],
    ['POST', '/api/contacts'],
    ['GET', '/api/back-office/applications'],
    ['POST', '/api/applications/3f1d/submit/extra'],
  ])('%s %s has no budget at the door', (method, url) => {
    expect(budgetFor(method, url)).toBeNull();
  });

  it('reads budgets written requests/seconds, and nothing else', () => {
    expect(parseBudget('120/60')).toEqual({ points: 120, seconds: 60 });
    expect(parseBudget(' 10 / 3600 ')).toEqual({ points: 10, seconds: 3600 });
    for (const text of ['', '120', '0/60', '10/0', '-1/60', '1.5/60', 'dix/60'])
      expect(parseBudget(text)).toBeNull();
  });

  it("reads a bearer token's subject without trusting it, and nothing from anything else", () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'citizen-42' })).toString('base64url');
    expect(subjectOf(`Bearer eyJhbGciOiJSUzI1NiJ9.${payload}.sig`)).toBe('citizen-42');
    expect(subjectOf(undefined)).toBeNull();
    expect(subjectOf('Basic dXNlcjpwYXNz')).toBeNull();
    expect(subjectOf('Bearer not-a-jwt')).toBeNull();
    expect(subjectOf(`Bearer a.${Buffer.from('{"sub":3}').toString('base64url')}.c`)).toBeNull();
    expect(subjectOf(`Bearer a.${Buffer.from('not json').toString('base64url')}.c`)).toBeNull();
  });
});
