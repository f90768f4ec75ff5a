import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a file's timeline, in French, append-only. Table `intake.timeline_entries`. */
@Entity({ name: 'timeline_entries' })
export class TimelineEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('timestamptz')
  at: Date;

  /** What happened, as a stable code (`submitted`, `routed`, `decided`…). */
  @Column('text')
  kind: string;

  @Column('text')
  text: string;

  /** The event that brought it, when it came from another service. */
  @Column('uuid', { name: 'event_id', nullable: true })
  eventId: string | null;
}
