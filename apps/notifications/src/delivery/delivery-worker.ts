import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
import { Clock } from '#platform';
import {
  DeliveryFailure,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '../channels/notification-channel.js';
import { type RetryPolicy, retryDelayMs, statusAfterFailure } from '../messages/delivery.rules.js';
import { type ClaimedMessage, MessagesRepository } from '../messages/messages.repository.js';
import { DeliveryFaults } from './delivery-faults.js';

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');
export interface DeliverySettings extends RetryPolicy {
  enabled: boolean;
  pollMs: number;
  batchSize: number;
  staleSendingMs: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sends what the delivery log holds, apart from the event handlers: claims due messages (`sending`, committed before
 * any SMTP exchange), hands each to its channel, then saves the outcome and announces it (`notification.delivered`
 * / `notification.failed`) in one transaction. Replicas share the work (`FOR UPDATE SKIP LOCKED`). A message left
 * `sending` by a dead process is tried again after `staleSendingMs`: if that process died between the SMTP server's
 * acceptance and the saved status, the person gets it twice — the one duplicate SMTP cannot rule out.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly channels: Map<string, NotificationChannel>;
  private stopped = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private lastRecovery = 0;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly faults: DeliveryFaults,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {
    this.channels = new Map(channels.map((channel) => [channel.name, channel]));
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
    await Promise.all([...this.channels.values()].map((channel) => channel.close?.()));
  }

  /** New messages were logged: look at once instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /** One pass: recover stale `sending` rows when due, claim a batch, send it. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    if (now.getTime() - this.lastRecovery >= this.settings.staleSendingMs / 2) {
      this.lastRecovery = now.getTime();
      const recovered = await this.messages.recoverStale(
        new Date(now.getTime() - this.settings.staleSendingMs),
        now,
      );
      if (recovered > 0)
        this.logger.warn({ recovered }, 'Messages interrupted while sending: trying them again');
    }
    const claimed = await this.messages.claim(now, this.settings.batchSize);
    if (claimed.length > 0) this.faults.reached('after-claim');
    await Promise.all(claimed.map((message) => this.deliver(message)));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        this.logger.warn({ err: error }, 'Delivery pass failed; next pass as scheduled');
      }
      if (claimed < this.settings.batchSize && !this.stopped) await this.sleep(this.settings.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        done();
      }
      this.wakeUp = finish;
    });
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const channel = this.channels.get(message.channel);
    try {
      if (!channel) throw new DeliveryFailure('technical', `no channel ${message.channel}`);
      await channel.send({ ...message, subject: message.title });
    } catch (error) {
      await this.saveFailure(message, error);
      return;
    }
    this.faults.reached('after-accepted', message.channel);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const saved = await this.messages.saveOutcome(manager, message.id, { status: 'delivered' }, now);
      if (saved && message.channel === 'email' && UUID.test(message.sourceId)) {
        await this.outbox.publish(manager, SUBJECTS.notificationDelivered, message.id, {
          notificationId: message.id,
          channel: message.channel,
          recipientSubject: message.recipientSubject,
          sourceEventId: message.sourceId,
        });
      }
    });
    this.faults.reached('after-saved', message.channel);
  }

  private async saveFailure(message: ClaimedMessage, error: unknown): Promise<void> {
    const kind = error instanceof DeliveryFailure ? error.kind : 'technical';
    const text = error instanceof Error ? error.message : String(error);
    const status = statusAfterFailure(kind, message.attempts, this.settings);
    const now = this.clock.now();
    const nextAttemptAt =
      status === 'temporary-failure'
        ? new Date(now.getTime() + retryDelayMs(message.attempts, this.settings))
        : undefined;
    this.logger.warn(
      { messageId: message.id, status, attempts: message.attempts, error: text },
      'Delivery failed',
    );
    await this.dataSource.transaction(async (manager) => {
      const saved = await this.messages.saveOutcome(
        manager,
        message.id,
        { status, error: text, nextAttemptAt },
        now,
      );
      if (saved && status !== 'temporary-failure' && UUID.test(message.sourceId)) {
        await this.outbox.publish(manager, SUBJECTS.notificationFailed, message.id, {
          notificationId: message.id,
          channel: message.channel,
          recipientSubject: message.recipientSubject,
          sourceEventId: message.sourceId,
          error: text.slice(0, 1000),
          attempts: message.attempts,
        });
      }
    });
  }
}
