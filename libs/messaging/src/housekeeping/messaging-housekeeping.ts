import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicJob, ScheduledJob } from '#platform';
import type { MessagingConfig } from '../messaging.config.js';
import { MESSAGING_CONFIG, MESSAGING_SCHEMA } from '../messaging.tokens.js';
import { WaitingEvents } from '../waiting/waiting-events.js';

/**
 * Keeps the backbone's tables small: published outbox rows after OUTBOX_RETENTION_DAYS, inbox records after
 * INBOX_RETENTION_DAYS (longer than the stream keeps events, so no event the stream could redeliver is forgotten),
 * records of waits never settled (a replica killed) a day after their last wait.
 */
@Injectable()
export class MessagingHousekeeping extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_SCHEMA) private readonly schema: string,
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
    private readonly waiting: WaitingEvents,
  ) {
    super();
    this.job = new PeriodicJob('MessagingHousekeeping', () => this.purge().then(() => undefined), 3_600_000);
  }

  /** Deletes what has expired; returns how many rows of each table. */
  async purge(now: Date = new Date()): Promise<{ outbox: number; inbox: number; waits: number }> {
    const outbox: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM "${this.schema}".outbox WHERE published_at < $1::timestamptz - make_interval(days => $2)`,
      [now.toISOString(), this.config.OUTBOX_RETENTION_DAYS],
    );
    const inbox: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM "${this.schema}".inbox WHERE processed_at < $1::timestamptz - make_interval(days => $2)`,
      [now.toISOString(), this.config.INBOX_RETENTION_DAYS],
    );
    const waits = await this.waiting.purgeOlderThan(
      now,
      24 + Math.ceil(this.config.EVENT_WAIT_MAX_MS / 3_600_000),
    );
    return { outbox: outbox[1], inbox: inbox[1], waits };
  }
}
