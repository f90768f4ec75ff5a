import type { EntityManager } from 'typeorm';
import type { SamplingPolicy } from './sampling.rules.js';

type Definition = Omit<SamplingPolicy, 'procedure' | 'version'>;

/** The policy of a procedure at a version (the latest when none is given); version 0 is the configured default. */
export async function policyAt(
  manager: EntityManager,
  procedure: string,
  version: number | undefined,
  defaultRate: number,
): Promise<SamplingPolicy> {
  const rows: { version: number; definition: Definition }[] =
    version === undefined
      ? await manager.query(
          'SELECT version, definition FROM checks.sampling_policies WHERE procedure = $1 ORDER BY version DESC LIMIT 1',
          [procedure],
        )
      : await manager.query(
          'SELECT version, definition FROM checks.sampling_policies WHERE procedure = $1 AND version = $2',
          [procedure, version],
        );
  if (rows.length === 0)
    return { procedure, version: 0, baseRate: defaultRate, rules: [], floor: 0, ceiling: 1 };
  return { procedure, version: rows[0].version, ...rows[0].definition };
}

/** A recorded version of a policy, with who made it and when. */
export interface PolicyVersion extends SamplingPolicy {
  createdBy: string;
  createdAt: string;
}

/** Every recorded version of a procedure's policy, newest first. */
export async function policyVersions(manager: EntityManager, procedure: string): Promise<PolicyVersion[]> {
  const rows: { version: number; definition: Definition; created_by: string; created_at: Date }[] =
    await manager.query(
      `SELECT version, definition, created_by, created_at FROM checks.sampling_policies
        WHERE procedure = $1 ORDER BY version DESC`,
      [procedure],
    );
  return rows.map((row) => ({
    procedure,
    version: row.version,
    ...row.definition,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Records a new version (a change never rewrites an old one, which past selections refer to). */
export async function addPolicyVersion(
  manager: EntityManager,
  procedure: string,
  definition: Definition,
  actor: string,
): Promise<SamplingPolicy> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('checks.sampling_policies:' || $1))`, [
    procedure,
  ]);
  const rows: { next: number }[] = await manager.query(
    'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM checks.sampling_policies WHERE procedure = $1',
    [procedure],
  );
  const version = Number(rows[0].next);
  await manager.query(
    'INSERT INTO checks.sampling_policies (procedure, version, definition, created_by) VALUES ($1, $2, $3, $4)',
    [procedure, version, JSON.stringify(definition), actor],
  );
  return { procedure, version, ...definition };
}
