import { estimateApa, flatRate, SUBJECTS } from '#domain';
import { eventually } from '#testing';
import { expectStatus, type RoutingUnderTest, staff, startRouting, submitFile } from './routing.harness.js';

describe('routing: deadlines, the silence rule and the APA care plan, on a clock the test moves', () => {
  let routing: RoutingUnderTest;
  let alice: ReturnType<typeof staff>;
  let chloe: ReturnType<typeof staff>;

  beforeAll(async () => {
    routing = await startRouting('deadlines', '2026-03-02T09:00:00Z');
    alice = staff(routing.service.url, 'agent', 'agent-alice', ['CAS-BESSIN']);
    chloe = staff(routing.service.url, 'agent', 'agent-chloe', ['APCR-DESK']);
  });

  afterAll(async () => {
    await routing?.stop();
  });

  const routed = (id: string, agent: ReturnType<typeof staff>) =>
    eventually(async () => expectStatus(200)(await agent.get(id)).body);
  const payloads = async (subject: Parameters<RoutingUnderTest['events']>[0], id: string) =>
    (await routing.events(subject, id)).map((event) => event.payload as Record<string, unknown>);

  it('warns the owning team 15 and 3 days before the deadline, once per threshold', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const file = await submitFile(routing, { decisionDeadline: '2026-05-02' });
    await routed(file.id, alice);

    routing.clock.set('2026-04-17T08:00:00Z'); // 15 days left
    await routing.sweep();
    await routing.sweep();
    expect(await payloads(SUBJECTS.applicationDeadlineApproaching, file.id)).toEqual([
      {
        applicationId: file.id,
        procedure: 'apa',
        teamCode: 'CAS-BESSIN',
        decisionDeadline: '2026-05-02',
        daysLeft: 15,
      },
    ]);
    expect((await alice.get(file.id)).body.daysLeft).toBe(15);

    routing.clock.set('2026-04-29T08:00:00Z'); // 3 days left
    await routing.sweep();
    await routing.sweep();
    const warnings = await payloads(SUBJECTS.applicationDeadlineApproaching, file.id);
    expect(warnings.map((warning) => warning.daysLeft)).toEqual([15, 3]);
  });

  it('applies the silence rule the day after the deadline: APA deemed granted at the flat rate, APCR deemed rejected', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const apa = await submitFile(routing, { decisionDeadline: '2026-05-02' });
    const apcr = await submitFile(routing, { procedure: 'apcr', decisionDeadline: '2026-05-02' });
    await routed(apa.id, alice);
    await routed(apcr.id, chloe);

    routing.clock.set('2026-05-02T21:30:00Z'); // 23:30 in Paris: still the deadline day
    await routing.sweep();
    expect(await routing.events(SUBJECTS.applicationDecided, apa.id)).toHaveLength(0);

    routing.clock.set('2026-05-02T22:30:00Z'); // 00:30 on 3 May in Paris
    await routing.sweep();
    const [granted] = await payloads(SUBJECTS.applicationDecided, apa.id);
    // CASF L232-14, R232-29: 50 % of the GIR 1 ceiling on the day the tacit decision is born
    expect(granted).toMatchObject({ outcome: 'deemed_granted', amountCents: flatRate('2026-05-03') });
    expect(granted.remedies).toEqual(expect.stringContaining('L232-4'));
    expect(typeof granted.provisionalParameters).toBe('boolean');
    const [rejected] = await payloads(SUBJECTS.applicationDecided, apcr.id);
    expect(rejected).toMatchObject({ outcome: 'deemed_rejected' });
    expect(rejected.amountCents).toBeUndefined();
    expect(rejected.remedies).toEqual(expect.stringContaining('L232-4'));

    await chloe.decide(apcr.id, { outcome: 'granted', amountCents: 100_000 }).then(expectStatus(409));
    expect((await alice.get(apa.id)).body.status).toBe('deemed_granted');
  });

  it('an agent deciding at the same moment as the deadline job: exactly one decision per file', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const files = [];
    for (let index = 0; index < 6; index += 1) {
      files.push(await submitFile(routing, { procedure: 'apcr', decisionDeadline: '2026-05-02' }));
    }
    for (const file of files) await routed(file.id, chloe);

    routing.clock.set('2026-05-03T08:00:00Z');
    const [, , ...answers] = await Promise.all([
      routing.sweep(),
      routing.sweep(), // a second replica
      ...files.map((file) => chloe.decide(file.id, { outcome: 'granted', amountCents: 500_000 })),
    ]);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
    for (const [index, file] of files.entries()) {
      const decisions = await payloads(SUBJECTS.applicationDecided, file.id);
      expect(decisions).toHaveLength(1);
      expect(decisions[0].outcome).toBe(answers[index].status === 200 ? 'granted' : 'deemed_rejected');
    }
  });

  it('a job that was down catches up from the stored state: tacit decisions and one warning per file', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const overdue = await submitFile(routing, { decisionDeadline: '2026-05-02' });
    const soon = await submitFile(routing, { decisionDeadline: '2026-05-20' });
    await routed(overdue.id, alice);
    await routed(soon.id, alice);

    routing.clock.set('2026-05-10T09:00:00Z'); // nothing ran for more than two months
    await routing.job().runNow();
    await routing.job().runNow();
    expect(await payloads(SUBJECTS.applicationDecided, overdue.id)).toEqual([
      expect.objectContaining({ outcome: 'deemed_granted' }),
    ]);
    // 10 days left: the 15-day threshold is passed; one warning, with the days actually left
    expect((await payloads(SUBJECTS.applicationDeadlineApproaching, soon.id)).map((w) => w.daysLeft)).toEqual(
      [10],
    );

    routing.clock.set('2026-05-18T09:00:00Z');
    await routing.job().runNow();
    expect((await payloads(SUBJECTS.applicationDeadlineApproaching, soon.id)).map((w) => w.daysLeft)).toEqual(
      [10, 2],
    );
  });

  it('APA: evaluation, care plan with the calculator’s figures, accepted by the beneficiary, then the grant', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const file = await submitFile(routing, { decisionDeadline: '2026-05-02' });
    await routed(file.id, alice);
    routing.clock.set('2026-03-10T09:00:00Z');

    await alice.decide(file.id, { outcome: 'granted' }).then(expectStatus(409));
    await alice.proposeCarePlan(file.id, 100_000).then(expectStatus(409)); // no evaluation yet
    await alice.evaluate(file.id, '2026-03-09', 3).then(expectStatus(200));
    const proposed = (
      await alice.proposeCarePlan(file.id, 100_000, 'Aide à domicile 20 h par mois').then(expectStatus(200))
    ).body;
    expect(proposed.carePlanDueOn).toBe('2026-04-01');

    const expected = estimateApa({
      gir: 3,
      monthlyResourcesCents: 150_000,
      household: 'alone',
      planCents: 100_000,
      date: '2026-03-10',
    });
    const [plan] = await payloads(SUBJECTS.applicationCarePlanProposed, file.id);
    expect(plan).toMatchObject({
      gir: 3,
      evaluatedOn: '2026-03-09',
      planCents: expected.acceptedPlanCents,
      participationCents: expected.participationCents,
      apaCents: expected.apaCents,
      answerBy: '2026-03-20', // CASF R232-7: 10 days
    });
    const refused = await alice.decide(file.id, { outcome: 'granted' }).then(expectStatus(409));
    expect(refused.body.error.code).toBe('CARE_PLAN_NOT_ACCEPTED');
    expect(refused.body.error.message).toContain('R232-7');

    await routing.send(SUBJECTS.applicationCarePlanAnswered, file.id, {
      applicationId: file.id,
      planId: plan.planId as string,
      answer: 'accepted',
      answeredAt: '2026-03-12T10:00:00Z',
    });
    await eventually(async () => expect((await alice.get(file.id)).body.carePlanStatus).toBe('accepted'));

    routing.clock.set('2026-03-16T09:00:00Z');
    await alice.decide(file.id, { outcome: 'granted' }).then(expectStatus(200));
    const atDecision = estimateApa({
      gir: 3,
      monthlyResourcesCents: 150_000,
      household: 'alone',
      planCents: 100_000,
      date: '2026-03-16',
    });
    expect(await payloads(SUBJECTS.applicationDecided, file.id)).toEqual([
      expect.objectContaining({
        outcome: 'granted',
        gir: 3,
        planCents: atDecision.acceptedPlanCents,
        participationCents: atDecision.participationCents,
        amountCents: atDecision.apaCents,
      }),
    ]);
  });

  it('APA: GIR 5 opens no right (422 on a grant, rejection with its reason)', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const file = await submitFile(routing, { decisionDeadline: '2026-05-02' });
    await routed(file.id, alice);
    await alice.evaluate(file.id, '2026-03-02', 5).then(expectStatus(200));
    expect((await alice.proposeCarePlan(file.id, 50_000).then(expectStatus(422))).body.error.code).toBe(
      'APA_GIR_NOT_ELIGIBLE',
    );
    expect(
      (await alice.decide(file.id, { outcome: 'granted' }).then(expectStatus(422))).body.error.code,
    ).toBe('APA_GIR_NOT_ELIGIBLE');
    await alice
      .decide(file.id, {
        outcome: 'rejected',
        reason: 'GIR 5 à l’évaluation : pas de droit à l’APA (CASF R232-4).',
      })
      .then(expectStatus(200));
    expect(await payloads(SUBJECTS.applicationDecided, file.id)).toEqual([
      expect.objectContaining({ outcome: 'rejected', gir: 5 }),
    ]);
  });

  it('APA: no answer to the care plan within 10 days counts as a refusal of the plan', async () => {
    routing.clock.set('2026-03-02T09:00:00Z');
    const file = await submitFile(routing, { decisionDeadline: '2026-05-02' });
    await routed(file.id, alice);
    await alice.evaluate(file.id, '2026-03-02', 2).then(expectStatus(200));
    await alice.proposeCarePlan(file.id, 120_000).then(expectStatus(200));
    const [plan] = await payloads(SUBJECTS.applicationCarePlanProposed, file.id);

    routing.clock.set('2026-03-12T20:00:00Z'); // answerBy 12 March, still that day in Paris
    await routing.sweep();
    expect((await alice.get(file.id)).body.carePlanStatus).toBe('proposed');
    routing.clock.set('2026-03-13T09:00:00Z');
    await routing.sweep();
    expect((await alice.get(file.id)).body.carePlanStatus).toBe('refused_by_silence');

    await routing.send(SUBJECTS.applicationCarePlanAnswered, file.id, {
      applicationId: file.id,
      planId: plan.planId as string,
      answer: 'accepted',
      answeredAt: '2026-03-14T10:00:00Z', // too late
    });
    await eventually(async () =>
      expect((await alice.get(file.id)).body.history.map((entry: { kind: string }) => entry.kind)).toContain(
        'care_plan_answer_ignored',
      ),
    );
    expect((await alice.get(file.id)).body.carePlanStatus).toBe('refused_by_silence');
    await alice.decide(file.id, { outcome: 'granted' }).then(expectStatus(409));
  });
});
