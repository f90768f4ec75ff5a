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

  /**
   * A data change and the events it announces, in one statement (atomic without a transaction of its own, one
   * round trip): `change` is a data-modifying statement `… RETURNING <column> AS key` using parameters $1…$n; each
   * event is recorded, in the given order, only if its key is among those the change returned. Returns those keys.
   */
  async recordWithChange(
    manager: EntityManager,
    change: { sql: string; parameters: unknown[] },
    events: readonly { key: string; event: EventEnvelope }[],
  ): Promise<string[]> {
    const next = change.parameters.length;
    const rows: { key: string }[] = await manager.query(
      `WITH changed AS (${change.sql}),
       recorded AS (
         INSERT INTO "${this.schema}".outbox (id, subject, aggregate_id, envelope)
         SELECT e.id, e.subject, e.aggregate_id, e.envelope::jsonb
         FROM unnest($${next + 1}::uuid[], $${next + 2}::text[], $${next + 3}::text[], $${next + 4}::text[],
           $${next + 5}::text[]) WITH ORDINALITY AS e(id, subject, aggregate_id, envelope, key, position)
         WHERE e.key IN (SELECT changed.key::text FROM changed)
         ORDER BY e.position
         RETURNING 1)
       SELECT changed.key::text AS key FROM changed`,
      [
        ...change.parameters,
        events.map(({ event }) => event.id),
        events.map(({ event }) => event.type),
        events.map(({ event }) => event.aggregateId),
        events.map(({ event }) => JSON.stringify(event)),
        events.map(({ key }) => key),
      ],
    );
    return rows.map((row) => row.key);
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
