import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parisDate } from '#domain';
import { Clock, ManualClock } from '#platform';
import {
  bearer,
  createTestDatabase,
  eventually,
  type RunningService,
  startService,
  startTestNats,
  testConfig,
  type TestNats,
} from '#testing';
import { ChecksConfig } from '../apps/checks/src/checks.config.js';
import { ChecksModule } from '../apps/checks/src/checks.module.js';
import { IntakeConfig } from '../apps/intake/src/intake.config.js';
import { IntakeModule } from '../apps/intake/src/intake.module.js';
import { validApcrFormData } from '../apps/intake/src/procedures/apcr/apcr.fixtures.js';
import { DEFAULT_PROCEDURES } from '../apps/intake/src/procedures/procedure.registry.js';
import { PDF } from '../apps/intake/test/evidence.fixture.js';
import { citizen, expectStatus } from '../apps/intake/test/intake.harness.js';
import { DirectoryIndex } from '../apps/routing/src/directory/directory-index.js';
import { RoutingConfig } from '../apps/routing/src/routing.config.js';
import { RoutingModule } from '../apps/routing/src/routing.module.js';
import { FixtureDirectoryIndex } from '../apps/routing/test/directory.fixture.js';
import { staff as backOffice } from '../apps/routing/test/routing.harness.js';

const CONTROL_KINDS = new Set([
  'check_opened',
  'evidence_requested',
  'evidence_received',
  'check_proposed',
  'check_answered',
  'check_concluded',
]);

/**
 * A control from end to end, through HTTP and the real events only: intake, routing and checks on one database (a
 * schema each) and one nats-server. A mayor files an APCR request, an agent grants it, checks draws it (rate 1), the
 * auditor asks for evidence, the mayor uploads it, the auditor proposes, the mayor answers, the auditor concludes —
 * once per conclusion — and the mayor's timeline shows each step of the control exactly once.
 */
describe('a control from the grant to each conclusion, across intake, routing and checks (PostgreSQL + NATS)', () => {
  let nats: TestNats;
  let intake: RunningService;
  let routing: RunningService;
  let checks: RunningService;
  let evidenceDir: string;
  let auditor: string;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    nats = await startTestNats();
    evidenceDir = mkdtempSync(join(tmpdir(), 'guichet-journey-evidence-'));
    const variables = { DATABASE_URL: await createTestDatabase('control-journey'), NATS_URL: nats.url };
    const withClock = [{ provide: Clock, useValue: clock }];
    intake = await startService(
      'intake',
      IntakeModule.forRoot(
        testConfig(IntakeConfig, { ...variables, EVIDENCE_DIR: evidenceDir }),
        DEFAULT_PROCEDURES,
        {
          overrides: withClock,
        },
      ),
    );
    routing = await startService(
      'routing',
      RoutingModule.forRoot(
        testConfig(RoutingConfig, { ...variables, DEADLINE_JOB_INTERVAL_MS: '3600000' }),
        {
          overrides: [{ provide: DirectoryIndex, useValue: new FixtureDirectoryIndex() }, ...withClock],
        },
      ),
    );
    checks = await startService(
      'checks',
      ChecksModule.forRoot(testConfig(ChecksConfig, { ...variables, CHECKS_DEFAULT_RATE: '1' }), {
        overrides: withClock,
      }),
    );
    auditor = await bearer('auditor', { sub: 'auditor-claire' });
  });

  afterAll(async () => {
    await checks?.close();
    await routing?.close();
    await intake?.close();
    await nats?.stop();
    if (evidenceDir) rmSync(evidenceDir, { recursive: true, force: true });
  });

  const onCase = (checkId: string, step: string, body: object) =>
    request(checks.url).post(`/api/checks/cases/${checkId}/${step}`).set('Authorization', auditor).send(body);
  const caseOf = async (checkId: string) =>
    (await request(checks.url).get(`/api/checks/cases/${checkId}`).set('Authorization', auditor).expect(200))
      .body;

  /** A mayor's APCR request, filed, routed, granted by the APCR desk, and drawn for control. */
  async function grantedAndDrawn(commune: string) {
    const mayor = citizen(intake.url, `mayor-${commune}`);
    const form = validApcrFormData(parisDate(clock.now()));
    const id: string = (
      await mayor.createDraft('apcr', { ...form, commune: { inseeCode: commune } }).then(expectStatus(201))
    ).body.id;
    await mayor.submit(id).then(expectStatus(201));
    await eventually(async () => expect((await mayor.get(id)).body.handling.team?.code).toBe('APCR-DESK'));
    const chloe = backOffice(routing.url, 'agent', 'agent-chloe', ['APCR-DESK']);
    await chloe.claim(id).then(expectStatus(200));
    await chloe.decide(id, { outcome: 'granted', amountCents: 1_000_000 }).then(expectStatus(200));
    const queued = await eventually(async () => {
      const page = await request(checks.url)
        .get('/api/checks/cases')
        .query({ applicationId: id })
        .set('Authorization', auditor)
        .expect(200);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0];
    });
    expect(queued).toMatchObject({
      applicationId: id,
      procedure: 'apcr',
      origin: 'sample',
      status: 'opened',
    });
    await eventually(async () => expect((await mayor.get(id)).body.handling.check?.status).toBe('open'));
    return { id, checkId: queued.id as string, mayor };
  }

  async function evidenceSent(journey: Awaited<ReturnType<typeof grantedAndDrawn>>) {
    const { id, checkId, mayor } = journey;
    await onCase(checkId, 'evidence-request', {
      documents: ['Délibération du conseil municipal', 'Devis signé'],
      message: 'Merci de transmettre la délibération et le devis retenu.',
    }).expect(201);
    await eventually(async () =>
      expect((await mayor.get(id)).body.handling.check?.status).toBe('evidence_requested'),
    );
    await request(intake.url)
      .post(`/api/applications/${id}/evidence`)
      .set('Authorization', await mayor.token())
      .attach('file', PDF, 'deliberation.pdf')
      .then(expectStatus(201));
    await eventually(async () => expect((await caseOf(checkId)).status).toBe('evidence_received'));
  }

  async function contradictoryPhase(journey: Awaited<ReturnType<typeof grantedAndDrawn>>, proposal: object) {
    const { id, checkId, mayor } = journey;
    await onCase(checkId, 'proposal', proposal).expect(201);
    await eventually(async () =>
      expect((await mayor.get(id)).body.handling.check?.status).toBe('contradictory'),
    );
    await request(intake.url)
      .post(`/api/applications/${id}/control-answer`)
      .set('Authorization', await mayor.token())
      .send({ answer: 'Le conseil municipal a voté la délibération le mois dernier ; je la joins.' })
      .then(expectStatus(201));
    await eventually(async () => expect((await caseOf(checkId)).answer).not.toBeNull());
  }

  /** The mayor's timeline once the conclusion arrived: the control's steps, in order, each once. */
  async function controlSteps(journey: Awaited<ReturnType<typeof grantedAndDrawn>>) {
    const { id, mayor } = journey;
    await eventually(async () => expect((await mayor.get(id)).body.handling.check?.status).toBe('concluded'));
    const items = (await mayor.timeline(id)).body.items as { kind: string; text: string }[];
    const steps = items.filter((item) => CONTROL_KINDS.has(item.kind));
    return { kinds: steps.map((item) => item.kind), last: steps[steps.length - 1]?.text ?? '' };
  }

  it('compliant: evidence received, concluded without a contradictory phase', async () => {
    const journey = await grantedAndDrawn('14001');
    await evidenceSent(journey);
    await onCase(journey.checkId, 'conclusion', {
      outcome: 'compliant',
      reason: 'Délibération et devis conformes à la demande',
    }).expect(201);
    const { kinds, last } = await controlSteps(journey);
    expect(kinds).toEqual(['check_opened', 'evidence_requested', 'evidence_received', 'check_concluded']);
    expect(last).toContain('conforme');
    expect(last).toContain('Voies de recours');
  });

  it.each([
    ['corrected', {}, 'droit à l’erreur'],
    [
      'overpayment',
      { overpaymentCents: 200_000, monthlyPaymentCents: 1_000_000, paidOn: 'TODAY' },
      '2 000,00',
    ],
    ['fraud_suspected', {}, 'examen complémentaire'],
  ])(
    '%s: evidence, proposal answered by the mayor, conclusion with its remedies',
    async (outcome, extra, says) => {
      const commune = { corrected: '14003', overpayment: '14006', fraud_suspected: '14007' }[outcome] ?? '';
      const journey = await grantedAndDrawn(commune);
      await evidenceSent(journey);
      const amounts = Object.fromEntries(
        Object.entries(extra).map(([key, value]) => [
          key,
          value === 'TODAY' ? parisDate(clock.now()) : value,
        ]),
      );
      const overpayment = 'overpaymentCents' in amounts ? { overpaymentCents: amounts.overpaymentCents } : {};
      await contradictoryPhase(journey, { outcome, reason: 'Constat sur le devis présenté', ...overpayment });
      await onCase(journey.checkId, 'conclusion', {
        outcome,
        reason: 'Constat confirmé après la réponse du maire',
        ...amounts,
      }).expect(201);
      const { kinds, last } = await controlSteps(journey);
      expect(kinds).toEqual([
        'check_opened',
        'evidence_requested',
        'evidence_received',
        'check_proposed',
        'check_answered',
        'check_concluded',
      ]);
      expect(last.replace(/\u202f|\u00a0/g, ' ')).toContain(says);
      expect(last).toContain('Voies de recours');
      const concluded = await caseOf(journey.checkId);
      expect(concluded.status).toBe('concluded');
    },
  );

  it('the auditors’ queue lists the open cases first, filters by state, and refuses a bad filter', async () => {
    const open = await grantedAndDrawn('14009');
    const page = await request(checks.url).get('/api/checks/cases').set('Authorization', auditor).expect(200);
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    expect(page.body.items[0]).toMatchObject({ applicationId: open.id, status: 'opened' });
    const concluded = await request(checks.url)
      .get('/api/checks/cases')
      .query({ status: 'concluded' })
      .set('Authorization', auditor)
      .expect(200);
    expect(concluded.body.items.every((item: { status: string }) => item.status === 'concluded')).toBe(true);
    const bad = await request(checks.url)
      .get('/api/checks/cases')
      .query({ status: 'lost' })
      .set('Authorization', auditor)
      .expect(400);
    expect(bad.body.error.details[0].field).toBe('status');
    await request(checks.url)
      .get('/api/checks/cases')
      .set('Authorization', await bearer('agent', { sub: 'agent-chloe', teams: ['APCR-DESK'] }))
      .expect(403);
  });
});
