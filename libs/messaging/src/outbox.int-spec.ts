import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { createEvent, SUBJECTS } from '#domain';
import { MessagingHousekeeping } from './housekeeping/messaging-housekeeping.js';
import { Outbox } from './outbox/outbox.js';
import {
  createTestDatabase,
  eventually,
  query,
  type RunningService,
  startLedger,
  startTestNats,
  type TestNats,
} from '#testing';

interface EffectRow {
  seq: string;
  event_id: string;
  aggregate_id: string;
  marker: string;
  correlation_id: string;
  causation_id: string | null;
}

async function streamMessageCount(natsUrl: string): Promise<number> {
  const connection = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    return (await jsm.streams.info('GUICHET')).state.messages;
  } finally {
    await connection.close();
  }
}

describe('outbox and relay (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let ledger: RunningService;

  const effects = () => query<EffectRow>(databaseUrl, 'SELECT * FROM ledger.effects ORDER BY seq');
  const record = (checkId: string, documents: string[], extra: object = {}) =>
    request(ledger.url)
      .post('/api/ledger/evidence')
      .send({ checkId, documents, ...extra });

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('outbox');
    ledger = await startLedger({ DATABASE_URL: databaseUrl, NATS_URL: nats.url });
  });

  afterAll(async () => {
    await ledger?.close();
    await nats?.stop();
  });

  beforeEach(async () => {
    await query(databaseUrl, 'TRUNCATE ledger.effects, ledger.invocations');
  });

  it('never publishes an event recorded in a transaction that rolls back', async () => {
    const before = await streamMessageCount(nats.url);
    const rolledBack = await record(uuidv7(), ['ok'], { rollback: true }).expect(409);
    expect(rolledBack.body.error.code).toBe('ROLLED_BACK');
    const kept = await record(uuidv7(), ['ok']).expect(201);

    await eventually(async () =>
      expect((await effects()).map((row) => row.event_id)).toEqual([kept.body.eventId]),
    );
    expect(await query(databaseUrl, 'SELECT id FROM ledger.outbox WHERE published_at IS NULL')).toEqual([]);
    expect(await streamMessageCount(nats.url)).toBe(before + 1);
  });

  it('keeps accepting writes while NATS is down, then delivers everything in order per aggregate', async () => {
    await nats.stop();
    const aggregates = [uuidv7(), uuidv7(), uuidv7()];
    const expected: Record<string, string[]> = Object.fromEntries(aggregates.map((id) => [id, []]));
    for (let index = 0; index < 30; index += 1) {
      const aggregate = aggregates[index % aggregates.length];
      const response = await record(aggregate, ['ok']).expect(201);
      expected[aggregate].push(response.body.eventId);
    }
    const waiting = await query<{ count: string }>(
      databaseUrl,
      'SELECT count(*) FROM ledger.outbox WHERE published_at IS NULL',
    );
    expect(Number(waiting[0].count)).toBe(30);

    await nats.start();
    const delivered = await eventually(async () => {
      const rows = await effects();
      expect(rows).toHaveLength(30);
      return rows;
    }, 60_000);
    for (const aggregate of aggregates) {
      expect(delivered.filter((row) => row.aggregate_id === aggregate).map((row) => row.event_id)).toEqual(
        expected[aggregate],
      );
    }
  });

  it('carries the correlation id from the HTTP request through every event, with causation ids', async () => {
    const checkId = uuidv7();
    const first = await record(checkId, ['chain']).set('X-Correlation-Id', 'journey-42-abcdef').expect(201);
    const rows = await eventually(async () => {
      const found = (await effects()).filter((row) => row.aggregate_id === checkId);
      expect(found).toHaveLength(2);
      return found;
    });
    const [evidence, concluded] = [
      rows.find((row) => row.marker === 'chain'),
      rows.find((row) => row.marker === 'concluded'),
    ];
    expect(evidence).toMatchObject({
      event_id: first.body.eventId,
      correlation_id: 'journey-42-abcdef',
      causation_id: null,
    });
    expect(concluded).toMatchObject({
      correlation_id: 'journey-42-abcdef',
      causation_id: first.body.eventId,
    });
  });

  it('records several events in one statement and publishes them in the order given', async () => {
    const checkId = uuidv7();
    const events = Array.from({ length: 20 }, (_, index) =>
      createEvent(
        SUBJECTS.checkEvidenceReceived,
        checkId,
        {
          checkId,
          applicationId: uuidv7(),
          receivedAt: new Date().toISOString(),
          documents: [`ok-${index}`],
        },
        { correlationId: uuidv7() },
      ),
    );
    await ledger.app
      .get(DataSource)
      .transaction((manager) => ledger.app.get(Outbox).recordAll(manager, events));
    await eventually(async () => {
      const mine = (await effects()).filter((row) => row.aggregate_id === checkId);
      expect(mine.map((row) => row.marker)).toEqual(events.map((_, index) => `ok-${index}`));
    });
  });

  it('records with a data change, in one statement, only the events whose key the change returned', async () => {
    const outbox = ledger.app.get(Outbox);
    const manager = ledger.app.get(DataSource).manager;
    const checkId = uuidv7();
    const names = ['a', 'b', 'c'].map((letter) => `${letter}-${checkId}`);
    await query(databaseUrl, 'INSERT INTO ledger.switches (name, broken) VALUES ($1, false), ($2, false)', [
      names[0],
      names[1],
    ]);
    const eventFor = (name: string) => ({
      key: name,
      event: createEvent(
        SUBJECTS.checkEvidenceReceived,
        checkId,
        {
          checkId,
          applicationId: uuidv7(),
          receivedAt: new Date().toISOString(),
          documents: [`switched ${name}`],
        },
        { correlationId: uuidv7() },
      ),
    });
    const breakSwitches = {
      sql: 'UPDATE ledger.switches SET broken = true WHERE name = ANY($1::text[]) AND NOT broken RETURNING name AS key',
      parameters: [names],
    };
    const first = names.map(eventFor);
    expect((await outbox.recordWithChange(manager, breakSwitches, first)).sort()).toEqual(
      names.slice(0, 2).sort(),
    );
    // Nothing moves the second time: nothing is recorded.
    expect(await outbox.recordWithChange(manager, breakSwitches, names.map(eventFor))).toEqual([]);
    // A change that fails records nothing either.
    const failing = {
      sql: 'UPDATE ledger.switches SET broken = 1/0 = 1 RETURNING name AS key',
      parameters: [],
    };
    await expect(outbox.recordWithChange(manager, failing, names.map(eventFor))).rejects.toThrow();

    const recorded = await query<{ id: string }>(
      databaseUrl,
      'SELECT id FROM ledger.outbox WHERE aggregate_id = $1 ORDER BY seq',
      [checkId],
    );
    expect(recorded.map((row) => row.id)).toEqual(first.slice(0, 2).map(({ event }) => event.id));
    await eventually(async () => {
      const mine = (await effects()).filter((row) => row.aggregate_id === checkId);
      expect(mine.map((row) => row.marker)).toEqual([`switched ${names[0]}`, `switched ${names[1]}`]);
    });
  });

  it('purges published outbox rows and old inbox records, nothing recent', async () => {
    const kept = await record(uuidv7(), ['ok']).expect(201);
    await eventually(async () =>
      expect((await effects()).map((row) => row.event_id)).toContain(kept.body.eventId),
    );
    const housekeeping = ledger.app.get(MessagingHousekeeping);
    expect(await housekeeping.purge(new Date())).toEqual({ outbox: 0, inbox: 0, waits: 0 });

    const inFiftyDays = new Date(Date.now() + 50 * 24 * 3600 * 1000);
    const purged = await housekeeping.purge(inFiftyDays);
    expect(purged.outbox).toBeGreaterThan(0);
    expect(purged.inbox).toBeGreaterThan(0);
    expect(await query(databaseUrl, 'SELECT id FROM ledger.outbox WHERE published_at IS NOT NULL')).toEqual(
      [],
    );
    expect(await query(databaseUrl, 'SELECT event_id FROM ledger.inbox')).toEqual([]);
  });
});
