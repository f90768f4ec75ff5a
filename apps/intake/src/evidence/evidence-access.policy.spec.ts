import type { Principal } from '#platform';
import { evidenceAccess } from './evidence-access.policy.js';

const someone = (roles: Principal['roles'], subject = 'someone'): Principal => ({
  subject,
  roles,
  teams: [],
});
const file = { ownerSubject: 'citizen-jeanne', openControl: true };

describe('evidence access (RGPD art. 5-1-c and 32: the evidence of a control reaches only who needs it)', () => {
  it('lets the citizen who filed see their own evidence, control open or not', () => {
    expect(evidenceAccess(someone(['citizen'], 'citizen-jeanne'), file)).toEqual({
      allowed: true,
      as: 'owner',
    });
    expect(evidenceAccess(someone(['citizen'], 'citizen-jeanne'), { ...file, openControl: false })).toEqual({
      allowed: true,
      as: 'owner',
    });
  });

  it('hides the file from another citizen (404, not 403: its existence is not told)', () => {
    expect(evidenceAccess(someone(['citizen'], 'citizen-paul'), file)).toMatchObject({
      allowed: false,
      hidden: true,
    });
  });

  it('lets an auditor see it only while a control is open on the file', () => {
    expect(evidenceAccess(someone(['auditor']), file)).toEqual({ allowed: true, as: 'auditor' });
    expect(evidenceAccess(someone(['auditor']), { ...file, openControl: false })).toMatchObject({
      allowed: false,
      hidden: false,
      code: 'NO_OPEN_CONTROL',
    });
  });

  it('refuses agents, supervisors and admins: the evidence belongs to the control', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const)
      expect(evidenceAccess(someone([role]), file)).toMatchObject({
        allowed: false,
        hidden: false,
        code: 'EVIDENCE_FOR_AUDITORS',
      });
  });
});
