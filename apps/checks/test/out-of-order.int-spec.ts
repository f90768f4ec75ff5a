import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventMap, type EventType, SUBJECTS } from '#domain';
import {
  bearer,
  createTestDatabase,
  eventsOnStream,
  eventually,
  publishEvent,
  type RunningService,
  settledWithoutWaiting,
  SHORT_RETRY_BUDGET,
  startService,
  startTestNats,
  testConfig,
  type TestNats,
  waitedPastRetryBudget,
} from '#testing';
import { ChecksConfig } from '../src/checks.config.js';
import { ChecksModule } from '../src/checks.module.js';

/**
 * `application.decided` (routing) and `application.submitted` (intake, with the facts risk rules read) come on
 * separate subjects: a decision may reach checks first. It waits (NotYet) past the whole retry budget, then the file
 * is drawn once when its facts arrive: no dead letter.
 */
describe('checks: a decision that arrives before the file’s facts (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let service: RunningService;

  const send = async <T extends EventType>(type: T, applicationId: string, payload: EventMap[T]) => {
    const event = createEvent(type, applicationId, payload, { correlationId: `test-${uuidv7()}` });
    await publishEvent(nats.url, event);
    return event;
  };

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('checks_out_of_order');
    const config = testConfig(ChecksConfig, {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      CHECKS_DEFAULT_RATE: '1',
      ...SHORT_RETRY_BUDGET,
    });
    service = await startService('checks', ChecksModule.forRoot(config));
  });

  afterAll(async () => {
    await service?.close();
    await nats?.stop();
  });

  it('draws the file once, when its facts arrive after the decision', async () => {
    const applicationId = uuidv7();
    const decided = await send(SUBJECTS.applicationDecided, applicationId, {
      applicationId,
      outcome: 'granted',
      reason: 'Plan d’aide accepté',
      amountCents: 60_000,
      decidedAt: '2026-04-01T10:00:00.000Z',
      remedies: 'RAPO puis tribunal administratif',
    });
    expect(await waitedPastRetryBudget(databaseUrl, 'checks', decided.id)).toBe(
      `${SUBJECTS.applicationSubmitted} of ${applicationId} (its facts)`,
    );

    await send(SUBJECTS.applicationSubmitted, applicationId, {
      applicationId,
      procedure: 'apa',
      receiptNumber: `APA-2026-${applicationId.slice(-6)}`,
      submittedAt: '2026-03-02T09:00:00.000Z',
      decisionDeadline: '2026-05-02',
      silenceMeans: 'granted',
      communeInsee: '14047',
      applicant: { subject: 'citizen-jeanne' },
      facts: { age: 84, filedBy: 'self' },
    });
    const auditor = await bearer('auditor', { sub: 'auditeur-1' });
    await eventually(async () => {
      const proof = await request(service.url)
        .get(`/api/checks/selection/${applicationId}`)
        .set('Authorization', auditor);
      expect(proof.status).toBe(200);
      expect(proof.body).toMatchObject({ selected: true, probability: 1 });
    });
    expect(await settledWithoutWaiting(databaseUrl, 'checks')).toEqual([]);
    const opened = (await eventsOnStream(nats.url, SUBJECTS.checkOpened)).filter(
      (event) => (event.payload as { applicationId: string }).applicationId === applicationId,
    );
    expect(opened).toHaveLength(1);
  });
});
