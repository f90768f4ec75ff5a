import type { EntityManager } from 'typeorm';
import { type AuditEntry, type ChainedEntry, chainHash, GENESIS_HASH } from './audit-chain.rules.js';

interface AuditRow {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  application_id: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/**
 * Appends one entry in the caller's transaction. The advisory lock serializes writers, so that each entry links to
 * the one before it (the chain has one order).
 */
export async function appendAudit(
  manager: EntityManager,
  entry: Omit<AuditEntry, 'seq' | 'at'> & { at: Date },
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('checks.audit_log'))`);
  const last: { seq: string; hash: string }[] = await manager.query(
    'SELECT seq, hash FROM checks.audit_log ORDER BY seq DESC LIMIT 1',
  );
  const seq = Number(last[0]?.seq ?? 0) + 1;
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const content: AuditEntry = { ...entry, seq, at: entry.at.toISOString() };
  await manager.query(
    `INSERT INTO checks.audit_log (seq, at, actor, action, application_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      seq,
      content.at,
      content.actor,
      content.action,
      content.applicationId,
      JSON.stringify(content.details),
      prevHash,
      chainHash(prevHash, content),
    ],
  );
}

export async function readAuditLog(manager: EntityManager): Promise<ChainedEntry[]> {
  const rows: AuditRow[] = await manager.query('SELECT * FROM checks.audit_log ORDER BY seq');
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    applicationId: row.application_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}
