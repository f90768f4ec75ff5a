import { addDays, parisDate } from '#domain';
import { Clock, ManualClock } from '#platform';
import {
  createTestDatabase,
  eventually,
  type RunningService,
  startService,
  startTestNats,
  testConfig,
  type TestNats,
} from '#testing';
import { DirectoryIndex } from '../../routing/src/directory/directory-index.js';
import { RoutingConfig } from '../../routing/src/routing.config.js';
import { RoutingModule } from '../../routing/src/routing.module.js';
import { FixtureDirectoryIndex } from '../../routing/test/directory.fixture.js';
import { staff as backOffice } from '../../routing/test/routing.harness.js';
import { ClockResumptionJob } from '../src/applications/clock-resumption.job.js';
import { IntakeConfig } from '../src/intake.config.js';
import { IntakeModule } from '../src/intake.module.js';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { validApcrFormData } from '../src/procedures/apcr/apcr.fixtures.js';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { citizen, expectStatus, staff } from './intake.harness.js';

/**
 * Intake and routing together on one database (a schema each) and one nats-server, through their real events only:
 * the contracts of issue 8 seen from both ends. Both read the same controllable clock.
 */
describe('intake + routing: routing, the clock, the staff read and the care plan, end to end (PostgreSQL + NATS)', () => {
  let nats: TestNats;
  let intake: RunningService;
  let routing: RunningService;
  let clock: ManualClock;

  beforeAll(async () => {
    nats = await startTestNats();
    const databaseUrl = await createTestDatabase('with-routing');
    clock = new ManualClock(new Date());
    const variables = { DATABASE_URL: databaseUrl, NATS_URL: nats.url };
    intake = await startService(
      'intake',
      IntakeModule.forRoot(testConfig(IntakeConfig, variables), DEFAULT_PROCEDURES, {
        overrides: [{ provide: Clock, useValue: clock }],
      }),
    );
    routing = await startService(
      'routing',
      RoutingModule.forRoot(
        testConfig(RoutingConfig, { ...variables, DEADLINE_JOB_INTERVAL_MS: '3600000' }),
        {
          overrides: [
            { provide: DirectoryIndex, useValue: new FixtureDirectoryIndex() },
            { provide: Clock, useValue: clock },
          ],
        },
      ),
    );
  });

  afterAll(async () => {
    await routing?.close();
    await intake?.close();
    await nats?.stop();
  });

  it('APCR: routed to the APCR desk, read by its agent, the pieces’ time runs out and routing follows the clock', async () => {
    const mayor = citizen(intake.url, 'mayor-ablon-e2e');
    const id: string = (await mayor.createDraft('apcr', validApcrFormData(parisDate(clock.now())))).body.id;
    const deadline: string = (await mayor.submit(id).then(expectStatus(201))).body.decisionDeadline;
    await eventually(async () => expect((await mayor.get(id)).body.handling.team?.code).toBe('APCR-DESK'));

    await staff(intake.url, 'agent', 'agent-chloe', ['APCR-DESK'])
      .content(id, 'instruction')
      .then(expectStatus(200));
    await staff(intake.url, 'agent', 'agent-alice', ['CAS-BESSIN'])
      .content(id, 'instruction')
      .then(expectStatus(403));
    expect((await mayor.accesses(id)).body.items).toEqual([
      expect.objectContaining({ team: 'APCR-DESK', teamName: 'Direction des territoires — guichet APCR' }),
    ]);

    const chloe = backOffice(routing.url, 'agent', 'agent-chloe', ['APCR-DESK']);
    await chloe.claim(id).then(expectStatus(200));
    const answerBy = addDays(parisDate(clock.now()), 5);
    await chloe.requestInfo(id, 'Merci de joindre le devis signé.', answerBy).then(expectStatus(200));
    await eventually(async () =>
      expect((await mayor.get(id)).body).toMatchObject({
        status: 'info_requested',
        clockResumesAfter: answerBy,
      }),
    );

    clock.advanceDays(6);
    await intake.app.get(ClockResumptionJob).runNow();
    expect((await mayor.get(id)).body.decisionDeadline).toBe(addDays(deadline, 5));
    await eventually(async () =>
      expect((await chloe.get(id)).body).toMatchObject({
        decisionDeadline: addDays(deadline, 5),
        clockSuspendedOn: null,
      }),
    );
  });

  it('APA: the care plan proposed in the back office is answered by the beneficiary through intake', async () => {
    clock.set(new Date());
    const jeanne = citizen(intake.url, 'citizen-jeanne-e2e');
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    await eventually(async () => expect((await jeanne.get(id)).body.handling.team?.code).toBe('CAS-BESSIN'));

    const alice = backOffice(routing.url, 'agent', 'agent-alice', ['CAS-BESSIN']);
    await alice.claim(id).then(expectStatus(200));
    await alice.evaluate(id, parisDate(clock.now()), 3).then(expectStatus(200));
    await alice.proposeCarePlan(id, 90_000, 'Aide à domicile 20 h par mois.').then(expectStatus(200));
    await eventually(async () =>
      expect((await jeanne.get(id)).body.handling.carePlan?.status).toBe('proposed'),
    );

    await jeanne.answerCarePlan(id, { accept: true }).then(expectStatus(200));
    await eventually(async () => expect((await alice.get(id)).body.carePlanStatus).toBe('accepted'));
  });
});
