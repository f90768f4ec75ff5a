import {
  type AgentView,
  DirectoryIndex,
  type RoutingResolution,
  type TeamView,
} from '../src/directory/directory-index.js';

/**
 * A small stand-in for the directory port (the directory feature implements the real one): two teams with rules,
 * a default team, and agents. Bayeux (14047) → Bessin office for APA; APCR anywhere → the APCR desk; anything else
 * → the default team, flagged.
 */
export const TEAMS: Record<string, TeamView> = {
  'CAS-BESSIN': {
    code: 'CAS-BESSIN',
    name: 'Circonscription d’action sociale du Bessin',
    contact: {
      name: 'Circonscription d’action sociale du Bessin',
      phone: '02 31 51 00 00',
      email: 'cas.bessin@calvados.fr',
    },
  },
  'APCR-DESK': {
    code: 'APCR-DESK',
    name: 'Guichet APCR',
    contact: { name: 'Direction des territoires — guichet APCR', email: 'apcr@calvados.fr' },
  },
  ACCUEIL: {
    code: 'ACCUEIL',
    name: 'Accueil autonomie',
    contact: { name: 'Service public départemental de l’autonomie', phone: '02 31 00 00 00' },
  },
};

export const AGENTS: AgentView[] = [
  { subject: 'agent-alice', displayName: 'Alice Durand', teamCodes: ['CAS-BESSIN'] },
  { subject: 'agent-bruno', displayName: 'Bruno Petit', teamCodes: ['CAS-BESSIN'] },
  { subject: 'agent-chloe', displayName: 'Chloé Marie', teamCodes: ['APCR-DESK'] },
  { subject: 'agent-dora', displayName: 'Dora Lenoir', teamCodes: ['ACCUEIL'] },
];

export class FixtureDirectoryIndex extends DirectoryIndex {
  resolve(subject: string, communeInsee: string): RoutingResolution {
    if (subject === 'apa' && communeInsee === '14047') {
      return {
        team: TEAMS['CAS-BESSIN'],
        ruleId: 'rule-apa-bayeux',
        defaultTeam: false,
        reason: 'règle APA pour la commune de Bayeux',
      };
    }
    if (subject === 'apcr') {
      return {
        team: TEAMS['APCR-DESK'],
        ruleId: 'rule-apcr',
        defaultTeam: false,
        reason: 'règle APCR pour le département',
      };
    }
    return {
      team: TEAMS.ACCUEIL,
      ruleId: null,
      defaultTeam: true,
      reason: 'aucune règle pour ce sujet et cette commune : équipe par défaut',
    };
  }

  team(code: string): TeamView | undefined {
    return TEAMS[code];
  }

  agentsOf(teamCode: string): AgentView[] {
    return AGENTS.filter((agent) => agent.teamCodes.includes(teamCode));
  }
}
