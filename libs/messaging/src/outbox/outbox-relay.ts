import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NATS_CONNECTION } from '#platform';
import type { MessagingConfig } from '../messaging.config.js';
import { MESSAGING_CONFIG, MESSAGING_SCHEMA } from '../messaging.tokens.js';
import { outboxChannel } from '../migrations/messaging-tables.migration.js';
import { acknowledgedPrefix } from './acknowledged-prefix.js';
import { AGGREGATE_HEADER, CORRELATION_HEADER } from './headers.js';
import { WakeSignal } from './wake-signal.js';

/** A busy relay renews its declaration this often; one that died stops counting as busy after BUSY_EXPIRY_MS. */
const BUSY_RENEWAL_MS = 1_000;
const BUSY_EXPIRY_MS = 3_000;
/** After declaring itself idle, a relay looks once more this long later before sleeping. */
const LAST_LOOK_MS = 50;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface OutboxRow {
  id: string;
  seq: string;
  subject: string;
  aggregate_id: string;
  envelope: { correlationId?: string };
}

/**
 * Publishes the outbox to JetStream: woken by LISTEN/NOTIFY (polling as fallback), it takes a batch with
 * FOR UPDATE SKIP LOCKED (replicas share the work), publishes it pipelined with Nats-Msg-Id = event id, and marks
 * rows sent once the server acknowledged them. An aggregate whose earlier event is held by another replica is
 * left for later, so order is kept per aggregate.
 *
 * While it finds events, a relay declares itself busy (`busy_relays`, renewed every second, expiring after 3 s) and
 * takes batch after batch, OUTBOX_LINGER_MS apart: writers then skip the NOTIFY, whose lock would serialise their
 * commits. Once a batch comes back empty it declares itself idle, looks once more a moment later (for a write
 * that saw it busy and committed after its last look), and sleeps until a NOTIFY or OUTBOX_POLL_MS.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly js: JetStreamClient;
  private running = false;
  private loop?: Promise<void>;
  private readonly wakeUp = new WakeSignal();
  private listener?: pg.Client;
  private readonly instance = uuidv7();
  /** When this relay last declared itself busy (ms), or null while it is idle. */
  private busySince: number | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    @Inject(MESSAGING_SCHEMA) private readonly schema: string,
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
  ) {
    this.js = jetstream(nats, { timeout: 5_000 });
  }

  onApplicationBootstrap(): void {
    if (!this.config.OUTBOX_RELAY_ENABLED) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeUp.notify();
    await this.loop;
    // Writers wake the other replicas again at once rather than after this one's declaration expires.
    if (this.busySince !== null) await this.declareIdle().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes one batch; returns how many rows it marked sent. Exposed for tests and the benchmark. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `WITH candidate AS (
           SELECT id, seq, subject, aggregate_id, envelope FROM "${this.schema}".outbox
           WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
         SELECT c.* FROM candidate c
         WHERE NOT EXISTS (
           SELECT 1 FROM "${this.schema}".outbox earlier
           WHERE earlier.published_at IS NULL AND earlier.aggregate_id = c.aggregate_id AND earlier.seq < c.seq
             AND earlier.id NOT IN (SELECT id FROM candidate))
         ORDER BY c.seq`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const acknowledged = await this.publishInOrder(rows);
      const done = acknowledgedPrefix(
        rows.map((row) => ({
          id: row.id,
          aggregateId: row.aggregate_id,
          seq: Number(row.seq),
          acknowledged: acknowledged.has(row.id),
        })),
      );
      if (done.length > 0) {
        await manager.query(
          `UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::uuid[])`,
          [done],
        );
      }
      return done.length;
    });
  }

  /**
   * Publishes different aggregates in parallel (pipelined) and the events of one aggregate one after the other,
   * stopping at its first failure: the stream never holds an aggregate's later event before an earlier one.
   */
  private async publishInOrder(rows: OutboxRow[]): Promise<Set<string>> {
    const byAggregate = new Map<string, OutboxRow[]>();
    for (const row of rows)
      byAggregate.set(row.aggregate_id, [...(byAggregate.get(row.aggregate_id) ?? []), row]);
    const acknowledged = new Set<string>();
    await Promise.all(
      [...byAggregate.values()].map(async (events) => {
        for (const row of events) {
          try {
            await this.publishRow(row);
            acknowledged.add(row.id);
          } catch (error) {
            this.logger.warn({ err: error, eventId: row.id }, 'Outbox publish failed; will retry');
            return;
          }
        }
      }),
    );
    return acknowledged;
  }

  private async publishRow(row: OutboxRow): Promise<void> {
    const h = headers();
    h.set(AGGREGATE_HEADER, row.aggregate_id);
    if (row.envelope.correlationId) h.set(CORRELATION_HEADER, row.envelope.correlationId);
    await this.js.publish(row.subject, JSON.stringify(row.envelope), { msgID: row.id, headers: h });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.publishBatch();
        failures = 0;
        if (published > 0) {
          await this.declareBusy();
          if (published >= this.config.OUTBOX_BATCH_SIZE) continue;
          // Let a few milliseconds of events gather, so that one batch (one select, one update) carries many.
          await sleep(this.config.OUTBOX_LINGER_MS);
          continue;
        }
        if (this.busySince !== null) {
          await this.declareIdle();
          await sleep(LAST_LOOK_MS);
          continue;
        }
        await this.wakeUp.wait(this.config.OUTBOX_POLL_MS);
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: error }, 'Outbox relay cycle failed; retrying');
        await this.wakeUp.wait(Math.min(this.config.OUTBOX_POLL_MS * 2 ** failures, 10_000));
      }
    }
  }

  private async declareBusy(): Promise<void> {
    const now = Date.now();
    if (this.busySince !== null && now - this.busySince < BUSY_RENEWAL_MS) return;
    await this.dataSource.query(
      `INSERT INTO "${this.schema}".busy_relays (instance, busy_until) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (instance) DO UPDATE SET busy_until = EXCLUDED.busy_until`,
      [this.instance, BUSY_EXPIRY_MS / 1000],
    );
    this.busySince = now;
  }

  private async declareIdle(): Promise<void> {
    await this.dataSource.query(`DELETE FROM "${this.schema}".busy_relays WHERE instance = $1`, [
      this.instance,
    ]);
    this.busySince = null;
  }

  private async listen(): Promise<void> {
    while (this.running) {
      const client = new pg.Client({ connectionString: this.config.DATABASE_URL });
      try {
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        client.on('notification', () => this.wakeUp.notify());
        await client.connect();
        await client.query(`LISTEN ${outboxChannel(this.schema)}`);
        this.listener = client;
        this.wakeUp.notify();
        await closed;
      } catch (error) {
        this.logger.warn({ err: error }, 'Outbox LISTEN connection lost; polling until it is back');
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
