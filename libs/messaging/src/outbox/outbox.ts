import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventEnvelope, type EventMap, type EventOrigin, type EventType } from '#domain';
import { requestContext } from '#platform';
import { MESSAGING_SCHEMA } from '../messaging.tokens.js';

/** Where an event comes from: the HTTP request or the event being handled (its id becomes the causation id). */
export function currentOrigin(): EventOrigin {
  const context = requestContext.current();
  return {
    correlationId: context?.correlationId ?? uuidv7(),
    causationId: context?.eventId ?? null,
    actor: context?.actor ?? null,
  };
}

/**
 * The transactional outbox: an event is written in the caller's transaction, next to the state change it
 * announces. The relay publishes it after commit; a rolled-back change publishes nothing.
 */
@Injectable()
export class Outbox {
  constructor(@Inject(MESSAGING_SCHEMA) private readonly schema: string) {}

  async record(manager: EntityManager, event: EventEnvelope): Promise<void> {
    await this.recordAll(manager, [event]);
  }

  /** Records several events with one statement, in the given order (the relay publishes them in that order). */
  async recordAll(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'Outbox.record must be called inside a transaction (manager.transaction or a query runner)',
      );
    }
    if (events.length === 0) return;
    if (events.length === 1) {
      const [event] = events;
      await manager.query(
        `INSERT INTO "${this.schema}".outbox (id, subject, aggregate_id, envelope) VALUES ($1, $2, $3, $4)`,
        [event.id, event.type, event.aggregateId, JSON.stringify(event)],
      );
      return;
    }
    // WITH ORDINALITY keeps the order: seq (bigserial) follows the rows as they are inserted.
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, subject, aggregate_id, envelope)
       SELECT id, subject, aggregate_id, envelope::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
         AS e(id, subject, aggregate_id, envelope, position)
       ORDER BY position`,
      [
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => event.aggregateId),
        events.map((event) => JSON.stringify(event)),
      ],
    );
  }

  /** Builds an event of the current version from the current request or event context, and records it. */
  async publish<T extends EventType>(
    manager: EntityManager,
    type: T,
    aggregateId: string,
    payload: EventMap[T],
  ): Promise<EventEnvelope<EventMap[T]>> {
    const event = createEvent(type, aggregateId, payload, currentOrigin());
    await this.record(manager, event);
    return event;
  }
}
