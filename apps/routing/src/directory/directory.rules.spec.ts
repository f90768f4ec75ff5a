import { type Commune, etalabCommuneDirectory, InMemoryCommuneDirectory } from '#domain';
import { DEMO_RULES, DEMO_TEAMS } from './demo-directory.js';
import type { TeamView } from './directory-index.js';
import { candidateKeys, resolveRouting, type RoutingRule, ruleKey } from './directory.rules.js';
import { TOPIC_CODES } from './topics.js';

const bayeux: Commune = {
  code: '14047',
  name: 'Bayeux',
  departement: '14',
  population: 12_000,
  postalCodes: ['14400'],
  isCommuneNouvelle: false,
  epci: { code: '241400555', name: 'CC de Bayeux Intercom' },
};
const team = (code: string): TeamView => ({ code, name: code, contact: { name: code } });
const TEAMS = new Map(['COMMUNE', 'EPCI', 'DEPT', 'PROC-EPCI', 'DEFAULT'].map((code) => [code, team(code)]));
const rule = (
  id: string,
  subject: string,
  areaKind: RoutingRule['areaKind'],
  areaCode: string,
  teamCode: string,
) => ({
  id,
  subject,
  areaKind,
  areaCode,
  teamCode,
});
const index = (rules: RoutingRule[]) =>
  new Map(rules.map((r) => [ruleKey(r.subject, r.areaKind, r.areaCode), r]));
const resolve = (rules: RoutingRule[], subject: string) =>
  resolveRouting(index(rules), TEAMS, team('DEFAULT'), subject, bayeux);

describe('routing rules: the most specific rule wins (DESIGN.md, "Routing and assignment")', () => {
  const everywhere = [
    rule('r-dept', 'autonomie', 'departement', '14', 'DEPT'),
    rule('r-epci', 'autonomie', 'epci', '241400555', 'EPCI'),
    rule('r-commune', 'autonomie', 'commune', '14047', 'COMMUNE'),
  ];

  it('a commune rule beats its EPCI, which beats the département', () => {
    expect(resolve(everywhere, 'autonomie')).toMatchObject({ ruleId: 'r-commune', defaultTeam: false });
    expect(resolve(everywhere.slice(0, 2), 'autonomie')).toMatchObject({ ruleId: 'r-epci' });
    expect(resolve(everywhere.slice(0, 1), 'autonomie')).toMatchObject({ ruleId: 'r-dept' });
  });

  it('a procedure follows its topic, and a rule naming the procedure beats the topic at the same level', () => {
    expect(resolve(everywhere.slice(0, 2), 'apa')).toMatchObject({ ruleId: 'r-epci' });
    const withProcedure = [...everywhere.slice(0, 2), rule('r-apa', 'apa', 'epci', '241400555', 'PROC-EPCI')];
    expect(resolve(withProcedure, 'apa')).toMatchObject({ ruleId: 'r-apa', team: { code: 'PROC-EPCI' } });
    // …but not a more specific area: a commune rule on the topic still wins over the procedure's EPCI rule.
    expect(resolve([...withProcedure, everywhere[2]], 'apa')).toMatchObject({ ruleId: 'r-commune' });
  });

  it('says why, in French, naming the area', () => {
    expect(resolve(everywhere.slice(0, 2), 'autonomie').reason).toContain('CC de Bayeux Intercom');
  });

  it('no rule: the default team, flagged', () => {
    expect(resolve([], 'handicap')).toMatchObject({
      ruleId: null,
      defaultTeam: true,
      team: { code: 'DEFAULT' },
    });
  });

  it('looks at six keys at most, whatever the number of rules', () => {
    expect(candidateKeys('apa', bayeux)).toHaveLength(6);
    expect(candidateKeys('handicap', bayeux)).toHaveLength(3);
  });
});

describe('the demo directory of the Calvados', () => {
  const communes = new InMemoryCommuneDirectory(etalabCommuneDirectory().inDepartement('14'));
  const teams = new Map(DEMO_TEAMS.map((t) => [t.code, { code: t.code, name: t.name, contact: t.contact }]));
  const byKey = index(DEMO_RULES);

  it('sends every commune of the Calvados to exactly one team, never the default one, for every topic', () => {
    const all = etalabCommuneDirectory().inDepartement('14');
    expect(all.length).toBeGreaterThan(500);
    for (const commune of all) {
      for (const topic of TOPIC_CODES) {
        const matching = candidateKeys(topic, commune).filter((key) => byKey.has(key));
        expect({ commune: commune.code, topic, rules: matching.length }).toEqual({
          commune: commune.code,
          topic,
          rules: 1,
        });
        const resolution = resolveRouting(byKey, teams, team('DEFAULT'), topic, commune);
        expect(resolution.defaultTeam).toBe(false);
      }
    }
    expect(communes.find('14047')).toBeDefined();
  });

  it('sends APCR (grants to communes) to the APCR desk from anywhere', () => {
    const commune = etalabCommuneDirectory().find('14001');
    expect(commune && resolveRouting(byKey, teams, team('DEFAULT'), 'apcr', commune).team.code).toBe(
      'APCR-DESK',
    );
  });
});
