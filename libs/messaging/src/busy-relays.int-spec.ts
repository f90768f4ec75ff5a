import pg from 'pg';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, SUBJECTS } from '#domain';
import {
  createTestDatabase,
  eventually,
  query,
  type RunningService,
  startLedger,
  startTestNats,
  type TestNats,
} from '#testing';
import { outboxChannel } from './migrations/messaging-tables.migration.js';

/**
 * Writers wake a relay with NOTIFY only when no relay is busy (a NOTIFY serialises commits). The relay here polls
 * only every 10 minutes: whatever it publishes sooner came through a NOTIFY or its own busy loop.
 */
describe('outbox relay: busy relays and wake-ups (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let ledger: RunningService;

  const effectCount = async () =>
    Number((await query<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM ledger.effects'))[0].n);
  const record = () =>
    request(ledger.url)
      .post('/api/ledger/evidence')
      .send({ checkId: uuidv7(), documents: ['ok'] })
      .expect(201);

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('busy_relays');
    ledger = await startLedger({ DATABASE_URL: databaseUrl, NATS_URL: nats.url, OUTBOX_POLL_MS: '600000' });
  });

  afterAll(async () => {
    await ledger?.close();
    await nats?.stop();
  });

  it('publishes a burst through its busy loop, declares itself idle after it, and wakes again for the next event', async () => {
    for (let wave = 0; wave < 10; wave += 1) await Promise.all(Array.from({ length: 20 }, () => record()));
    await eventually(async () => expect(await effectCount()).toBe(200), 30_000);
    await eventually(async () =>
      expect(await query(databaseUrl, 'SELECT * FROM ledger.busy_relays')).toEqual([]),
    );

    await record();
    await eventually(async () => expect(await effectCount()).toBe(201), 30_000);
    expect(await query(databaseUrl, 'SELECT id FROM ledger.outbox WHERE published_at IS NULL')).toEqual([]);
  });

  it('a write skips the NOTIFY while a relay is declared busy, and sends it when none is', async () => {
    const listener = new pg.Client({ connectionString: databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    const channel = outboxChannel('ledger');
    await listener.query(`LISTEN ${channel}`);
    const writeEvent = () => {
      const event = createEvent(
        SUBJECTS.checkConcluded,
        uuidv7(),
        {
          checkId: uuidv7(),
          applicationId: uuidv7(),
          outcome: 'compliant',
          reason: 'Pièces conformes.',
        },
        { correlationId: `test-${uuidv7()}` },
      );
      return query(
        databaseUrl,
        'INSERT INTO ledger.outbox (id, subject, aggregate_id, envelope) VALUES ($1, $2, $3, $4)',
        [event.id, event.type, event.aggregateId, JSON.stringify(event)],
      );
    };
    try {
      await query(
        databaseUrl,
        "INSERT INTO ledger.busy_relays VALUES ('another-replica', now() + interval '1 minute')",
      );
      await writeEvent();
      // Notifications arrive in commit order: the marker sent after the write comes first if the write sent none.
      await query(databaseUrl, `SELECT pg_notify('${channel}', 'marker-1')`);
      await eventually(async () => expect(heard).toContain('marker-1'));
      expect(heard).toEqual(['marker-1']);

      await query(databaseUrl, "DELETE FROM ledger.busy_relays WHERE instance = 'another-replica'");
      // The marker woke this ledger's own relay too, which published the event and is busy for a moment.
      await eventually(async () =>
        expect(await query(databaseUrl, 'SELECT * FROM ledger.busy_relays')).toEqual([]),
      );
      await writeEvent();
      await query(databaseUrl, `SELECT pg_notify('${channel}', 'marker-2')`);
      await eventually(async () => expect(heard).toContain('marker-2'));
      expect(heard.slice(1)).toEqual(['', 'marker-2']);
    } finally {
      await listener.end();
    }
  });
});
