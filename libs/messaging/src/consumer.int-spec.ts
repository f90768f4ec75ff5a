import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, SUBJECTS } from '#domain';
import {
  bearer,
  createTestDatabase,
  eventually,
  query,
  type RunningService,
  startLedger,
  startTestNats,
  type TestNats,
} from '#testing';

interface DeadLetterView {
  id: string;
  eventId: string | null;
  error: string;
  deliveries: number;
  status: string;
}

describe('JetStream consumers: retries, dead letters, replicas (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let replicaA: RunningService;
  let replicaB: RunningService;
  let client: NatsConnection;

  const effectsOf = (eventId: string) =>
    query(databaseUrl, 'SELECT * FROM ledger.effects WHERE event_id = $1', [eventId]);
  const invocationsOf = (eventId: string) =>
    query<{ at: Date; handled_by: string }>(
      databaseUrl,
      'SELECT * FROM ledger.invocations WHERE event_id = $1 ORDER BY seq',
      [eventId],
    );
  const record = (documents: string[]) =>
    request(replicaA.url).post('/api/ledger/evidence').send({ checkId: uuidv7(), documents }).expect(201);
  const deadLetters = async (): Promise<DeadLetterView[]> =>
    (
      await request(replicaA.url)
        .get('/api/admin/ledger/dead-letters')
        .set('Authorization', await bearer('admin'))
        .expect(200)
    ).body.items;
  const publishRaw = (data: string) =>
    jetstream(client).publish(SUBJECTS.checkEvidenceReceived, data, { msgID: uuidv7() });

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('consumer');
    const environment = {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      EVENT_MAX_DELIVER: '3',
      EVENT_RETRY_BASE_MS: '200',
    };
    replicaA = await startLedger({ ...environment, SERVICE_INSTANCE: 'replica-a' });
    replicaB = await startLedger({ ...environment, SERVICE_INSTANCE: 'replica-b' });
    client = await connect({ servers: nats.url });
    await query(databaseUrl, "INSERT INTO ledger.switches (name, broken) VALUES ('ledger', false)");
  });

  afterAll(async () => {
    await client?.close();
    await replicaA?.close();
    await replicaB?.close();
    await nats?.stop();
  });

  it('retries a failing handler with growing delays, parks it after maxDeliver tries, and replays it once fixed', async () => {
    await query(databaseUrl, "UPDATE ledger.switches SET broken = true WHERE name = 'ledger'");
    const { eventId } = (await record(['fail-while-broken'])).body;

    const parked = await eventually(async () => {
      const found = (await deadLetters()).find((letter) => letter.eventId === eventId);
      expect(found).toBeDefined();
      return found as DeadLetterView;
    });
    expect(parked).toMatchObject({ deliveries: 3, status: 'parked' });
    expect(parked.error).toContain('the ledger is broken');
    const tries = (await invocationsOf(eventId)).map((row) => row.at.getTime());
    expect(tries).toHaveLength(3);
    // Delays of 200 ms then 400 ms (EVENT_RETRY_BASE_MS doubling): lower bounds only, scheduling can only add to them.
    expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(180);
    expect(tries[2] - tries[1]).toBeGreaterThanOrEqual(380);
    expect(await effectsOf(eventId)).toHaveLength(0);

    const admin = await bearer('admin');
    const stillBroken = await request(replicaA.url)
      .post(`/api/admin/ledger/dead-letters/${parked.id}/replay`)
      .set('Authorization', admin)
      .expect(409);
    expect(stillBroken.body.error.code).toBe('REPLAY_FAILED');

    await query(databaseUrl, "UPDATE ledger.switches SET broken = false WHERE name = 'ledger'");
    await request(replicaA.url)
      .post(`/api/admin/ledger/dead-letters/${parked.id}/replay`)
      .set('Authorization', admin)
      .expect(200);
    expect(await effectsOf(eventId)).toHaveLength(1);
    const again = await request(replicaA.url)
      .post(`/api/admin/ledger/dead-letters/${parked.id}/replay`)
      .set('Authorization', admin)
      .expect(409);
    expect(again.body.error.code).toBe('DEAD_LETTER_ALREADY_REPLAYED');
    expect(await effectsOf(eventId)).toHaveLength(1);
  });

  it('replays every parked message at once', async () => {
    const { eventId } = (await record(['fail-always'])).body;
    await eventually(async () =>
      expect((await deadLetters()).some((letter) => letter.eventId === eventId)).toBe(true),
    );
    const report = await request(replicaA.url)
      .post('/api/admin/ledger/dead-letters/replay')
      .set('Authorization', await bearer('admin'))
      .expect(200);
    expect(report.body.failed.map((failure: { id: string }) => failure.id)).toHaveLength(1);
    expect(report.body.failed[0].error).toContain('the ledger refuses this event');
  });

  it('parks a malformed message at once and goes on with the next ones', async () => {
    await publishRaw('{ this is not json');
    const invalidPayload = createEvent(
      SUBJECTS.checkEvidenceReceived,
      uuidv7(),
      { checkId: 'not-a-uuid' } as never,
      { correlationId: 'c-1234567890' },
    );
    await publishRaw(JSON.stringify(invalidPayload));
    const { eventId } = (await record(['ok'])).body;

    await eventually(async () => expect(await effectsOf(eventId)).toHaveLength(1));
    const letters = await deadLetters();
    const malformed = letters.filter((letter) => letter.error.startsWith('invalid message'));
    expect(malformed.map((letter) => letter.deliveries)).toEqual([1, 1]);
    // Two replicas park them, in either order.
    const errors = malformed.map((letter) => letter.error).join(' ');
    expect(errors).toContain('the message is not valid JSON');
    expect(errors).toContain('payload.checkId');
    expect(await invocationsOf(invalidPayload.id)).toHaveLength(0);
  });

  it('acknowledges a version it does not know without effect and without a dead letter', async () => {
    const future = {
      ...createEvent(
        SUBJECTS.checkEvidenceReceived,
        uuidv7(),
        {
          checkId: uuidv7(),
          applicationId: uuidv7(),
          receivedAt: new Date().toISOString(),
          documents: ['ok'],
        },
        { correlationId: 'c-1234567890' },
      ),
      version: 99,
    };
    await publishRaw(JSON.stringify(future));
    const { eventId } = (await record(['ok'])).body;
    await eventually(async () => expect(await effectsOf(eventId)).toHaveLength(1));
    expect(await invocationsOf(future.id)).toHaveLength(0);
    expect((await deadLetters()).some((letter) => letter.eventId === future.id)).toBe(false);
  });

  it('hands each event to exactly one of two replicas', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) ids.push((await record(['ok'])).body.eventId);
    const rows = await eventually(async () => {
      const found = await query<{ event_id: string; handled_by: string }>(
        databaseUrl,
        'SELECT event_id, handled_by FROM ledger.invocations WHERE event_id = ANY($1::uuid[])',
        [ids],
      );
      expect(found).toHaveLength(60);
      return found;
    });
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(60);
    const effects = await query(
      databaseUrl,
      'SELECT event_id FROM ledger.effects WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    expect(effects).toHaveLength(60);
    // Wait a little longer: a second delivery would show up as a 61st invocation.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      await query(databaseUrl, 'SELECT 1 FROM ledger.invocations WHERE event_id = ANY($1::uuid[])', [ids]),
    ).toHaveLength(60);
  });

  it('commits events handled together, and one failing among them does not take the others down', async () => {
    const records = Array.from({ length: 30 }, (_, index) =>
      record([index === 15 ? 'fail-in-effects' : 'ok']),
    );
    const ids: string[] = (await Promise.all(records)).map((response) => response.body.eventId);
    const failing = ids[15];
    const healthy = ids.filter((id) => id !== failing);
    await eventually(async () => {
      const rows = await query(
        databaseUrl,
        'SELECT event_id FROM ledger.effects WHERE event_id = ANY($1::uuid[])',
        [healthy],
      );
      expect(rows).toHaveLength(29);
    });
    const parked = await eventually(async () => {
      const found = (await deadLetters()).find((letter) => letter.eventId === failing);
      expect(found).toBeDefined();
      return found as DeadLetterView;
    });
    expect(parked.error).toContain('the ledger refuses this entry');
    // Each healthy event was delivered once: its group's failure was absorbed in place, not by a redelivery.
    const invocations = await query(
      databaseUrl,
      'SELECT event_id FROM ledger.invocations WHERE event_id = ANY($1::uuid[])',
      [healthy],
    );
    expect(invocations).toHaveLength(29);
    expect(await effectsOf(failing)).toHaveLength(0);
    expect(
      await query(databaseUrl, 'SELECT 1 FROM ledger.inbox WHERE event_id = $1', [failing]),
    ).toHaveLength(0);
  });
});
