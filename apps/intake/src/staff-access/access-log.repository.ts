import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type Principal, type Role, requestContext } from '#platform';
import { AccessLogEntity } from './access-log.entity.js';
import type { AccessPurpose } from './access-purposes.js';

/** One read by a member of staff, written in the caller's transaction (the read and its trace commit together). */
export async function recordStaffRead(
  manager: EntityManager,
  read: {
    applicationId: string;
    principal: Principal;
    role: Role;
    team: string | null;
    purpose: AccessPurpose;
    at: Date;
  },
): Promise<void> {
  await manager.insert(AccessLogEntity, {
    id: uuidv7(),
    applicationId: read.applicationId,
    at: read.at,
    actorSubject: read.principal.subject,
    actorRole: read.role,
    actorTeam: read.team,
    purpose: read.purpose,
    correlationId: requestContext.current()?.correlationId ?? null,
  });
}
