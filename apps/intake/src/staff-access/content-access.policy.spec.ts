import type { Principal } from '#platform';
import { contentAccess } from './content-access.policy.js';

const principal = (roles: Principal['roles'], teams: string[] = []): Principal => ({
  subject: 'someone',
  roles,
  teams,
});
const routed = { owningTeam: 'CTS-BAYEUX', openControl: false };

describe('content access policy (personal data read only by those whose job needs it, DOMAIN.md §5)', () => {
  it('lets an agent of the owning team read, recording that team', () => {
    expect(contentAccess(principal(['agent'], ['CTS-CAEN', 'CTS-BAYEUX']), routed)).toEqual({
      allowed: true,
      role: 'agent',
      team: 'CTS-BAYEUX',
      grounds: 'owning_team',
    });
  });

  it('lets a supervisor of the owning team read, as supervisor', () => {
    expect(contentAccess(principal(['agent', 'supervisor'], ['CTS-BAYEUX']), routed)).toMatchObject({
      allowed: true,
      role: 'supervisor',
    });
  });

  it('refuses an agent or a supervisor of another team', () => {
    expect(contentAccess(principal(['agent'], ['CTS-CAEN']), routed).allowed).toBe(false);
    expect(contentAccess(principal(['supervisor'], ['CTS-CAEN']), routed).allowed).toBe(false);
  });

  it('refuses staff while the file has no team yet', () => {
    expect(
      contentAccess(principal(['agent'], ['CTS-BAYEUX']), { owningTeam: null, openControl: false }),
    ).toEqual({
      allowed: false,
      code: 'APPLICATION_NOT_ROUTED',
      reason: expect.stringContaining('pas encore été orienté'),
    });
  });

  it('refuses a team code in the token of someone without a staff role (citizen, admin)', () => {
    expect(contentAccess(principal(['citizen'], ['CTS-BAYEUX']), routed).allowed).toBe(false);
    expect(contentAccess(principal(['admin'], ['CTS-BAYEUX']), routed).allowed).toBe(false);
  });

  it('lets an auditor read only while a control is open on the file (DESIGN.md: nobody else in checks sees personal data)', () => {
    expect(contentAccess(principal(['auditor']), { ...routed, openControl: true })).toEqual({
      allowed: true,
      role: 'auditor',
      team: null,
      grounds: 'auditor',
    });
    expect(contentAccess(principal(['auditor']), routed)).toMatchObject({
      allowed: false,
      code: 'NO_OPEN_CONTROL',
    });
  });
});
