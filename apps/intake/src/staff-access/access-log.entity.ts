import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '#platform';
import type { AccessPurpose } from './access-purposes.js';

/**
 * One read of a file's content by a member of staff: who (subject, role, team), when, which file, why. Written in
 * the same transaction as the read, never changed. Table `intake.access_log`.
 */
@Entity({ name: 'access_log' })
export class AccessLogEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text', { name: 'actor_subject' })
  actorSubject: string;

  @Column('text', { name: 'actor_role' })
  actorRole: Role;

  @Column('text', { name: 'actor_team', nullable: true })
  actorTeam: string | null;

  @Column('text')
  purpose: AccessPurpose;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;
}
