import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MESSAGING_SCHEMA } from '../messaging.tokens.js';

export interface WaitRecord {
  /** Times this event has waited, this one included. */
  waits: number;
  /** Milliseconds since its first wait (database clock, the same for every replica). */
  waitedMs: number;
}

/**
 * The record of events waiting for their predecessor, per consumer: it is what lets a wait not count as a failed
 * try, and what bounds the wait, whichever replica receives the event next.
 */
@Injectable()
export class WaitingEvents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_SCHEMA) private readonly schema: string,
  ) {}

  async recordWait(consumer: string, eventId: string, awaited: string): Promise<WaitRecord> {
    const [row]: { waits: number; waited_ms: string }[] = await this.dataSource.query(
      `INSERT INTO "${this.schema}".waiting_events (consumer, event_id, awaited) VALUES ($1, $2, $3)
       ON CONFLICT (consumer, event_id) DO UPDATE
         SET waits = waiting_events.waits + 1, awaited = EXCLUDED.awaited, last_wait_at = now()
       RETURNING waits, (extract(epoch FROM now() - first_wait_at) * 1000)::bigint AS waited_ms`,
      [consumer, eventId, awaited],
    );
    return { waits: row.waits, waitedMs: Number(row.waited_ms) };
  }

  /** How many deliveries of this event only waited (0 when it never did). */
  async waitsOf(consumer: string, eventId: string): Promise<number> {
    const rows: { waits: number }[] = await this.dataSource.query(
      `SELECT waits FROM "${this.schema}".waiting_events WHERE consumer = $1 AND event_id = $2`,
      [consumer, eventId],
    );
    return rows[0]?.waits ?? 0;
  }

  /** The event was handled or parked: it waits no more. */
  async forget(consumer: string, eventId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM "${this.schema}".waiting_events WHERE consumer = $1 AND event_id = $2`,
      [consumer, eventId],
    );
  }

  /** Records left by an event whose last outcome was never settled here (a replica killed): older than `hours`. */
  async purgeOlderThan(now: Date, hours: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM "${this.schema}".waiting_events WHERE last_wait_at < $1::timestamptz - make_interval(hours => $2)`,
      [now.toISOString(), hours],
    );
    return result[1];
  }
}
