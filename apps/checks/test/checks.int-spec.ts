import pg from 'pg';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { addDays, createEvent, type EventMap, type EventType, parisDate, SUBJECTS } from '#domain';
import { Clock, ManualClock } from '#platform';
import {
  bearer,
  createTestDatabase,
  eventsOnStream,
  eventually,
  publishEvent,
  query,
  type RunningService,
  startService,
  startTestNats,
  testConfig,
  type TestNats,
} from '#testing';
import { ChecksConfig } from '../src/checks.config.js';
import { CaseDeadlineJob } from '../src/cases/case-deadline.job.js';
import { ChecksModule } from '../src/checks.module.js';

describe('checks: selection of granted files, its proof, targeted checks, the audit log (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let service: RunningService;
  let admin: string;
  let auditor: string;
  const clock = new ManualClock('2026-04-01T10:00:00Z');

  const send = async <T extends EventType>(type: T, applicationId: string, payload: EventMap[T]) => {
    const event = createEvent(type, applicationId, payload, { correlationId: `test-${uuidv7()}` });
    await publishEvent(nats.url, event);
    return event;
  };
  const openedFor = async (applicationId: string) =>
    (await eventsOnStream(nats.url, SUBJECTS.checkOpened)).filter(
      (event) => (event.payload as { applicationId: string }).applicationId === applicationId,
    );
  /** Whether checks has handled an event (its inbox keeps every event it processed). */
  const handled = async (eventId: string) =>
    (await query(databaseUrl, 'SELECT 1 FROM checks.inbox WHERE event_id = $1', [eventId])).length > 0;

  /** A file filed, then decided as given: what intake and routing publish. */
  async function fileDecided(
    outcome: 'granted' | 'deemed_granted' | 'rejected',
    facts: Record<string, string | number | boolean>,
  ) {
    const applicationId = uuidv7();
    await send(SUBJECTS.applicationSubmitted, applicationId, {
      applicationId,
      procedure: 'apa',
      receiptNumber: `APA-2026-${applicationId.slice(-6)}`,
      submittedAt: '2026-03-02T09:00:00.000Z',
      decisionDeadline: '2026-05-02',
      silenceMeans: 'granted',
      communeInsee: '14047',
      applicant: { subject: 'citizen-jeanne' },
      facts,
    });
    const decided = await send(SUBJECTS.applicationDecided, applicationId, {
      applicationId,
      outcome,
      reason: 'Plan d’aide accepté',
      amountCents: 60_000,
      decidedAt: '2026-04-01T10:00:00.000Z',
      remedies: 'RAPO puis tribunal administratif',
    });
    return { applicationId, decidedEventId: decided.id };
  }

  const proof = (applicationId: string) =>
    request(service.url).get(`/api/checks/selection/${applicationId}`).set('Authorization', auditor);

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('checks');
    const config = testConfig(ChecksConfig, {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      CHECKS_DEFAULT_RATE: '0',
    });
    service = await startService(
      'checks',
      ChecksModule.forRoot(config, {
        overrides: [{ provide: Clock, useValue: clock }],
      }),
    );
    admin = await bearer('admin', { sub: 'admin-1' });
    auditor = await bearer('auditor', { sub: 'auditeur-1' });
  });

  afterAll(async () => {
    await service?.close();
    await nats?.stop();
  });

  it('a granted file under a policy of probability 1 is selected once and opens a case (check.opened, with its proof)', async () => {
    await request(service.url)
      .put('/api/sampling-policies/apa')
      .set('Authorization', admin)
      .send({
        baseRate: 0,
        floor: 0,
        ceiling: 1,
        rules: [
          {
            id: 'third-party',
            label: 'Déposée par un tiers',
            field: 'filedBy',
            operator: 'eq',
            value: 'third_party',
            weight: 1,
          },
        ],
      })
      .expect(200);
    const { applicationId: selected } = await fileDecided('deemed_granted', {
      filedBy: 'third_party',
      age: 84,
    });
    const { applicationId: ignored } = await fileDecided('granted', { filedBy: 'self', age: 80 });
    const rejected = await fileDecided('rejected', { filedBy: 'third_party', age: 80 });

    await eventually(async () => expect((await proof(selected)).status).toBe(200));
    const shown = (await proof(selected)).body;
    expect(shown).toMatchObject({
      selected: true,
      probability: 1,
      policyVersion: 1,
      factors: { 'third-party': 1 },
      stratum: 'third-party',
      reproduced: true,
    });
    expect(shown.draw).toBeGreaterThanOrEqual(0);
    await eventually(async () => {
      const opened = await openedFor(selected);
      expect(opened).toHaveLength(1);
      expect(opened[0].payload).toMatchObject({
        probability: 1,
        draw: shown.draw,
        factors: { 'third-party': 1 },
      });
    });

    await eventually(async () =>
      expect((await proof(ignored)).body).toMatchObject({
        selected: false,
        probability: 0,
        reproduced: true,
      }),
    );
    // A rejected file is not drawn: there is nothing to check after the fact.
    await eventually(async () => expect(await handled(rejected.decidedEventId)).toBe(true));
    await proof(rejected.applicationId).expect(404);
    expect(await openedFor(ignored)).toHaveLength(0);
    expect(await openedFor(rejected.applicationId)).toHaveLength(0);
  });

  it('a new policy version does not change a past selection', async () => {
    const { applicationId } = await fileDecided('granted', { filedBy: 'third_party' });
    await eventually(async () =>
      expect((await proof(applicationId)).body).toMatchObject({ selected: true, policyVersion: 1 }),
    );
    await request(service.url)
      .put('/api/sampling-policies/apa')
      .set('Authorization', admin)
      .send({ baseRate: 0, floor: 0, ceiling: 0, rules: [] })
      .expect(200);
    expect((await proof(applicationId)).body).toMatchObject({
      selected: true,
      policyVersion: 1,
      probability: 1,
      reproduced: true,
    });
    const history = (
      await request(service.url).get('/api/sampling-policies/apa').set('Authorization', auditor).expect(200)
    ).body;
    expect(history.versions).toEqual([1, 2]);
    const versions = (
      await request(service.url)
        .get('/api/sampling-policies/apa/versions')
        .set('Authorization', auditor)
        .expect(200)
    ).body as {
      items: { version: number; ceiling: number; rules: unknown[]; createdBy: string; createdAt: string }[];
    };
    expect(versions.items.map((item) => [item.version, item.ceiling, item.rules.length])).toEqual([
      [2, 0, 0],
      [1, 1, 1],
    ]);
    expect(versions.items[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(versions.items[0].createdBy).toEqual(expect.any(String));
  });

  it('refuses a bad policy with the fields named', async () => {
    const refused = (
      await request(service.url)
        .put('/api/sampling-policies/apa')
        .set('Authorization', admin)
        .send({ baseRate: 2, floor: 0.5, ceiling: 0.1, rules: [] })
        .expect(400)
    ).body;
    expect(refused.error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['baseRate']),
    );
  });

  it('opens a targeted check on any file, with a reason; a second one is a 409', async () => {
    const applicationId = uuidv7();
    const opened = await request(service.url)
      .post('/api/checks/cases')
      .set('Authorization', auditor)
      .send({ applicationId, reason: 'Signalement d’une incohérence de ressources' })
      .expect(201);
    expect(opened.body.checkId).toBeTruthy();
    await request(service.url)
      .post('/api/checks/cases')
      .set('Authorization', auditor)
      .send({ applicationId, reason: 'Signalement d’une incohérence de ressources' })
      .expect(409);
    await request(service.url)
      .post('/api/checks/cases')
      .set('Authorization', auditor)
      .send({ applicationId, reason: 'court' })
      .expect(400);
  });

  it('auditor-only endpoints refuse an agent and a citizen', async () => {
    const agent = await bearer('agent', { sub: 'agent-1', teams: ['CAS-BESSIN'] });
    const citizen = await bearer('citizen', { sub: 'citizen-jeanne' });
    for (const token of [agent, citizen]) {
      await request(service.url)
        .get(`/api/checks/selection/${uuidv7()}`)
        .set('Authorization', token)
        .expect(403);
      await request(service.url).get('/api/checks/audit/verify').set('Authorization', token).expect(403);
      await request(service.url)
        .put('/api/sampling-policies/apa')
        .set('Authorization', token)
        .send({})
        .expect(403);
    }
  });

  it('the audit log is a hash chain the database keeps append-only; a row changed behind its back is found', async () => {
    const intact = (
      await request(service.url).get('/api/checks/audit/verify').set('Authorization', auditor).expect(200)
    ).body;
    expect(intact.intact).toBe(true);
    expect(intact.entries).toBeGreaterThanOrEqual(5);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await expect(client.query("UPDATE checks.audit_log SET actor = 'x' WHERE seq = 2")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('DELETE FROM checks.audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
      // A superuser can switch triggers off: the chain still tells.
      await client.query("SET session_replication_role = 'replica'");
      await client.query(
        `UPDATE checks.audit_log SET details = jsonb_set(details, '{draw}', '0.5') WHERE seq = 2`,
      );
    } finally {
      await client.end();
    }
    const broken = (
      await request(service.url).get('/api/checks/audit/verify').set('Authorization', auditor).expect(200)
    ).body;
    expect(broken).toMatchObject({ intact: false, firstBroken: 2 });
  });

  describe('the control workflow, through HTTP, to each conclusion', () => {
    const caseApi = (path: string) =>
      request(service.url).post(`/api/checks/cases/${path}`).set('Authorization', auditor);
    const caseOf = async (id: string) =>
      (await request(service.url).get(`/api/checks/cases/${id}`).set('Authorization', auditor).expect(200))
        .body;
    const eventsOf = async (subject: EventType, checkId: string) =>
      (await eventsOnStream(nats.url, subject)).filter(
        (event) => (event.payload as { checkId: string }).checkId === checkId,
      );

    /** A filed APA file (so checks knows its procedure) with a targeted case, evidence asked for. */
    async function caseWithEvidenceRequested(dueDate?: string) {
      const { applicationId } = await fileDecided('rejected', { filedBy: 'self' });
      await eventually(async () => {
        const facts = await query(
          databaseUrl,
          'SELECT 1 FROM checks.application_facts WHERE application_id = $1',
          [applicationId],
        );
        expect(facts).toHaveLength(1);
      });
      const { checkId } = (
        await caseApi('')
          .send({ applicationId, reason: 'Contrôle ciblé pour le test du parcours' })
          .expect(201)
      ).body;
      await caseApi(`${checkId}/evidence-request`)
        .send({
          documents: ['Avis d’imposition 2025'],
          message: 'Merci de transmettre votre avis d’imposition.',
          ...(dueDate ? { dueDate } : {}),
        })
        .expect(201);
      return { applicationId, checkId };
    }

    async function evidenceArrives(checkId: string, applicationId: string) {
      await send(SUBJECTS.checkEvidenceReceived, checkId, {
        checkId,
        applicationId,
        receivedAt: clock.now().toISOString(),
        documents: ['avis-imposition-2025.pdf'],
      });
      await eventually(async () => expect((await caseOf(checkId)).status).toBe('evidence_received'));
    }

    it('overpayment: evidence, contradictory phase answered, conclusion with the recovery plan and the APA remedies', async () => {
      const { applicationId, checkId } = await caseWithEvidenceRequested();
      const [requested] = await eventsOf(SUBJECTS.checkEvidenceRequested, checkId);
      expect(requested.payload).toMatchObject({
        evidence: ['Avis d’imposition 2025'],
        dueDate: '2026-05-01',
      });
      await evidenceArrives(checkId, applicationId);

      await caseApi(`${checkId}/proposal`)
        .send({
          outcome: 'overpayment',
          reason: 'Ressources sous-déclarées de 300 € par mois',
          overpaymentCents: 90_000,
        })
        .expect(201);
      await send(SUBJECTS.checkConclusionAnswered, checkId, {
        checkId,
        applicationId,
        answer: 'J’avais oublié la pension de réversion.',
        answeredAt: clock.now().toISOString(),
      });
      await eventually(async () =>
        expect((await caseOf(checkId)).answer).toMatchObject({
          answer: expect.stringContaining('réversion'),
        }),
      );

      // Previewed first: the conclusion and its recovery plan as they would be recorded, and nothing recorded.
      const auditBefore = (
        await request(service.url).get('/api/checks/audit/verify').set('Authorization', auditor).expect(200)
      ).body;
      const preview = (
        await caseApi(`${checkId}/conclusion-preview`)
          .send({
            outcome: 'overpayment',
            reason: 'Indu confirmé après réponse',
            overpaymentCents: 90_000,
            monthlyPaymentCents: 50_000,
            paidOn: '2026-03-31',
          })
          .expect(200)
      ).body;
      expect(preview.status).toBe('concluded');
      expect(preview.conclusion.recovery).toMatchObject({
        recoverableCents: 90_000,
        maxDeductionPerPaymentCents: 10_000,
        recoveryTimeBarredOn: '2028-03-31',
      });
      expect(
        (await request(service.url).get(`/api/checks/cases/${checkId}`).set('Authorization', auditor)).body
          .status,
      ).toBe('contradictory');
      expect(await eventsOf(SUBJECTS.checkConcluded, checkId)).toHaveLength(0);
      expect(
        (await request(service.url).get('/api/checks/audit/verify').set('Authorization', auditor).expect(200))
          .body,
      ).toEqual(auditBefore);

      const concluded = (
        await caseApi(`${checkId}/conclusion`)
          .send({
            outcome: 'overpayment',
            reason: 'Indu confirmé après réponse',
            overpaymentCents: 90_000,
            monthlyPaymentCents: 50_000,
            paidOn: '2026-03-31',
          })
          .expect(201)
      ).body;
      expect(concluded.status).toBe('concluded');
      const events = await eventsOf(SUBJECTS.checkConcluded, checkId);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({
        outcome: 'overpayment',
        overpaymentCents: 90_000,
        recoverableCents: 90_000,
        maxDeductionPerPaymentCents: 10_000,
        recoveryTimeBarredOn: '2028-03-31',
        remedies: expect.stringContaining('L134-2'),
      });
      await caseApi(`${checkId}/conclusion`)
        .send({ outcome: 'compliant', reason: 'Deuxième conclusion refusée' })
        .expect(409);
    });

    it('compliant: concluded without a contradictory phase; an overpayment without its amounts is a 400', async () => {
      const { applicationId, checkId } = await caseWithEvidenceRequested();
      await evidenceArrives(checkId, applicationId);
      await caseApi(`${checkId}/conclusion`)
        .send({ outcome: 'overpayment', reason: 'Sans phase contradictoire' })
        .expect(409);
      await caseApi(`${checkId}/conclusion`)
        .send({ outcome: 'compliant', reason: 'Pièces conformes à la déclaration' })
        .expect(201);
      expect((await eventsOf(SUBJECTS.checkConcluded, checkId))[0].payload).toMatchObject({
        outcome: 'compliant',
      });

      const other = await caseWithEvidenceRequested();
      await evidenceArrives(other.checkId, other.applicationId);
      await caseApi(`${other.checkId}/proposal`)
        .send({ outcome: 'overpayment', reason: 'Ressources sous-déclarées' })
        .expect(201);
      const refused = (
        await caseApi(`${other.checkId}/conclusion`)
          .send({ outcome: 'overpayment', reason: 'Indu sans montants' })
          .expect(400)
      ).body;
      expect(refused.error.details.map((d: { field: string }) => d.field)).toEqual([
        'overpaymentCents',
        'monthlyPaymentCents',
        'paidOn',
      ]);
    });

    it('no evidence by the deadline: the case moves on to the contradictory phase with that fact recorded', async () => {
      const { checkId } = await caseWithEvidenceRequested('2026-04-10');
      await caseApi(`${checkId}/proposal`)
        .send({ outcome: 'corrected', reason: 'Pièces non reçues à ce jour' })
        .expect(400);
      clock.advanceDays(10);
      await caseApi(`${checkId}/proposal`)
        .send({ outcome: 'corrected', reason: 'Pièces non reçues à l’échéance' })
        .expect(201);
      const [proposed] = await eventsOf(SUBJECTS.checkConclusionProposed, checkId);
      expect(proposed.payload).toMatchObject({ evidenceMissing: true, proposedOutcome: 'corrected' });
    });
    it('the deadline job reminds once before the due date and records the missed deadline once (a job down catches up)', async () => {
      const today = parisDate(clock.now());
      const { checkId } = await caseWithEvidenceRequested(addDays(today, 10));
      const job = service.app.get(CaseDeadlineJob);
      await job.runNow();
      expect(await eventsOf(SUBJECTS.checkEvidenceReminder, checkId)).toHaveLength(0);
      clock.advanceDays(4);
      await job.runNow();
      await job.runNow();
      await eventually(async () =>
        expect(await eventsOf(SUBJECTS.checkEvidenceReminder, checkId)).toHaveLength(1),
      );
      clock.advanceDays(30); // the job was down: it catches up from the stored state
      await job.runNow();
      await job.runNow();
      const missed = await query(
        databaseUrl,
        "SELECT 1 FROM checks.audit_log WHERE action = 'échéance des pièces dépassée' AND details->>'checkId' = $1",
        [checkId],
      );
      expect(missed).toHaveLength(1);
      expect(await eventsOf(SUBJECTS.checkEvidenceReminder, checkId)).toHaveLength(1);
      await caseApi(`${checkId}/proposal`)
        .send({ outcome: 'corrected', reason: 'Pièces non reçues à l’échéance' })
        .expect(201);
    });
    it('statistics over a period and the CSV export of the cases (auditors and admins only)', async () => {
      const get = (path: string, token = auditor) =>
        request(service.url).get(path).set('Authorization', token);
      const stats = (await get('/api/checks/statistics?from=2026-01-01&to=2026-12-31').expect(200)).body;
      const apa = stats.selectionByProcedure.find((row: { procedure: string }) => row.procedure === 'apa');
      expect(apa.drawn).toBeGreaterThanOrEqual(3);
      expect(apa.selected).toBeGreaterThanOrEqual(2);
      expect(apa.rate).toBeCloseTo(apa.selected / apa.drawn, 3);
      // Against the policy: the mean of the recorded probabilities, and its binomial 99 % interval.
      expect(apa.expectedRate).toBeGreaterThan(0);
      expect(apa.interval99.low).toBeLessThanOrEqual(apa.expectedRate);
      expect(apa.interval99.high).toBeGreaterThanOrEqual(apa.expectedRate);
      expect(typeof apa.withinInterval).toBe('boolean');
      expect(stats.selectionByStratum.map((row: { stratum: string }) => row.stratum)).toEqual(
        expect.arrayContaining(['third-party', 'aléatoire']),
      );
      expect(stats.cases.byOutcome.overpayment).toBeGreaterThanOrEqual(1);
      expect(stats.cases.byOutcome.compliant).toBeGreaterThanOrEqual(1);
      expect(stats.cases.recoverableCents).toBeGreaterThanOrEqual(90_000);
      expect(stats.cases.findingsRate).toBeGreaterThan(0);
      expect(stats.cases.findingsRate).toBeLessThan(1);

      const csv = (await get('/api/checks/cases.csv?from=2026-01-01&to=2026-12-31').expect(200)).text;
      const [header, ...lines] = csv.trim().split('\n');
      expect(header).toBe(
        'id,application_id,origin,status,opened_on,procedure,stratum,probability,draw,outcome,overpayment_cents,recoverable_cents',
      );
      expect(lines.length).toBe(stats.cases.opened);
      expect(lines.some((line) => line.includes(',overpayment,90000,90000'))).toBe(true);

      const refused = (await get('/api/checks/statistics?from=2026-13-01&to=x').expect(400)).body;
      expect(new Set(refused.error.details.map((d: { field: string }) => d.field))).toEqual(
        new Set(['from', 'to']),
      );
      await get(
        '/api/checks/cases.csv?from=2026-01-01&to=2026-12-31',
        await bearer('agent', { sub: 'a', teams: [] }),
      ).expect(403);
    });
  });
});
