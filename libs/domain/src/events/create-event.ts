import { v7 as uuidv7 } from 'uuid';
import { currentVersionOf, type EventMap, type EventType } from './catalogue.js';
import type { EventEnvelope } from './envelope.js';

export interface EventOrigin {
  correlationId: string;
  causationId?: string | null;
  actor?: string | null;
}

/** Builds a new event of the current version, ready for the outbox. */
export function createEvent<T extends EventType>(
  type: T,
  aggregateId: string,
  payload: EventMap[T],
  origin: EventOrigin,
  now: Date = new Date(),
): EventEnvelope<EventMap[T]> {
  return {
    id: uuidv7(),
    type,
    version: currentVersionOf(type),
    occurredAt: now.toISOString(),
    correlationId: origin.correlationId,
    causationId: origin.causationId ?? null,
    actor: origin.actor ?? null,
    aggregateId,
    payload,
  };
}
