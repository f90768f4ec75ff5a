import type { EntityManager } from 'typeorm';
import { type AuditEntry, type ChainedEntry, GENESIS_HASH, sealEntry } from './audit-chain.rules.js';

interface AuditRow {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  application_id: string;
  details: Record<string, unknown>;
  details_digest: string;
  details_salt: string | null;
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
  const sealed = sealEntry(prevHash, { ...entry, seq, at: entry.at.toISOString() });
  await manager.query(
    `INSERT INTO checks.audit_log
       (seq, at, actor, action, application_id, details, details_digest, details_salt, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      seq,
      sealed.at,
      sealed.actor,
      sealed.action,
      sealed.applicationId,
      JSON.stringify(sealed.details),
      sealed.detailsDigest,
      sealed.detailsSalt,
      prevHash,
      sealed.hash,
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
    detailsDigest: row.details_digest,
    detailsSalt: row.details_salt,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/**
 * Erases the details of a file's entries (free text, file names, answers) once its control's time is over; the
 * entries stay, with their digests, so the chain still verifies. Idempotent.
 */
export async function anonymiseAuditOf(manager: EntityManager, applicationId: string): Promise<number> {
  const rows: unknown[] = await manager.query(
    `UPDATE checks.audit_log SET details = '{}'::jsonb, details_salt = NULL
      WHERE application_id = $1 AND details_salt IS NOT NULL RETURNING seq`,
    [applicationId],
  );
  return Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
}
