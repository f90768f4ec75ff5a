import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import {
  createTestDatabase,
  eventually,
  query,
  type ServiceProcess,
  spawnLedgerProcess,
  startTestNats,
  type TestNats,
} from '#testing';
import { durableName } from './jetstream/retry-policy.js';

async function pendingOnConsumer(natsUrl: string): Promise<number> {
  const connection = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    const info = await jsm.consumers.info(
      'GUICHET',
      durableName('ledger', 'guichet.check.evidence-received'),
    );
    return info.num_pending + info.num_ack_pending;
  } finally {
    await connection.close();
  }
}

describe('a consumer killed with SIGKILL (real processes, PostgreSQL and nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let ledger: ServiceProcess | undefined;

  const environment = () => ({ DATABASE_URL: databaseUrl, NATS_URL: nats.url, EVENT_ACK_WAIT_MS: '1500' });
  const count = async (table: string, eventId: string) =>
    (await query(databaseUrl, `SELECT 1 FROM ledger.${table} WHERE event_id = $1`, [eventId])).length;

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('crash');
  });

  afterEach(async () => {
    await ledger?.stop();
  });

  afterAll(async () => {
    await nats?.stop();
  });

  it('after its effects commit but before the ack: the event comes again and the effect happens once', async () => {
    ledger = await spawnLedgerProcess({ ...environment(), LEDGER_CRASHES: 'on' });
    const response = await request(ledger.url)
      .post('/api/ledger/evidence')
      .send({ checkId: uuidv7(), documents: ['crash-after-commit'] })
      .expect(201);
    const eventId: string = response.body.eventId;
    await ledger.exited;
    expect(ledger.process.signalCode).toBe('SIGKILL');
    expect(await count('effects', eventId)).toBe(1);

    ledger = await spawnLedgerProcess(environment());
    // The invariant, not a delivery count: on a busy machine the ack wait may expire more than once, so the event
    // can come again several times; it must come again at least once, and its effect must stay single.
    await eventually(
      async () => expect(await count('invocations', eventId)).toBeGreaterThanOrEqual(2),
      30_000,
    );
    await eventually(async () => expect(await pendingOnConsumer(nats.url)).toBe(0), 30_000);
    expect(await count('effects', eventId)).toBe(1);
  });

  it('before the commit: nothing is kept, and the event is processed once after the restart', async () => {
    ledger = await spawnLedgerProcess({ ...environment(), LEDGER_CRASHES: 'on' });
    const response = await request(ledger.url)
      .post('/api/ledger/evidence')
      .send({ checkId: uuidv7(), documents: ['crash-before-commit'] })
      .expect(201);
    const eventId: string = response.body.eventId;
    await ledger.exited;
    expect(ledger.process.signalCode).toBe('SIGKILL');
    expect(await count('effects', eventId)).toBe(0);

    ledger = await spawnLedgerProcess(environment());
    await eventually(async () => expect(await count('effects', eventId)).toBe(1), 30_000);
    await eventually(async () => expect(await pendingOnConsumer(nats.url)).toBe(0), 30_000);
    expect(await count('effects', eventId)).toBe(1);
  });
});
