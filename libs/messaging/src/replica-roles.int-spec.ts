import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import {
  createTestDatabase,
  eventually,
  query,
  type RunningService,
  startLedger,
  startTestNats,
  type TestNats,
} from '#testing';

describe('replica roles: relay-only and consumer-only replicas (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let consumerOnly: RunningService;
  let relayOnly: RunningService | undefined;

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('roles');
    consumerOnly = await startLedger({
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      OUTBOX_RELAY_ENABLED: 'false',
      SERVICE_INSTANCE: 'consumer-only',
    });
  });

  afterAll(async () => {
    await relayOnly?.close();
    await consumerOnly?.close();
    await nats?.stop();
  });

  it('leaves the outbox alone without a relay, then a relay-only replica publishes and the consumer handles', async () => {
    const response = await request(consumerOnly.url)
      .post('/api/ledger/evidence')
      .send({ checkId: uuidv7(), documents: ['ok'] })
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await query(databaseUrl, 'SELECT id FROM ledger.outbox WHERE published_at IS NULL')).toHaveLength(
      1,
    );

    relayOnly = await startLedger({
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      EVENT_CONSUMERS_ENABLED: 'false',
      SERVICE_INSTANCE: 'relay-only',
    });
    const effects = await eventually(async () => {
      const rows = await query<{ handled_by: string }>(
        databaseUrl,
        'SELECT handled_by FROM ledger.effects WHERE event_id = $1',
        [response.body.eventId],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(effects[0].handled_by).toBe('consumer-only');
  });
});
