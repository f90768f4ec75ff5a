import type { EntityManager } from 'typeorm';
import type { ApplicationRetentionDueV1 } from '#domain';

/**
 * The messages about a closed file are past their time (intake's `application.retention-due`, category `messages`):
 * its e-mails and in-app messages, its digest lines and the contact kept for it are deleted — except a message still
 * being sent, which the time-based RetentionJob removes later. Idempotent.
 */
export async function purgeMessagesOf(
  manager: EntityManager,
  payload: ApplicationRetentionDueV1,
): Promise<void> {
  if (!payload.categories.includes('messages')) return;
  const id = payload.applicationId;
  await manager.query('DELETE FROM notifications.digest_items WHERE application_id = $1', [id]);
  await manager.query(
    `DELETE FROM notifications.messages WHERE application_id = $1 AND status <> 'sending'`,
    [id],
  );
  await manager.query('DELETE FROM notifications.application_contacts WHERE application_id = $1', [id]);
}
