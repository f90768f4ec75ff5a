import { v7 as uuidv7 } from 'uuid';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '#platform';
import {
  DeliveryFailure,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '../channels/notification-channel.js';
import { type RetryPolicy, retryDelayMs, statusAfterFailure } from '../messages/delivery.rules.js';
import { type ClaimedMessage, MessagesRepository } from '../messages/messages.repository.js';
import { DeliveryFaults } from './delivery-faults.js';
import { OutcomeWriter } from './outcome-writer.js';

const WAKE_GATHER_MS = 10;
/** A worker says it is alive this often, for three times as long; one silent past that is dead. */
const HEARTBEAT_MS = 5_000;
const ALIVE_FOR_SECONDS = 15;
/** Lanes other than the first poll this many times less often when idle. */
const IDLE_LANE_POLL_FACTOR = 20;

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');
export interface DeliverySettings extends RetryPolicy {
  enabled: boolean;
  pollMs: number;
  batchSize: number;
  /** Claim-and-send loops running side by side in this process (they never share a message). */
  lanes: number;
  staleSendingMs: number;
}

/**
 * Sends what the delivery log holds, apart from the event handlers: claims due messages (`sending`, committed before
 * any SMTP exchange), hands each to its channel, then saves the outcome (and announces it) after the exchange.
 * Replicas and lanes share the work (`FOR UPDATE SKIP LOCKED`). A message left `sending` by a dead process is tried
 * again after `staleSendingMs`: if that process died between the SMTP server's acceptance and the saved status, the
 * person gets it twice — the one duplicate SMTP cannot rule out.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly channels: Map<string, NotificationChannel>;
  private stopped = false;
  private loops: Promise<void>[] = [];
  private sleepers = new Set<() => void>();
  private lastRecovery = 0;
  /** This process's worker: the one named on the messages it holds in `sending`. */
  private readonly instance = uuidv7();
  private lastBeat = 0;
  private heartbeat?: NodeJS.Timeout;
  private wakeScheduled?: NodeJS.Timeout;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly outcomes: OutcomeWriter,
    private readonly clock: Clock,
    private readonly faults: DeliveryFaults,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {
    this.channels = new Map(channels.map((channel) => [channel.name, channel]));
  }

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    // Alive even while every lane waits on a slow SMTP exchange.
    this.heartbeat = setInterval(() => void this.beatWhenDue().catch(() => undefined), HEARTBEAT_MS);
    this.loops = Array.from({ length: this.settings.lanes }, (_, lane) => this.run(lane));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.wakeScheduled);
    clearInterval(this.heartbeat);
    for (const wakeUp of this.sleepers) wakeUp();
    await Promise.all(this.loops);
    if (this.lastBeat > 0) await this.messages.retire(this.instance).catch(() => undefined);
    await Promise.all([...this.channels.values()].map((channel) => channel.close?.()));
  }

  /**
   * New messages were logged: one lane looks soon instead of at the next poll. Wake-ups within `WAKE_GATHER_MS` are
   * gathered into one, so that a burst of events makes full batches rather than one claim per event; a lane that
   * claims a full batch wakes another one, so lanes join in as the backlog grows.
   */
  wake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = setTimeout(() => {
      this.wakeScheduled = undefined;
      this.wakeOneLane();
    }, WAKE_GATHER_MS);
  }

  private wakeOneLane(): void {
    const [first] = this.sleepers;
    first?.();
  }

  /**
   * One pass: say this worker is alive, recover `sending` rows of dead workers when due, claim a batch, send it.
   * Returns how many were claimed.
   */
  async runOnce(): Promise<number> {
    await this.beatWhenDue();
    const now = this.clock.now();
    if (now.getTime() - this.lastRecovery >= Math.min(HEARTBEAT_MS, this.settings.staleSendingMs / 2)) {
      this.lastRecovery = now.getTime();
      const cutoff = new Date(now.getTime() - this.settings.staleSendingMs);
      const recovered = await this.messages.recoverStale(cutoff, now);
      if (recovered > 0)
        this.logger.warn({ recovered }, 'Messages interrupted while sending: trying them again');
    }
    const claimed = await this.messages.claim(now, this.settings.batchSize, this.instance);
    if (claimed.length > 0) this.faults.reached('after-claim');
    await Promise.all(claimed.map((message) => this.deliver(message)));
    return claimed.length;
  }

  /**
   * One lane. Lane 0 polls every `pollMs` (messages due for a retry, or logged by another replica); the others,
   * which only add speed to a backlog, look much less often by themselves and are woken when there is work.
   */
  private async beatWhenDue(): Promise<void> {
    if (Date.now() - this.lastBeat < HEARTBEAT_MS) return;
    await this.messages.heartbeat(this.instance, ALIVE_FOR_SECONDS);
    this.lastBeat = Date.now();
  }

  private async run(lane: number): Promise<void> {
    const idleMs = lane === 0 ? this.settings.pollMs : this.settings.pollMs * IDLE_LANE_POLL_FACTOR;
    while (!this.stopped) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        this.logger.warn({ err: error }, 'Delivery pass failed; next pass as scheduled');
      }
      if (claimed >= this.settings.batchSize) this.wakeOneLane();
      if (claimed === 0 && !this.stopped) await this.sleep(idleMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.sleepers.delete(finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      this.sleepers.add(finish);
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
    await this.outcomes.save(message, { status: 'delivered' });
    this.faults.reached('after-saved', message.channel);
  }

  private async saveFailure(message: ClaimedMessage, error: unknown): Promise<void> {
    const kind = error instanceof DeliveryFailure ? error.kind : 'technical';
    const text = error instanceof Error ? error.message : String(error);
    const status = statusAfterFailure(kind, message.attempts, this.settings);
    const delay = retryDelayMs(message.attempts, this.settings);
    const nextAttemptAt =
      status === 'temporary-failure' ? new Date(this.clock.now().getTime() + delay) : undefined;
    this.logger.warn(
      { messageId: message.id, status, attempts: message.attempts, error: text },
      'Delivery failed',
    );
    await this.outcomes.save(message, { status, error: text, nextAttemptAt });
  }
}
