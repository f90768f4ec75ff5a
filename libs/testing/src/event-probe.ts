import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope, EventType } from '#domain';

/**
 * Every event of one subject stored in the stream so far, read by a throw-away durable consumer: what a test
 * consumer would receive. Waits up to `idleMs` for more after the last message.
 */
export async function eventsOnStream(
  natsUrl: string,
  subject: EventType,
  idleMs = 1_000,
  stream = 'GUICHET',
): Promise<EventEnvelope[]> {
  const connection = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    const durable = `probe-${uuidv7()}`;
    await jsm.consumers.add(stream, {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const consumer = await jetstream(connection).consumers.get(stream, durable);
    const events: EventEnvelope[] = [];
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 500, expires: Math.max(1_000, idleMs) });
      let received = 0;
      for await (const message of batch) {
        events.push(message.json<EventEnvelope>());
        message.ack();
        received += 1;
      }
      if (received === 0) break;
    }
    await jsm.consumers.delete(stream, durable);
    return events;
  } finally {
    await connection.close();
  }
}

/** Publishes an event as another service would (routing, checks…), straight on the stream. */
export async function publishEvent(natsUrl: string, event: EventEnvelope): Promise<void> {
  const connection = await connect({ servers: natsUrl });
  try {
    await jetstream(connection).publish(event.type, JSON.stringify(event), { msgID: event.id });
  } finally {
    await connection.close();
  }
}
