import { Injectable } from '@nestjs/common';
import { etalabCommuneDirectory } from '#domain';
import { type AgentView, DirectoryIndex, type RoutingResolution, type TeamView } from './directory-index.js';
import type { DirectorySnapshot } from './directory.repository.js';
import { resolveRouting, ruleKey, type RoutingRule } from './directory.rules.js';

const NO_DEFAULT_TEAM: TeamView = {
  code: 'AUCUNE',
  name: 'Aucune équipe par défaut',
  contact: { name: 'Conseil départemental — accueil' },
};

/**
 * The directory in memory, rebuilt from a snapshot after every change: maps keyed by rule key, team code and agent
 * team, so that a lookup costs a handful of map reads whatever the size of the directory.
 */
@Injectable()
export class LiveDirectoryIndex extends DirectoryIndex {
  private version = -1;
  private teams = new Map<string, TeamView>();
  private rules = new Map<string, RoutingRule>();
  private agentsByTeam = new Map<string, AgentView[]>();
  private defaultTeam: TeamView = NO_DEFAULT_TEAM;

  get loadedVersion(): number {
    return this.version;
  }

  replace(snapshot: DirectorySnapshot): void {
    const teams = new Map<string, TeamView>();
    let defaultTeam = NO_DEFAULT_TEAM;
    for (const team of snapshot.teams) {
      const view = { code: team.code, name: team.name, contact: team.contact };
      teams.set(team.code, view);
      if (team.isDefault) defaultTeam = view;
    }
    const agentsByTeam = new Map<string, AgentView[]>();
    for (const agent of snapshot.agents)
      for (const code of agent.teamCodes) agentsByTeam.set(code, [...(agentsByTeam.get(code) ?? []), agent]);
    // Swapped at once: a lookup sees the old directory or the new one, never a mix.
    this.teams = teams;
    this.rules = new Map(
      snapshot.rules.map((rule) => [ruleKey(rule.subject, rule.areaKind, rule.areaCode), rule]),
    );
    this.agentsByTeam = agentsByTeam;
    this.defaultTeam = defaultTeam;
    this.version = snapshot.version;
  }

  resolve(subject: string, communeInsee: string): RoutingResolution {
    const commune = etalabCommuneDirectory().find(communeInsee);
    if (!commune) {
      return {
        team: this.defaultTeam,
        ruleId: null,
        defaultTeam: true,
        reason: `commune ${communeInsee} inconnue : équipe par défaut`,
      };
    }
    return resolveRouting(this.rules, this.teams, this.defaultTeam, subject, commune);
  }

  team(code: string): TeamView | undefined {
    return this.teams.get(code);
  }

  agentsOf(teamCode: string): AgentView[] {
    return this.agentsByTeam.get(teamCode) ?? [];
  }
}
