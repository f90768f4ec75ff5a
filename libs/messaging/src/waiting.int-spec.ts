import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { MessagingHousekeeping } from './housekeeping/messaging-housekeeping.js';
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
  eventId: string | null;
  error: string;
}

/**
 * An event whose predecessor has not come yet (the handler throws NotYet) waits without spending its tries: it is
 * applied once its predecessor is there, however long past the retry budget, and parked only past EVENT_WAIT_MAX_MS.
 */
describe('JetStream consumers: an event that arrives before the one it needs (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let patient: RunningService;

  const waitsOf = async (url: string, eventId: string) =>
    (
      await query<{ waits: number; awaited: string }>(
        url,
        'SELECT waits, awaited FROM ledger.waiting_events WHERE event_id = $1',
        [eventId],
      )
    )[0];
  const effectsOf = (url: string, eventId: string) =>
    query(url, 'SELECT * FROM ledger.effects WHERE event_id = $1', [eventId]);
  const deadLetters = async (service: RunningService): Promise<DeadLetterView[]> =>
    (
      await request(service.url)
        .get('/api/admin/ledger/dead-letters')
        .set('Authorization', await bearer('admin'))
        .expect(200)
    ).body.items;
  const recordWaiting = async (service: RunningService, gate: string): Promise<string> =>
    (
      await request(service.url)
        .post('/api/ledger/evidence')
        .send({ checkId: uuidv7(), documents: ['wait-for-gate', gate] })
        .expect(201)
    ).body.eventId;

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('waiting');
    patient = await startLedger({
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      EVENT_MAX_DELIVER: '3',
      EVENT_RETRY_BASE_MS: '100',
      EVENT_WAIT_RETRY_BASE_MS: '50',
      EVENT_WAIT_RETRY_MAX_MS: '200',
    });
  });

  afterAll(async () => {
    await patient?.close();
    await nats?.stop();
  });

  it('keeps waiting past the whole retry budget, then applies the event once when its predecessor is there', async () => {
    const eventId = await recordWaiting(patient, 'predecessor-a');
    // Twice the retry budget (EVENT_MAX_DELIVER = 3) spent on waiting: a failure would have been parked by now.
    const waiting = await eventually(async () => {
      const row = await waitsOf(databaseUrl, eventId);
      expect(row?.waits).toBeGreaterThanOrEqual(6);
      return row;
    }, 30_000);
    expect(waiting.awaited).toBe('the opening of predecessor-a');
    expect(await effectsOf(databaseUrl, eventId)).toHaveLength(0);
    expect(await deadLetters(patient)).toEqual([]);

    await query(databaseUrl, "INSERT INTO ledger.switches (name, broken) VALUES ('predecessor-a', false)");
    await eventually(async () => expect(await effectsOf(databaseUrl, eventId)).toHaveLength(1), 30_000);
    await eventually(async () => expect(await waitsOf(databaseUrl, eventId)).toBeUndefined());
    expect(await deadLetters(patient)).toEqual([]);
    expect(await effectsOf(databaseUrl, eventId)).toHaveLength(1);
  });

  it('forgets, with the housekeeping job, a wait record left by a replica that died (a day past the bound)', async () => {
    const leftBehind = uuidv7();
    await query(
      databaseUrl,
      `INSERT INTO ledger.waiting_events (consumer, event_id, awaited, first_wait_at, last_wait_at)
       VALUES ('ledger--left', $1, 'something', now() - interval '31 hours', now() - interval '31 hours')`,
      [leftBehind],
    );
    const purged = await patient.app.get(MessagingHousekeeping).purge(new Date());
    expect(purged.waits).toBe(1);
    expect(await waitsOf(databaseUrl, leftBehind)).toBeUndefined();
  });

  it('parks an event as a dead letter naming what it waited for, once EVENT_WAIT_MAX_MS has passed', async () => {
    const otherNats = await startTestNats();
    const otherDatabase = await createTestDatabase('waiting_bound');
    const hasty = await startLedger({
      DATABASE_URL: otherDatabase,
      NATS_URL: otherNats.url,
      EVENT_WAIT_RETRY_BASE_MS: '50',
      EVENT_WAIT_RETRY_MAX_MS: '200',
      EVENT_WAIT_MAX_MS: '1000',
    });
    try {
      const eventId = await recordWaiting(hasty, 'never-opened');
      const parked = await eventually(async () => {
        const found = (await deadLetters(hasty)).find((letter) => letter.eventId === eventId);
        expect(found).toBeDefined();
        return found as DeadLetterView;
      }, 30_000);
      expect(parked.error).toMatch(/^waited \d+ s for the opening of never-opened, which never came$/);
      expect(await effectsOf(otherDatabase, eventId)).toHaveLength(0);
      await eventually(async () => expect(await waitsOf(otherDatabase, eventId)).toBeUndefined());
    } finally {
      await hasty.close();
      await otherNats.stop();
    }
  });
});
