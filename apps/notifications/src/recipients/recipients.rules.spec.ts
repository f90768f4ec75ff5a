import { SUBJECTS } from '#domain';
import { AUDIENCES, citizenAddressees, type KnownTeam, teamPlan } from './recipients.rules.js';

const team: KnownTeam = {
  code: 'apa-bessin',
  name: 'Pôle APA du Bessin',
  email: 'apa-bessin@calvados.example.fr',
  agents: [
    { subject: 'alice', displayName: 'Alice', email: 'alice@calvados.example.fr', delivery: 'immediate' },
    { subject: 'bob', displayName: 'Bob', email: 'bob@calvados.example.fr', delivery: 'digest' },
    { subject: 'chloe', displayName: 'Chloé', email: null, delivery: 'immediate' },
  ],
};

describe('recipients', () => {
  it('a decision reaches the citizen, who must be told its reasons and remedies (CRPA L211-2, CJA R421-5)', () => {
    expect(AUDIENCES[SUBJECTS.applicationDecided]).toEqual(['citizen']);
    expect(AUDIENCES[SUBJECTS.applicationDeadlineApproaching]).toEqual(['team']);
    expect(AUDIENCES[SUBJECTS.checkEvidenceReceived]).toEqual(['auditors']);
    expect(AUDIENCES[SUBJECTS.directoryTeamUpdated]).toBeUndefined();
  });

  it('the citizen: in-app always, e-mail only with an address', () => {
    expect(citizenAddressees('jeanne', null).map((a) => a.channel)).toEqual(['in_app']);
    expect(citizenAddressees('jeanne', 'j@example.fr').map((a) => [a.channel, a.address])).toEqual([
      ['in_app', null],
      ['email', 'j@example.fr'],
    ]);
  });

  it('a team: its mailbox, each agent in-app, e-mails to those with an address; the digest holds back new files', () => {
    const immediate = teamPlan(team, 'team', false);
    expect(immediate.addressees.filter((a) => a.channel === 'email').map((a) => a.address)).toEqual([
      'apa-bessin@calvados.example.fr',
      'alice@calvados.example.fr',
      'bob@calvados.example.fr',
    ]);
    expect(immediate.addressees.filter((a) => a.channel === 'in_app').map((a) => a.subject)).toEqual([
      'alice',
      'bob',
      'chloe',
    ]);
    expect(immediate.digestFor).toEqual([]);
    const digestable = teamPlan(team, 'team', true);
    expect(digestable.digestFor).toEqual(['bob']);
    expect(digestable.addressees.some((a) => a.subject === 'bob' && a.channel === 'email')).toBe(false);
  });
});
