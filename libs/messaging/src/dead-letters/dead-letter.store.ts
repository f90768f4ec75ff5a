import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jetstream } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { deadLetterSubject } from '#domain';
import { NATS_CONNECTION, SERVICE_NAME } from '#platform';
import { MESSAGING_SCHEMA } from '../messaging.tokens.js';

export interface ParkRequest {
  consumer: string;
  subject: string;
  eventId: string | null;
  streamSeq: number | null;
  data: string;
  error: string;
  deliveries: number;
}

export interface DeadLetter {
  id: string;
  consumer: string;
  subject: string;
  eventId: string | null;
  data: string;
  error: string;
  deliveries: number;
  status: 'parked' | 'replayed';
  parkedAt: string;
  replayedAt: string | null;
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  subject: string;
  event_id: string | null;
  data: string;
  error: string;
  deliveries: number;
  status: 'parked' | 'replayed';
  parked_at: Date;
  replayed_at: Date | null;
}

function fromRow(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    consumer: row.consumer,
    subject: row.subject,
    eventId: row.event_id,
    data: row.data,
    error: row.error,
    deliveries: row.deliveries,
    status: row.status,
    parkedAt: row.parked_at.toISOString(),
    replayedAt: row.replayed_at?.toISOString() ?? null,
  };
}

/** Dead letters of this service: a table (the record an operator works from) and a subject (for alerting). */
@Injectable()
export class DeadLetterStore {
  private readonly logger = new Logger(DeadLetterStore.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_SCHEMA) private readonly schema: string,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  /** Parks a message; parking the same stream message twice (after a crash) keeps one row. */
  async park(request: ParkRequest): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}".dead_letters (id, consumer, subject, event_id, stream_seq, data, error, deliveries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (consumer, stream_seq) DO NOTHING`,
      [
        uuidv7(),
        request.consumer,
        request.subject,
        request.eventId,
        request.streamSeq,
        request.data,
        request.error.slice(0, 4000),
        request.deliveries,
      ],
    );
    this.logger.error(
      {
        consumer: request.consumer,
        subject: request.subject,
        eventId: request.eventId,
        error: request.error,
      },
      'Message parked as a dead letter',
    );
    const h = headers();
    h.set('Guichet-Consumer', request.consumer);
    h.set('Guichet-Original-Subject', request.subject);
    h.set('Guichet-Error', request.error.replace(/[\r\n]+/g, ' ').slice(0, 500));
    await jetstream(this.nats)
      .publish(deadLetterSubject(this.service), request.data, {
        headers: h,
        msgID: `dead-letter-${request.consumer}-${request.streamSeq ?? uuidv7()}`,
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Dead letter not published on its subject'),
      );
  }

  async list(status?: 'parked' | 'replayed'): Promise<DeadLetter[]> {
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM "${this.schema}".dead_letters WHERE ($1::text IS NULL OR status = $1) ORDER BY parked_at, id LIMIT 1000`,
      [status ?? null],
    );
    return rows.map(fromRow);
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM "${this.schema}".dead_letters WHERE id = $1`,
      [id],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async markReplayed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${this.schema}".dead_letters SET status = 'replayed', replayed_at = now() WHERE id = $1`,
      [id],
    );
  }

  async recordReplayFailure(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${this.schema}".dead_letters SET error = $2, deliveries = deliveries + 1 WHERE id = $1`,
      [id, error.slice(0, 4000)],
    );
  }
}
