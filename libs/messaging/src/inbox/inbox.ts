import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '#domain';
import { MESSAGING_SCHEMA } from '../messaging.tokens.js';
import type { EventContext } from '../jetstream/event-context.js';

/**
 * The idempotent inbox: a handler's effects and the record "this consumer handled this event" commit in one
 * transaction. A redelivered event finds its record and does nothing: effectively once.
 */
@Injectable()
export class Inbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_SCHEMA) private readonly schema: string,
  ) {}

  /** Runs `effects` once per (consumer, event); returns false when the event had already been handled. */
  async once(
    context: EventContext,
    event: EventEnvelope,
    effects: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [context.consumer, event.id],
      );
      if (inserted.length === 0) return false;
      await effects(manager);
      return true;
    });
  }
}
