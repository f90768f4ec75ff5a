import type { EntityManager } from 'typeorm';
import type { PublicContact } from '#domain';
import type { AgentView } from './directory-index.js';
import type { AreaKind, RoutingRule } from './directory.rules.js';

/** A team as stored: its view plus what only the directory needs. */
export interface TeamRecord {
  code: string;
  name: string;
  kind: string;
  contact: PublicContact;
  isDefault: boolean;
  demo: boolean;
}

export interface DirectorySnapshot {
  version: number;
  teams: TeamRecord[];
  agents: AgentView[];
  rules: RoutingRule[];
}

interface TeamRow {
  code: string;
  name: string;
  kind: string;
  contact: PublicContact;
  is_default: boolean;
  demo: boolean;
}
interface AgentRow {
  subject: string;
  display_name: string;
  email: string | null;
  team_codes: string[];
}
interface RuleRow {
  id: string;
  subject: string;
  area_kind: AreaKind;
  area_code: string;
  team_code: string;
}

export async function directoryVersion(manager: EntityManager): Promise<number> {
  const rows: { version: string }[] = await manager.query('SELECT version FROM routing.directory_version');
  return Number(rows[0]?.version ?? 0);
}

/** Everything the in-memory index needs, read in one transaction (a consistent version). */
export async function readSnapshot(manager: EntityManager): Promise<DirectorySnapshot> {
  const version = await directoryVersion(manager);
  const teams: TeamRow[] = await manager.query('SELECT * FROM routing.teams ORDER BY code');
  const agents: AgentRow[] = await manager.query('SELECT * FROM routing.agents ORDER BY subject');
  const rules: RuleRow[] = await manager.query(
    'SELECT * FROM routing.routing_rules ORDER BY subject, area_kind, area_code',
  );
  return {
    version,
    teams: teams.map((t) => ({
      code: t.code,
      name: t.name,
      kind: t.kind,
      contact: t.contact,
      isDefault: t.is_default,
      demo: t.demo,
    })),
    agents: agents.map((a) => ({
      subject: a.subject,
      displayName: a.display_name,
      email: a.email ?? undefined,
      teamCodes: a.team_codes,
    })),
    rules: rules.map((r) => ({
      id: r.id,
      subject: r.subject,
      areaKind: r.area_kind,
      areaCode: r.area_code,
      teamCode: r.team_code,
    })),
  };
}

/** Marks a change: replicas see a new version and reload. Locks the row, so directory changes are serialized. */
export async function bumpVersion(manager: EntityManager): Promise<void> {
  await manager.query('UPDATE routing.directory_version SET version = version + 1');
}

export async function upsertTeam(manager: EntityManager, team: TeamRecord): Promise<void> {
  if (team.isDefault)
    await manager.query('UPDATE routing.teams SET is_default = false WHERE is_default AND code <> $1', [
      team.code,
    ]);
  await manager.query(
    `INSERT INTO routing.teams (code, name, kind, contact, is_default, demo) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = $2, kind = $3, contact = $4, is_default = $5, demo = $6, updated_at = now()`,
    [team.code, team.name, team.kind, JSON.stringify(team.contact), team.isDefault, team.demo],
  );
}

export async function upsertAgent(manager: EntityManager, agent: AgentView, demo = false): Promise<void> {
  await manager.query(
    `INSERT INTO routing.agents (subject, display_name, email, team_codes, demo) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (subject) DO UPDATE SET display_name = $2, email = $3, team_codes = $4, demo = $5, updated_at = now()`,
    [agent.subject, agent.displayName, agent.email ?? null, agent.teamCodes, demo],
  );
}

/** Replaces the whole rule set (an import is declarative: the file is the new set). */
export async function replaceRules(
  manager: EntityManager,
  rules: RoutingRule[],
  demo = false,
): Promise<void> {
  await manager.query('DELETE FROM routing.routing_rules');
  for (let start = 0; start < rules.length; start += 500) {
    const chunk = rules.slice(start, start + 500);
    const values = chunk.map(
      (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
    );
    await manager.query(
      `INSERT INTO routing.routing_rules (id, subject, area_kind, area_code, team_code, demo) VALUES ${values.join(', ')}`,
      chunk.flatMap((r) => [r.id, r.subject, r.areaKind, r.areaCode, r.teamCode, demo]),
    );
  }
}
