import type { EntityManager } from 'typeorm';
import type { ApplicationRetentionDueV1 } from '#domain';

/**
 * The back-office copy of a closed file is past its time (intake's `application.retention-due`, category
 * `routingCopy`): the file, its history and its deadline warnings are deleted. Idempotent.
 */
export async function purgeRoutingCopyOf(
  manager: EntityManager,
  payload: ApplicationRetentionDueV1,
): Promise<void> {
  if (!payload.categories.includes('routingCopy')) return;
  // The history and the warnings go with the file (ON DELETE CASCADE).
  await manager.query('DELETE FROM routing.files WHERE id = $1', [payload.applicationId]);
}
