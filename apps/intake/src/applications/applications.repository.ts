import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NotFound } from '#domain';
import { ApplicationEntity } from './application.entity.js';
import { TimelineEntryEntity } from './timeline-entry.entity.js';

/** The SQL of the applications feature: loading files, the timeline, receipt counters and idempotency keys. */

export function applicationNotFound(): NotFound {
  return new NotFound('Demande introuvable.', 'APPLICATION_NOT_FOUND');
}

/** A citizen's own file, locked for update when asked. Someone else's file does not exist for them (404). */
export async function loadOwnedApplication(
  manager: EntityManager,
  ownerSubject: string,
  id: string,
  lock = false,
): Promise<ApplicationEntity> {
  const application = await manager.findOne(ApplicationEntity, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!application || application.ownerSubject !== ownerSubject) throw applicationNotFound();
  return application;
}

/**
 * Stores what filing and the other services' events change on a loaded (locked) file, in one UPDATE: `save()` would
 * read the row again first to compare. The form (`data`) is not among them: only the citizen's drafts change it.
 */
export async function storeApplicationState(
  manager: EntityManager,
  application: ApplicationEntity,
): Promise<void> {
  await manager.update(
    ApplicationEntity,
    { id: application.id },
    {
      status: application.status,
      handling: application.handling,
      receiptNumber: application.receiptNumber,
      submittedAt: application.submittedAt,
      decisionDeadline: application.decisionDeadline,
      clockSuspendedOn: application.clockSuspendedOn,
      clockResumesAfter: application.clockResumesAfter,
      silenceMeans: application.silenceMeans,
      warnings: application.warnings,
      quotaKey: application.quotaKey,
    },
  );
}

export async function appendTimeline(
  manager: EntityManager,
  applicationId: string,
  kind: string,
  text: string,
  eventId: string | null = null,
): Promise<void> {
  await manager.insert(TimelineEntryEntity, {
    id: uuidv7(),
    applicationId,
    at: new Date(),
    kind,
    text,
    eventId,
  });
}

/**
 * Next receipt sequence of a procedure and year. The counter row stays locked until the caller's transaction ends,
 * and a rolled-back submission gives its number back: numbers are unique and without gaps.
 */
export async function nextReceiptSequence(
  manager: EntityManager,
  procedure: string,
  year: number,
): Promise<number> {
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO intake.receipt_counters (procedure, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (procedure, year) DO UPDATE SET last_value = intake.receipt_counters.last_value + 1
     RETURNING last_value`,
    [procedure, year],
  );
  return rows[0].last_value;
}

/**
 * Whether a file already counts under an annual limit key. Takes a transaction-scoped lock on the key first, so
 * two submissions for the same commune and kind of project cannot both pass.
 */
export async function quotaAlreadyUsed(
  manager: EntityManager,
  procedure: string,
  quotaKey: string,
): Promise<boolean> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${procedure}:${quotaKey}`]);
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM intake.applications
     WHERE procedure = $1 AND quota_key = $2 AND status NOT IN ('draft', 'withdrawn', 'rejected', 'deemed_rejected', 'closed')
     LIMIT 1`,
    [procedure, quotaKey],
  );
  return rows.length > 0;
}

export type IdempotencyClaim<R> = { kind: 'new' } | { kind: 'replay'; applicationId: string; response: R };

/**
 * Claims an Idempotency-Key for this citizen. A concurrent request with the same key waits for the first one's
 * transaction: after its commit it gets the stored answer; after its rollback it goes ahead itself.
 */
export async function claimIdempotencyKey<R>(
  manager: EntityManager,
  ownerSubject: string,
  key: string,
  applicationId: string,
): Promise<IdempotencyClaim<R>> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO intake.idempotency_keys (owner_subject, key, application_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING key`,
    [ownerSubject, key, applicationId],
  );
  if (inserted.length > 0) return { kind: 'new' };
  const rows: { application_id: string; response: R }[] = await manager.query(
    'SELECT application_id, response FROM intake.idempotency_keys WHERE owner_subject = $1 AND key = $2',
    [ownerSubject, key],
  );
  return { kind: 'replay', applicationId: rows[0].application_id, response: rows[0].response };
}

export async function storeIdempotentResponse(
  manager: EntityManager,
  ownerSubject: string,
  key: string,
  response: object,
): Promise<void> {
  await manager.query(
    'UPDATE intake.idempotency_keys SET response = $3 WHERE owner_subject = $1 AND key = $2',
    [ownerSubject, key, JSON.stringify(response)],
  );
}
