import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, type EventMap, type EventType, SUBJECTS } from '#domain';
import { ManualClock } from '#platform';
import { bearer, eventually } from '#testing';
import { DataSource } from 'typeorm';
import { RetentionJob } from '../src/retention/retention.job.js';
import {
  type NotificationsUnderTest,
  seedDirectory,
  startNotifications,
  submitted,
} from './notifications.harness.js';

const JEANNE = 'jeanne@example.fr';
const TEAM = 'apa-bessin@calvados.example.fr';
const ALICE = 'alice@calvados.example.fr';
const AUDIT = 'controle@calvados.example.fr';
const CAROLE = 'carole@calvados.example.fr';

/** Who gets each event: e-mail addresses, and the subjects with an in-app notification. */
interface Expected {
  emails: string[];
  inApp: string[];
  /** Texts the e-mail to the first address must contain. */
  says?: string[];
}
const CITIZEN: Expected = { emails: [JEANNE], inApp: ['citizen-jeanne'] };
const BOB = 'bob@calvados.example.fr';
/** Bob chose the digest: new files and deadlines wait for it; other team news still comes at once. */
const TEAM_ALL: Expected = { emails: [ALICE, BOB, TEAM], inApp: ['agent-alice', 'agent-bob'] };
const TEAM_BUT_DIGEST: Expected = { emails: [ALICE, TEAM], inApp: ['agent-alice', 'agent-bob'] };
const AUDITORS: Expected = { emails: [CAROLE, AUDIT], inApp: ['auditor-carole'] };

describe('notifications: each catalogue event reaches the right people, once', () => {
  let n: NotificationsUnderTest;
  const clock = new ManualClock('2026-03-02T09:00:00Z'); // 10:00 in Paris, after the digest hour (7)
  const file = uuidv7();
  const checkId = uuidv7();
  const sent = new Map<string, EventEnvelope>();

  beforeAll(async () => {
    n = await startNotifications('notifications_catalogue', { clock });
    await seedDirectory(n);
    await eventually(async () => {
      const rows: unknown[] = await n.service.app.get(DataSource).query('SELECT 1 FROM notifications.agents');
      expect(rows).toHaveLength(3);
    });
    await request(n.service.url)
      .put('/api/notifications/preferences')
      .set('Authorization', await bearer('agent', { sub: 'agent-bob', teams: ['apa-bessin'] }))
      .send({ agentDelivery: 'digest' })
      .expect(200);
    const refused = await request(n.service.url)
      .put('/api/notifications/preferences')
      .set('Authorization', await bearer('agent', { sub: 'agent-bob', teams: ['apa-bessin'] }))
      .send({ agentDelivery: 'weekly' })
      .expect(400);
    expect(refused.body.error.details[0].field).toBe('agentDelivery');
    await request(n.service.url)
      .put('/api/notifications/preferences')
      .set('Authorization', await bearer('citizen'))
      .send({ agentDelivery: 'digest' })
      .expect(403);
  });
  afterAll(() => n?.stop());

  async function check<T extends EventType>(
    type: T,
    payload: EventMap[T],
    expected: Expected,
  ): Promise<void> {
    const event = await n.send(type, file, payload);
    sent.set(type, event);
    const rows = await n.settled(event.id);
    const emails = rows.filter((row) => row.channel === 'email');
    expect(emails.map((row) => row.address).sort()).toEqual([...expected.emails].sort());
    expect(
      rows
        .filter((row) => row.channel === 'in_app')
        .map((row) => row.recipient_subject)
        .sort(),
    ).toEqual([...expected.inApp].sort());
    expect(rows.every((row) => row.status === 'delivered' && row.template_version === 1)).toBe(true);
    for (const row of emails) {
      const caught = n.smtp.mails.filter((mail) => mail.messageId === row.id);
      expect(caught).toHaveLength(1);
      expect(caught[0].to).toEqual([row.address]);
    }
    const first = emails.find((row) => row.address === expected.emails[0]);
    const body = (first?.body_text ?? '').replace(/[\u202f\u00a0]/g, ' ');
    for (const text of expected.says ?? []) expect(body).toContain(text);
  }

  it('application.submitted: the acknowledgement to the citizen, with receipt number, date and deadline', async () => {
    await check(SUBJECTS.applicationSubmitted, submitted(file), {
      ...CITIZEN,
      says: [`APA-2026-${file.slice(-6)}`, '2 mars 2026 à 10:00', '2 mai 2026'],
    });
  });

  it('application.routed: the citizen learns their team; the team mailbox and Alice are told, Bob waits for his digest', async () => {
    await check(
      SUBJECTS.applicationRouted,
      {
        applicationId: file,
        teamCode: 'apa-bessin',
        contact: { name: 'Pôle APA du Bessin', phone: '02 31 00 00 00' },
        reason: 'règle APA, Bayeux',
      },
      { emails: [JEANNE, ALICE, TEAM], inApp: ['citizen-jeanne', 'agent-alice', 'agent-bob'] },
    );
  });

  it('application.assigned: the agent it was given to', async () => {
    await check(
      SUBJECTS.applicationAssigned,
      {
        applicationId: file,
        teamCode: 'apa-bessin',
        agentId: 'agent-alice',
        assignedAt: '2026-03-03T08:00:00.000Z',
      },
      { emails: [ALICE], inApp: ['agent-alice'] },
    );
  });

  it('application.info-requested: the citizen, with the question and the date', async () => {
    await check(
      SUBJECTS.applicationInfoRequested,
      {
        applicationId: file,
        requestId: uuidv7(),
        message: 'Votre dernier avis d’imposition',
        answerBy: '2026-03-20',
        clockEffect: 'restarts',
      },
      { ...CITIZEN, says: ['Votre dernier avis d’imposition', '20 mars 2026'] },
    );
  });

  it('application.complemented and care-plan-answered: the team', async () => {
    await check(
      SUBJECTS.applicationComplemented,
      {
        applicationId: file,
        procedure: 'apa',
        complementedAt: '2026-03-10T10:00:00.000Z',
        answer: 'Ci-joint',
        decisionDeadline: '2026-05-10',
      },
      TEAM_ALL,
    );
    await check(
      SUBJECTS.applicationCarePlanAnswered,
      { applicationId: file, planId: uuidv7(), answer: 'accepted', answeredAt: '2026-03-25T10:00:00.000Z' },
      TEAM_ALL,
    );
  });

  it('application.deadline-changed: the citizen when a new deadline is set, nobody on a suspension', async () => {
    await check(
      SUBJECTS.applicationDeadlineChanged,
      { applicationId: file, decisionDeadline: '2026-05-10', cause: 'complemented' },
      { ...CITIZEN, says: ['10 mai 2026'] },
    );
  });

  it('application.deadline-approaching: the team (Bob in his digest)', async () => {
    await check(
      SUBJECTS.applicationDeadlineApproaching,
      {
        applicationId: file,
        procedure: 'apa',
        teamCode: 'apa-bessin',
        decisionDeadline: '2026-05-10',
        daysLeft: 15,
      },
      { ...TEAM_BUT_DIGEST, says: ['15 jour(s)'] },
    );
  });

  it('application.care-plan-proposed and decided: the citizen, with amounts, reasons and remedies', async () => {
    await check(
      SUBJECTS.applicationCarePlanProposed,
      {
        applicationId: file,
        planId: uuidv7(),
        evaluatedOn: '2026-03-15',
        gir: 2,
        planCents: 120_000,
        participationCents: 20_000,
        apaCents: 100_000,
        answerBy: '2026-03-25',
      },
      { ...CITIZEN, says: ['GIR 2', '1 000,00 €', '25 mars 2026'] },
    );
    await check(
      SUBJECTS.applicationDecided,
      {
        applicationId: file,
        outcome: 'granted',
        reason: 'Perte d’autonomie GIR 2, plan d’aide accepté',
        amountCents: 100_000,
        decidedAt: '2026-04-01T08:00:00.000Z',
        remedies:
          'Recours administratif préalable obligatoire auprès du président du conseil départemental (CASF L134-2)',
      },
      { ...CITIZEN, says: ['accordée', 'plan d’aide accepté', '1 000,00 € par mois', 'CASF L134-2'] },
    );
  });

  it('check events: the citizen, and the auditors when the citizen acts', async () => {
    await check(
      SUBJECTS.checkOpened,
      { checkId, applicationId: file, campaign: '2026', probability: 0.1, draw: 0.05, factors: {} },
      CITIZEN,
    );
    await check(
      SUBJECTS.checkEvidenceRequested,
      {
        checkId,
        applicationId: file,
        evidence: ['Avis d’imposition 2025', 'Relevés de pension'],
        message: 'Merci',
        dueDate: '2026-06-15',
      },
      { ...CITIZEN, says: ['- Avis d’imposition 2025', '- Relevés de pension', '15 juin 2026'] },
    );
    await check(
      SUBJECTS.checkEvidenceReminder,
      { checkId, applicationId: file, dueDate: '2026-06-15' },
      CITIZEN,
    );
    await check(
      SUBJECTS.checkEvidenceReceived,
      { checkId, applicationId: file, receivedAt: '2026-06-01T10:00:00.000Z', documents: ['avis.pdf'] },
      AUDITORS,
    );
    await check(
      SUBJECTS.checkConclusionProposed,
      {
        checkId,
        applicationId: file,
        proposedOutcome: 'overpayment',
        reason: 'Ressources sous-déclarées',
        overpaymentCents: 50_000,
        answerBy: '2026-07-01',
      },
      { ...CITIZEN, says: ['500,00 €', '1 juillet 2026'] },
    );
    await check(
      SUBJECTS.checkConclusionAnswered,
      { checkId, applicationId: file, answer: 'Je conteste', answeredAt: '2026-06-20T10:00:00.000Z' },
      AUDITORS,
    );
    await check(
      SUBJECTS.checkConcluded,
      {
        checkId,
        applicationId: file,
        outcome: 'overpayment',
        reason: 'Ressources sous-déclarées',
        overpaymentCents: 50_000,
        recoverableCents: 50_000,
        remedies: 'Recours gracieux ou tribunal administratif dans les deux mois',
      },
      { ...CITIZEN, says: ['trop-perçu', '500,00 €', 'tribunal administratif'] },
    );
  });

  it('application.withdrawn: the citizen', async () => {
    await check(
      SUBJECTS.applicationWithdrawn,
      {
        applicationId: file,
        procedure: 'apa',
        withdrawnAt: '2026-04-02T08:00:00.000Z',
        applicant: { subject: 'citizen-jeanne' },
      },
      CITIZEN,
    );
  });

  it('a redelivered event sends nothing more', async () => {
    const decided = sent.get(SUBJECTS.applicationDecided)!;
    const before = n.smtp.attempts.length;
    await n.redeliver(decided);
    // A later event of the same file and subject is handled after the redelivery (one aggregate's events in order).
    const later = await n.send(SUBJECTS.applicationDecided, file, {
      ...(decided.payload as EventMap['guichet.application.decided']),
      reason: 'Rectification',
    });
    await n.settled(later.id, 2);
    expect(await n.messages(decided.id)).toHaveLength(2);
    expect(n.smtp.attempts.length - before).toBe(1);
  });

  it('the digest gathers Bob’s new files and deadlines, once a day', async () => {
    await n.digest();
    const rows = (await n.messages('digest:2026-03-02')).filter((row) => row.channel === 'email');
    expect(rows.map((row) => row.address)).toEqual(['bob@calvados.example.fr']);
    expect(rows[0].body_text).toContain(`APA-2026-${file.slice(-6)}`);
    expect(rows[0].body_text).toContain('Nouveaux dossiers');
    expect(rows[0].body_text).toContain('Échéances proches');
    await n.digest();
    expect(await n.messages('digest:2026-03-02')).toHaveLength(2);
  });

  it('the in-app list shows only one’s own notifications; marking another’s as read is 404', async () => {
    const jeanne = await bearer('citizen', { sub: 'citizen-jeanne' });
    const mine = await request(n.service.url)
      .get('/api/notifications?pageSize=100')
      .set('Authorization', jeanne)
      .expect(200);
    expect(mine.body.total).toBe(13);
    const all = await n.messages();
    const jeannes = new Set(
      all.filter((row) => row.recipient_subject === 'citizen-jeanne').map((row) => row.id),
    );
    expect(mine.body.items.every((item: { id: string }) => jeannes.has(item.id))).toBe(true);
    const paul = await bearer('citizen', { sub: 'citizen-paul' });
    const none = await request(n.service.url)
      .get('/api/notifications')
      .set('Authorization', paul)
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const id = mine.body.items[0].id;
    await request(n.service.url).post(`/api/notifications/${id}/read`).set('Authorization', paul).expect(404);
    const read = await request(n.service.url)
      .post(`/api/notifications/${id}/read`)
      .set('Authorization', jeanne)
      .expect(200);
    expect(read.body.readAt).toBeTruthy();
    const bad = await request(n.service.url)
      .post('/api/notifications/not-a-uuid/read')
      .set('Authorization', jeanne)
      .expect(400);
    expect(bad.body.error.details[0].field).toBe('id');
    await request(n.service.url)
      .get('/api/notifications?pageSize=0')
      .set('Authorization', jeanne)
      .expect(400);
  });

  it('expired data is deleted: messages after MESSAGE_RETENTION_DAYS, the citizen’s contact after CONTACT_RETENTION_DAYS', async () => {
    const dataSource = n.service.app.get(DataSource);
    const count = async (table: string) =>
      (
        (await dataSource.query(`SELECT count(*)::int AS n FROM notifications.${table}`)) as { n: number }[]
      )[0].n;
    const unfinished = async () =>
      (
        (await dataSource.query(
          `SELECT count(*)::int AS n FROM notifications.messages
           WHERE status NOT IN ('delivered', 'permanent-failure', 'technical-failure')`,
        )) as { n: number }[]
      )[0].n;
    // The job keeps a message still on its way whatever its age: let the earlier tests' sendings finish first.
    await eventually(async () => expect(await unfinished()).toBe(0), 30_000);
    const job = n.service.app.get(RetentionJob);
    await job.runNow();
    expect(await count('messages')).toBeGreaterThan(0);
    clock.advanceDays(401);
    await job.runNow();
    expect(await count('messages')).toBe(0);
    expect(await count('application_contacts')).toBe(1);
    clock.advanceDays(1_830);
    await job.runNow();
    expect(await count('application_contacts')).toBe(0);
  });
});
