import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, PeriodicJob, ScheduledJob } from '#platform';
import { updatedRows } from '../messages/messages.repository.js';

export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');
export interface RetentionSettings {
  messageDays: number;
  contactDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Personal data kept no longer than configured (hourly, on every replica: the deletes are idempotent): messages in a
 * final status (they hold addresses and texts) after `MESSAGE_RETENTION_DAYS`, with the digest items already sent;
 * citizens' contacts after `CONTACT_RETENTION_DAYS` (long enough for an after-the-fact check of the file).
 */
@Injectable()
export class RetentionJob extends ScheduledJob {
  private readonly logger = new Logger(RetentionJob.name);
  protected readonly job = new PeriodicJob('NotificationsRetention', () => this.purge(), 3_600_000, 60_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(RETENTION_SETTINGS) private readonly settings: RetentionSettings,
  ) {
    super();
  }

  private async purge(): Promise<void> {
    const now = this.clock.now().getTime();
    const messagesBefore = new Date(now - this.settings.messageDays * DAY_MS);
    const contactsBefore = new Date(now - this.settings.contactDays * DAY_MS);
    const messages = updatedRows(
      await this.dataSource.query(
        `DELETE FROM notifications.messages
         WHERE created_at < $1 AND status IN ('delivered', 'permanent-failure', 'technical-failure') RETURNING id`,
        [messagesBefore],
      ),
    ).length;
    await this.dataSource.query(
      'DELETE FROM notifications.digest_items WHERE created_at < $1 AND digest_message_id IS NOT NULL',
      [messagesBefore],
    );
    const contacts = updatedRows(
      await this.dataSource.query(
        'DELETE FROM notifications.application_contacts WHERE created_at < $1 RETURNING application_id',
        [contactsBefore],
      ),
    ).length;
    if (messages + contacts > 0) this.logger.log({ messages, contacts }, 'Expired notification data deleted');
  }
}
