import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { settledWithoutWaiting, SHORT_RETRY_BUDGET, waitedPastRetryBudget } from '#testing';
import {
  type NotificationsUnderTest,
  seedDirectory,
  startNotifications,
  submitted,
} from './notifications.harness.js';

const ROUTED = (applicationId: string) => ({
  applicationId,
  teamCode: 'apa-bessin',
  contact: { name: 'Pôle APA du Bessin', phone: '02 31 00 00 00' },
  reason: 'règle APA, Bayeux',
});

/**
 * Notifications learns a file's contact from `application.submitted` and its team from `application.routed`;
 * every other event about the file may arrive before them (other subjects, other consumers). Each waits (NotYet)
 * past the whole retry budget, then is told once: no dead letter, no message twice.
 */
describe('notifications: events that arrive before the ones they need (real PostgreSQL + nats-server + SMTP)', () => {
  let n: NotificationsUnderTest;

  beforeAll(async () => {
    n = await startNotifications('notifications_out_of_order', { variables: { ...SHORT_RETRY_BUDGET } });
    await seedDirectory(n);
  });

  afterAll(async () => {
    await n?.stop();
  });

  it('application.routed before application.submitted: the citizen and the team are told once', async () => {
    const id = uuidv7();
    const routed = await n.send(SUBJECTS.applicationRouted, id, ROUTED(id));
    expect(await waitedPastRetryBudget(n.databaseUrl, 'notifications', routed.id)).toBe(
      `${SUBJECTS.applicationSubmitted} of ${id}`,
    );
    expect(await n.messages(routed.id)).toEqual([]);

    const filed = await n.send(SUBJECTS.applicationSubmitted, id, submitted(id));
    await n.settled(filed.id);
    const told = await n.settled(routed.id);
    const citizenEmails = told.filter((row) => row.recipient_role === 'citizen' && row.channel === 'email');
    expect(citizenEmails).toHaveLength(1);
    expect(told.some((row) => row.recipient_role !== 'citizen')).toBe(true);
    expect(await settledWithoutWaiting(n.databaseUrl, 'notifications')).toEqual([]);
  });

  it('a check opened and a decision before the file is known: the citizen is told of each once', async () => {
    const id = uuidv7();
    const opened = await n.send(SUBJECTS.checkOpened, id, {
      checkId: uuidv7(),
      applicationId: id,
      campaign: '2026',
      probability: 0.1,
      draw: 0.05,
      factors: {},
    });
    const decided = await n.send(SUBJECTS.applicationDecided, id, {
      applicationId: id,
      outcome: 'granted',
      reason: 'Plan d’aide accepté',
      amountCents: 100_000,
      decidedAt: '2026-04-01T08:00:00.000Z',
      remedies: 'Recours administratif préalable obligatoire (CASF L134-2)',
    });
    await waitedPastRetryBudget(n.databaseUrl, 'notifications', opened.id);
    await waitedPastRetryBudget(n.databaseUrl, 'notifications', decided.id);

    await n.send(SUBJECTS.applicationSubmitted, id, submitted(id));
    for (const event of [opened, decided]) {
      const told = await n.settled(event.id);
      expect(told.filter((row) => row.channel === 'email')).toHaveLength(1);
    }
    expect(await settledWithoutWaiting(n.databaseUrl, 'notifications')).toEqual([]);
  });

  it('an answer for the team before the file is routed: the team is told once it is known', async () => {
    const id = uuidv7();
    await n.settled((await n.send(SUBJECTS.applicationSubmitted, id, submitted(id))).id);
    const complemented = await n.send(SUBJECTS.applicationComplemented, id, {
      applicationId: id,
      procedure: 'apa',
      complementedAt: '2026-03-10T10:00:00.000Z',
      answer: 'Ci-joint',
      decisionDeadline: '2026-05-10',
    });
    expect(await waitedPastRetryBudget(n.databaseUrl, 'notifications', complemented.id)).toBe(
      `${SUBJECTS.applicationRouted} of ${id}`,
    );

    await n.send(SUBJECTS.applicationRouted, id, ROUTED(id));
    const told = await n.settled(complemented.id);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((row) => row.recipient_role !== 'citizen')).toBe(true);
    expect(await settledWithoutWaiting(n.databaseUrl, 'notifications')).toEqual([]);
  });
});
