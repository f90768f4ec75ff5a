import { v7 as uuidv7 } from 'uuid';
import { addDays, type ApplicationCarePlanAnsweredV1, parisDate, SUBJECTS } from '#domain';
import { ManualClock } from '#platform';
import { eventually } from '#testing';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { citizen, expectStatus, type IntakeUnderTest, startIntake } from './intake.harness.js';

describe('intake: the beneficiary answers the proposed APA care plan (CASF R232-7; PostgreSQL + NATS)', () => {
  let intake: IntakeUnderTest;
  let clock: ManualClock;
  let jeanne: ReturnType<typeof citizen>;

  async function fileWithPlan(): Promise<{ id: string; planId: string }> {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    const planId = uuidv7();
    await intake.send(SUBJECTS.applicationCarePlanProposed, id, {
      applicationId: id,
      planId,
      evaluatedOn: parisDate(clock.now()),
      gir: 3,
      planCents: 90_000,
      participationCents: 12_000,
      apaCents: 78_000,
      answerBy: addDays(parisDate(clock.now()), 10),
      description: 'Aide à domicile 20 h par mois, portage de repas.',
    });
    await eventually(async () => expect((await jeanne.get(id)).body.handling.carePlan?.planId).toBe(planId));
    return { id, planId };
  }

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    intake = await startIntake('care-plan', DEFAULT_PROCEDURES, { clock });
    jeanne = citizen(intake.service.url, 'citizen-jeanne-plan');
  });

  beforeEach(() => clock.set(new Date()));

  afterAll(async () => {
    await intake?.stop();
  });

  it('409 while no plan has been proposed', async () => {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    const refused = await jeanne.answerCarePlan(id, { accept: true }).then(expectStatus(409));
    expect(refused.body.error.code).toBe('CARE_PLAN_NOT_PROPOSED');
  });

  it('shows the proposed plan, takes one answer, publishes care-plan-answered once, then 409', async () => {
    const { id, planId } = await fileWithPlan();
    const file = (await jeanne.get(id)).body;
    expect(file.handling.carePlan).toMatchObject({
      status: 'proposed',
      gir: 3,
      planCents: 90_000,
      apaCents: 78_000,
    });
    const proposed = ((await jeanne.timeline(id)).body.items as { kind: string; text: string }[]).at(-1);
    expect(proposed?.kind).toBe('care_plan_proposed');
    expect(proposed?.text).toMatch(
      /plan d’aide vous est proposé : 900,00\s€ par mois, dont 120,00\s€ à votre charge/,
    );
    expect(proposed?.text).toContain('CASF, article R232-7');

    const answered = await jeanne
      .answerCarePlan(id, { accept: false, requestedChanges: 'Plutôt 25 h par mois, sans portage de repas.' })
      .then(expectStatus(200));
    expect(answered.body.handling.carePlan).toMatchObject({
      status: 'changes_requested',
      requestedChanges: 'Plutôt 25 h par mois, sans portage de repas.',
    });
    const again = await jeanne.answerCarePlan(id, { accept: true }).then(expectStatus(409));
    expect(again.body.error.code).toBe('CARE_PLAN_ALREADY_ANSWERED');

    await eventually(async () => {
      const events = await intake.events(SUBJECTS.applicationCarePlanAnswered, id);
      expect(events.map((event) => event.payload as ApplicationCarePlanAnsweredV1)).toEqual([
        expect.objectContaining({
          applicationId: id,
          planId,
          answer: 'changes_requested',
          comment: 'Plutôt 25 h par mois, sans portage de repas.',
        }),
      ]);
    });
    const kinds = ((await jeanne.timeline(id)).body.items as { kind: string }[]).map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'care_plan_answered')).toHaveLength(1);
  });

  it('400 on a bad body, naming the field; 404 on someone else’s file', async () => {
    const { id } = await fileWithPlan();
    const notBoolean = await jeanne.answerCarePlan(id, { accept: 'yes' }).then(expectStatus(400));
    expect(notBoolean.body.error.details).toEqual([expect.objectContaining({ field: 'accept' })]);
    await jeanne.answerCarePlan(id, {}).then(expectStatus(400));
    const both = await jeanne
      .answerCarePlan(id, { accept: true, requestedChanges: 'rien' })
      .then(expectStatus(400));
    expect(both.body.error.details).toEqual([expect.objectContaining({ field: 'requestedChanges' })]);
    const unknown = await jeanne.answerCarePlan(id, { accept: true, extra: 1 }).then(expectStatus(400));
    expect(unknown.body.error.details[0].field).toBe('extra');
    await citizen(intake.service.url, 'someone-else')
      .answerCarePlan(id, { accept: true })
      .then(expectStatus(404));

    const accepted = await jeanne.answerCarePlan(id, { accept: true }).then(expectStatus(200));
    expect(accepted.body.handling.carePlan.status).toBe('accepted');
  });

  it('409 once the 10 days are over: no answer counts as a refusal of the plan (CASF R232-7)', async () => {
    const { id } = await fileWithPlan();
    clock.advanceDays(11);
    const late = await jeanne.answerCarePlan(id, { accept: true }).then(expectStatus(409));
    expect(late.body.error.code).toBe('CARE_PLAN_ANSWER_TOO_LATE');
    expect(await intake.events(SUBJECTS.applicationCarePlanAnswered, id)).toEqual([]);
  });
});
