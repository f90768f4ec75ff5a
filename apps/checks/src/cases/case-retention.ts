import type { EntityManager } from 'typeorm';
import type { ApplicationRetentionDueV1 } from '#domain';
import { anonymiseAuditOf } from '../audit/audit-log.repository.js';

/**
 * A file's control is past its time (intake's `application.retention-due`, category `controlCase`): the case keeps its
 * dates, status and figures for the statistics, but loses every free text and document description (reasons,
 * requested and received documents, the person's answer); its audit entries lose their details, the chain holding.
 * Idempotent: a second run finds nothing left to erase.
 */
export async function anonymiseControlOf(
  manager: EntityManager,
  payload: ApplicationRetentionDueV1,
): Promise<void> {
  if (!payload.categories.includes('controlCase')) return;
  await manager.query(
    `UPDATE checks.cases
        SET reason = 'anonymised', evidence_request = NULL, evidence = NULL, answer = NULL,
            proposal = proposal - 'reason', conclusion = conclusion - 'reason'
      WHERE application_id = $1`,
    [payload.applicationId],
  );
  await anonymiseAuditOf(manager, payload.applicationId);
}
