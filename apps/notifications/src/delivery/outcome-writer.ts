import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
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

/**
 * Saves the outcomes of tries, and announces final ones (`notification.delivered` for e-mails,
 * `notification.failed`), in one transaction per group: the outcomes that arrive while a group is being written
 * make the next group, so under load one commit carries many messages. A message's save resolves once its group has
 * committed; only a message still `sending` moves (one way).
 */
@Injectable()
export class OutcomeWriter {
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
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      try {
        await this.write(group);
        for (const pending of group) pending.done();
      } catch (error) {
        for (const pending of group) pending.done(error);
      }
    }
    this.flushing = false;
  }

  private async write(group: Pending[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const moved = new Set(
        await this.messages.saveOutcomes(
          manager,
          group.map((pending) => ({ id: pending.message.id, ...pending.outcome })),
          now,
        ),
      );
      for (const { message, outcome } of group) {
        if (!moved.has(message.id) || !UUID.test(message.sourceId)) continue;
        await this.announce(manager, message, outcome.status, outcome.error);
      }
    });
  }

  private async announce(
    manager: Parameters<Outbox['publish']>[0],
    message: ClaimedMessage,
    status: MessageStatus,
    error: string | undefined,
  ): Promise<void> {
    const common = {
      notificationId: message.id,
      channel: message.channel,
      recipientSubject: message.recipientSubject,
      sourceEventId: message.sourceId,
    };
    if (status === 'delivered' && message.channel === 'email' && this.announceDeliveries) {
      await this.outbox.publish(manager, SUBJECTS.notificationDelivered, message.id, common);
    } else if (status === 'permanent-failure' || status === 'technical-failure') {
      await this.outbox.publish(manager, SUBJECTS.notificationFailed, message.id, {
        ...common,
        error: (error ?? status).slice(0, 1000),
        attempts: message.attempts,
      });
    }
  }
}
