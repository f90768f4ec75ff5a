import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '#domain';
import { requestContext, type RequestContext } from '#platform';
import type { EventContext } from '../jetstream/event-context.js';
import { MESSAGING_SCHEMA } from '../messaging.tokens.js';
import { withinUnit } from './commit-batch.js';

type Effects = (manager: EntityManager) => Promise<void>;

interface Pending {
  consumer: string;
  eventId: string;
  effects: Effects;
  context: RequestContext | undefined;
  resolve: (handled: boolean) => void;
  reject: (error: unknown) => void;
}

/** Events handled together in one transaction at most (the consumer's concurrency bounds it anyway). */
const MAX_BATCH = 64;
/**
 * Group transactions in flight at once: while one commits, the next gathers and runs. Events of one aggregate never
 * share the moment (the consumer hands them over one after the other), so their order holds.
 */
const GROUPS_IN_FLIGHT = 2;

/**
 * The idempotent inbox: a handler's effects and the record "this consumer handled this event" commit in one
 * transaction. A redelivered event finds its record and does nothing: effectively once.
 *
 * Events handled at the same moment (different aggregates, in parallel) are committed together: one transaction
 * records them all and runs their effects one after the other, which saves a commit per event. If any of them
 * fails, the whole group is rolled back and each event runs again alone, so one failure never takes the others down
 * and each caller gets its own outcome.
 */
@Injectable()
export class Inbox {
  private readonly logger = new Logger(Inbox.name);
  private queue: Pending[] = [];
  private flushScheduled = false;
  private inFlight = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_SCHEMA) private readonly schema: string,
  ) {}

  /** Runs `effects` once per (consumer, event); resolves false when the event had already been handled. */
  once(context: EventContext, event: EventEnvelope, effects: Effects): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({
        consumer: context.consumer,
        eventId: event.id,
        effects,
        context: requestContext.current(),
        resolve,
        reject,
      });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Starts a group with what is queued, as long as a slot is free; a group that ends frees its slot. */
  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < GROUPS_IN_FLIGHT) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      const group = batch.length === 1 ? this.runAlone(batch[0]) : this.runTogether(batch);
      void group.finally(() => {
        this.inFlight -= 1;
        if (this.queue.length > 0) this.scheduleFlush();
      });
    }
  }

  private async runTogether(batch: Pending[]): Promise<void> {
    let outcomes: boolean[];
    try {
      outcomes = await this.dataSource.transaction(async (manager) => {
        const fresh = await this.record(manager, batch);
        // The same event twice in one group (a redelivery racing the first delivery): only the first one counts.
        const firsts = batch.map((pending) => fresh.delete(key(pending)));
        await withinUnit(manager, async () => {
          for (const [index, pending] of batch.entries()) {
            if (firsts[index]) await this.inContext(pending, () => pending.effects(manager));
          }
        });
        return firsts;
      });
    } catch (error) {
      this.logger.debug(
        { err: error, events: batch.length },
        'Grouped handling failed; handling each event alone',
      );
      await Promise.all(batch.map((pending) => this.runAlone(pending)));
      return;
    }
    batch.forEach((pending, index) => pending.resolve(outcomes[index]));
  }

  private async runAlone(pending: Pending): Promise<void> {
    try {
      const handled = await this.dataSource.transaction(async (manager) => {
        const fresh = await this.record(manager, [pending]);
        if (!fresh.has(key(pending))) return false;
        await withinUnit(manager, () => this.inContext(pending, () => pending.effects(manager)));
        return true;
      });
      pending.resolve(handled);
    } catch (error) {
      pending.reject(error);
    }
  }

  /** Records the events in the inbox; returns the keys of those not recorded before (the others are duplicates). */
  private async record(manager: EntityManager, batch: Pending[]): Promise<Set<string>> {
    const rows: { consumer: string; event_id: string }[] = await manager.query(
      `INSERT INTO "${this.schema}".inbox (consumer, event_id)
       SELECT * FROM unnest($1::text[], $2::uuid[])
       ON CONFLICT DO NOTHING RETURNING consumer, event_id`,
      [batch.map((pending) => pending.consumer), batch.map((pending) => pending.eventId)],
    );
    return new Set(rows.map((row) => `${row.consumer}/${row.event_id}`));
  }

  /** Effects see the context of their own event (correlation and causation ids of the events they publish). */
  private inContext<T>(pending: Pending, work: () => Promise<T>): Promise<T> {
    return pending.context ? requestContext.run(pending.context, work) : work();
  }
}

function key(pending: Pending): string {
  return `${pending.consumer}/${pending.eventId}`;
}
