import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createEvent, type EventEnvelope, SUBJECTS } from '#domain';
import { currentOrigin, Outbox } from '#messaging';
import { Clock } from '#platform';
import type { MessageStatus } from '../messages/delivery.rules.js';
import { type ClaimedMessage, MessagesRepository, type Outcome } from '../messages/messages.repository.js';

interface Pending {
  message: ClaimedMessage;
  outcome: Outcome;
  done: (error?: unknown) => void;
}

export const ANNOUNCE_DELIVERIES = Symbol('ANNOUNCE_DELIVERIES');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_GROUP = 200;
/** Outcomes arriving within this delay share one statement (fewer commits under load, 20 ms more when idle). */
const GATHER_MS = 20;
/**
 * A group whose statement fails (the database restarting) is written again, for about a minute: the e-mails are
 * sent, only their record is missing, and a message left `sending` would be sent a second time once recovered.
 */
const SAVE_TRIES = 30;
const SAVE_RETRY_MAX_MS = 2_000;

/**
 * Saves the outcomes of tries, and announces final ones (`notification.delivered` for e-mails,
 * `notification.failed`), in one statement per group: the outcomes that arrive while a group is being written
 * make the next group, so under load one commit carries many messages. A message's save resolves once its group has
 * committed; only a message still `sending` moves (one way).
 */
@Injectable()
export class OutcomeWriter {
  private readonly logger = new Logger(OutcomeWriter.name);
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ANNOUNCE_DELIVERIES) private readonly announceDeliveries: boolean,
  ) {}

  save(message: ClaimedMessage, outcome: Outcome): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, outcome, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) {
        this.flushing = true;
        setTimeout(() => void this.flush(), GATHER_MS);
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      try {
        await this.writeUntilSaved(group);
        for (const pending of group) pending.done();
      } catch (error) {
        for (const pending of group) pending.done(error);
      }
    }
    this.flushing = false;
  }

  private async writeUntilSaved(group: Pending[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.write(group);
        return;
      } catch (error) {
        if (attempt >= SAVE_TRIES) throw error;
        this.logger.warn(
          { err: error, attempt, messages: group.length },
          'Could not save outcomes; trying again',
        );
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, SAVE_RETRY_MAX_MS)));
      }
    }
  }

  /** The group's outcomes and the announcements of those that moved: one statement. */
  private async write(group: Pending[]): Promise<void> {
    const now = this.clock.now();
    const change = this.messages.outcomesChange(
      group.map((pending) => ({ id: pending.message.id, ...pending.outcome })),
      now,
    );
    const announcements = group.flatMap(({ message, outcome }) =>
      UUID.test(message.sourceId)
        ? this.announcement(message, outcome.status, outcome.error).map((event) => ({
            key: message.id,
            event,
          }))
        : [],
    );
    await this.outbox.recordWithChange(this.dataSource.manager, change, announcements);
  }

  /** The event telling of a final outcome, if any: one write for the whole group. */
  private announcement(
    message: ClaimedMessage,
    status: MessageStatus,
    error: string | undefined,
  ): EventEnvelope[] {
    const common = {
      notificationId: message.id,
      channel: message.channel,
      recipientSubject: message.recipientSubject,
      sourceEventId: message.sourceId,
    };
    if (status === 'delivered' && message.channel === 'email' && this.announceDeliveries)
      return [createEvent(SUBJECTS.notificationDelivered, message.id, common, currentOrigin())];
    if (status === 'permanent-failure' || status === 'technical-failure')
      return [
        createEvent(
          SUBJECTS.notificationFailed,
          message.id,
          { ...common, error: (error ?? status).slice(0, 1000), attempts: message.attempts },
          currentOrigin(),
        ),
      ];
    return [];
  }
}
