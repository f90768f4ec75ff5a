import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step in a file's back-office history (routed, claimed, reassigned, asked, evaluated, decided…). */
@Entity({ name: 'file_history' })
export class FileHistoryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'file_id' })
  fileId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  kind: string;

  /** Who acted: an agent's subject, `system` for a job, or null for an event from another service. */
  @Column('text', { nullable: true })
  actor: string | null;

  /** The step in plain French. */
  @Column('text')
  text: string;

  @Column('jsonb')
  details: Record<string, unknown>;
}
