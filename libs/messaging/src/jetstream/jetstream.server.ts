import { Inject, Injectable } from '@nestjs/common';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { isObservable, lastValueFrom } from 'rxjs';
import { validateEvent } from '#domain';
import { NATS_CONNECTION, requestContext, SERVICE_NAME } from '#platform';
import { DeadLetterStore } from '../dead-letters/dead-letter.store.js';
import type { MessagingConfig } from '../messaging.config.js';
import { MESSAGING_CONFIG } from '../messaging.tokens.js';
import { AGGREGATE_HEADER } from '../outbox/headers.js';
import { isNotYet } from '../waiting/not-yet.js';
import { decideWhileWaiting, failedTries, type WaitPolicy } from '../waiting/wait-policy.js';
import { WaitingEvents } from '../waiting/waiting-events.js';
import { EventContext, type EventContextInfo } from './event-context.js';
import { KeyedScheduler } from './keyed-scheduler.js';
import { decideAfterFailure, durableName, type RetryPolicy } from './retry-policy.js';
import { ensureStream } from './stream-setup.js';

/** What became of one message. */
export type DispatchOutcome =
  | { kind: 'handled'; eventId: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'waiting'; awaited: string; eventId: string }
  | { kind: 'invalid'; reason: string; eventId: string | null }
  | { kind: 'failed'; error: string; eventId: string | null };

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

function eventIdOf(raw: unknown): string | null {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
}

/**
 * Nest transport on JetStream: each `@OnEvent(subject)` handler gets its own durable pull consumer, shared by
 * every replica of the service. Messages of one aggregate are handled in order, different aggregates in parallel
 * (EVENT_CONCURRENCY). A message is acked after the handler (and its transaction) returns; a failure is
 * retried with a doubling delay, then parked as a dead letter; an invalid message is parked at once; an unknown
 * version is acked with a warning; an event that arrived before the one it needs (NotYet) waits without spending
 * its tries. One bad message never stops a consumer.
 */
@Injectable()
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private readonly js: JetStreamClient;
  private readonly subscriptions = new Set<ConsumerMessages>();
  private readonly loops: Promise<void>[] = [];
  private running = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
    private readonly deadLetters: DeadLetterStore,
    private readonly waiting: WaitingEvents,
  ) {
    super();
    this.js = jetstream(nats);
  }

  private get retryPolicy(): RetryPolicy {
    return {
      maxDeliver: this.config.EVENT_MAX_DELIVER,
      baseDelayMs: this.config.EVENT_RETRY_BASE_MS,
      maxDelayMs: this.config.EVENT_RETRY_MAX_MS,
    };
  }

  private get waitPolicy(): WaitPolicy {
    return {
      baseDelayMs: this.config.EVENT_WAIT_RETRY_BASE_MS,
      maxDelayMs: this.config.EVENT_WAIT_RETRY_MAX_MS,
      maxWaitMs: this.config.EVENT_WAIT_MAX_MS,
    };
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const jsm = await jetstreamManager(this.nats);
      await ensureStream(jsm, {
        name: this.config.NATS_STREAM,
        replicas: this.config.NATS_STREAM_REPLICAS,
        maxAgeDays: this.config.NATS_STREAM_MAX_AGE_DAYS,
      });
      this.running = this.config.EVENT_CONSUMERS_ENABLED;
      for (const [subject, handler] of this.running ? this.messageHandlers : []) {
        if (!handler.isEventHandler) continue;
        await this.ensureConsumer(jsm, subject);
        this.loops.push(this.consume(subject));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.running = false;
    for (const messages of this.subscriptions) await messages.close().catch(() => undefined);
    await Promise.allSettled(this.loops);
  }

  on(): never {
    throw new Error('JetStreamServer does not emit events');
  }

  unwrap<T>(): T {
    return this.nats as T;
  }

  /** Validates a message and runs its handler. Also used to replay a dead letter. */
  async dispatch(info: EventContextInfo, data: string): Promise<DispatchOutcome> {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return { kind: 'invalid', reason: 'the message is not valid JSON', eventId: null };
    }
    const check = validateEvent(raw);
    if (check.kind === 'invalid') return { kind: 'invalid', reason: check.reason, eventId: eventIdOf(raw) };
    if (check.kind === 'unknown-version') {
      this.logger.warn(
        { consumer: info.consumer, type: check.type, version: check.version, eventId: eventIdOf(raw) },
        'Event version unknown to this consumer: acknowledged without effect',
      );
      return { kind: 'ignored', reason: `unknown version ${check.version}` };
    }
    const handler = this.handlerFor(info.subject);
    if (!handler) return { kind: 'ignored', reason: 'no handler' };
    const event = check.event;
    const context = {
      correlationId: event.correlationId,
      aggregateId: event.aggregateId,
      causationId: event.id,
      eventId: event.id,
      actor: event.actor ?? undefined,
    };
    try {
      await requestContext.run(context, async () => {
        const result: unknown = await handler(event, new EventContext([info]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      });
      return { kind: 'handled', eventId: event.id };
    } catch (error) {
      if (isNotYet(error)) return { kind: 'waiting', awaited: error.awaited, eventId: event.id };
      return { kind: 'failed', error: describeError(error), eventId: event.id };
    }
  }

  /** Nest's pattern lookup normalises the pattern at every call; subjects are plain strings, so cache it. */
  private readonly handlers = new Map<string, ReturnType<Server['getHandlerByPattern']>>();

  private handlerFor(subject: string): ReturnType<Server['getHandlerByPattern']> {
    if (!this.handlers.has(subject)) this.handlers.set(subject, this.getHandlerByPattern(subject));
    return this.handlers.get(subject) ?? null;
  }

  private async ensureConsumer(jsm: JetStreamManager, subject: string): Promise<void> {
    const durable = durableName(this.service, subject);
    const config = {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.config.EVENT_ACK_WAIT_MS),
      // The transport parks messages itself after EVENT_MAX_DELIVER tries; the server never gives up on one
      // (a message whose parking fails, e.g. during a database outage, must come again).
      max_deliver: -1,
      max_ack_pending: 1_000,
    };
    try {
      await jsm.consumers.info(this.config.NATS_STREAM, durable);
      await jsm.consumers.update(this.config.NATS_STREAM, durable, {
        ack_wait: config.ack_wait,
        max_deliver: config.max_deliver,
        max_ack_pending: config.max_ack_pending,
      });
    } catch {
      await jsm.consumers.add(this.config.NATS_STREAM, config).catch(async (error: unknown) => {
        // Another replica created it at the same time.
        await jsm.consumers.info(this.config.NATS_STREAM, durable).catch(() => {
          throw error;
        });
      });
    }
  }

  private async consume(subject: string): Promise<void> {
    const durable = durableName(this.service, subject);
    while (this.running) {
      try {
        const consumer = await this.js.consumers.get(this.config.NATS_STREAM, durable);
        // Pulls that expire after 5 s (heartbeats every 2.5 s): a pull lost with a NATS node that died is noticed and
        // made again within seconds, not after the default 30 s.
        const messages = await consumer.consume({
          max_messages: 4 * this.config.EVENT_CONCURRENCY,
          expires: 5_000,
        });
        const scheduler = new KeyedScheduler(this.config.EVENT_CONCURRENCY);
        const inHand = new Set<JsMsg>();
        // Progress reports: a message held here (queued behind its aggregate, or handled slowly) is not redelivered
        // to another replica; one held by a process that died comes again after EVENT_ACK_WAIT_MS.
        const progress = setInterval(
          () => inHand.forEach((message) => message.working()),
          Math.max(200, this.config.EVENT_ACK_WAIT_MS / 3),
        );
        this.subscriptions.add(messages);
        try {
          for await (const message of messages) {
            const aggregate = message.headers?.get(AGGREGATE_HEADER) ?? '';
            inHand.add(message);
            await scheduler.schedule(aggregate, () =>
              this.onMessage(durable, subject, message).finally(() => inHand.delete(message)),
            );
            if (!this.running) break;
          }
        } finally {
          await scheduler.drain();
          clearInterval(progress);
          this.subscriptions.delete(messages);
        }
      } catch (error) {
        if (this.running)
          this.logger.warn({ err: error, consumer: durable }, 'Consumer interrupted; resuming');
      }
      if (this.running) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  private async onMessage(consumer: string, subject: string, message: JsMsg): Promise<void> {
    const info: EventContextInfo = {
      consumer,
      subject,
      deliveryCount: message.info.deliveryCount,
      replay: false,
    };
    const data = message.string();
    const outcome = await this.dispatch(info, data);
    try {
      if (outcome.kind === 'handled' || outcome.kind === 'ignored') {
        // Fire-and-forget: an ack lost on the way only brings a redelivery, which the inbox turns into a no-op.
        message.ack();
        if (outcome.kind === 'handled' && info.deliveryCount > 1) this.forgetWait(consumer, outcome.eventId);
        return;
      }
      if (outcome.kind === 'waiting') return await this.keepWaiting(info, message, data, outcome);
      if (outcome.kind === 'invalid') {
        return await this.park(info, message, data, outcome.eventId, `invalid message: ${outcome.reason}`);
      }
      const waits =
        info.deliveryCount > 1 && outcome.eventId ? await this.waiting.waitsOf(consumer, outcome.eventId) : 0;
      const decision = decideAfterFailure(failedTries(info.deliveryCount, waits), this.retryPolicy);
      if (decision.action === 'park')
        return await this.park(info, message, data, outcome.eventId, outcome.error);
      this.logger.warn(
        { consumer, eventId: outcome.eventId, deliveryCount: info.deliveryCount, error: outcome.error },
        'Handler failed; will retry',
      );
      message.nak(decision.delayMs);
    } catch (error) {
      // Parking or recording failed (database down?): try again later; the inbox keeps any effect single.
      this.logger.error({ err: error, consumer }, 'Could not settle a message; it will come again');
      message.nak(this.config.EVENT_RETRY_MAX_MS);
    }
  }

  /** The event came before the one it needs: it comes again soon, without spending a try, until the bound. */
  private async keepWaiting(
    info: EventContextInfo,
    message: JsMsg,
    data: string,
    outcome: { awaited: string; eventId: string },
  ): Promise<void> {
    const { consumer } = info;
    const wait = await this.waiting.recordWait(consumer, outcome.eventId, outcome.awaited);
    const decision = decideWhileWaiting(wait.waits, wait.waitedMs, this.waitPolicy);
    if (decision.action === 'park') {
      const waited = Math.round(wait.waitedMs / 1000);
      await this.park(
        info,
        message,
        data,
        outcome.eventId,
        `waited ${waited} s for ${outcome.awaited}, which never came`,
      );
      return;
    }
    const line = { consumer, eventId: outcome.eventId, awaited: outcome.awaited, waits: wait.waits };
    if (wait.waits === 1) this.logger.log(line, 'Event arrived before the one it needs; it waits');
    else this.logger.debug?.(line, 'Event still waits for the one it needs');
    message.nak(decision.delayMs);
  }

  private async park(
    info: EventContextInfo,
    message: JsMsg,
    data: string,
    eventId: string | null,
    error: string,
  ): Promise<void> {
    await this.deadLetters.park({
      consumer: info.consumer,
      subject: info.subject,
      eventId,
      streamSeq: message.seq,
      data,
      error,
      deliveries: info.deliveryCount,
    });
    message.term(error.slice(0, 200));
    if (eventId) this.forgetWait(info.consumer, eventId);
  }

  /** Best effort: a record left behind (database down at that moment) is purged by the housekeeping job. */
  private forgetWait(consumer: string, eventId: string): void {
    this.waiting.forget(consumer, eventId).catch((error: unknown) => {
      this.logger.debug?.({ err: error, consumer, eventId }, 'Could not forget a wait; housekeeping will');
    });
  }
}
