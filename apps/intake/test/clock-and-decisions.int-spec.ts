import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { addDays, type ApplicationDeadlineChangedV1, parisDate, SUBJECTS } from '#domain';
import { ManualClock } from '#platform';
import { eventually } from '#testing';
import { ClockResumptionJob } from '../src/applications/clock-resumption.job.js';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { validApcrFormData } from '../src/procedures/apcr/apcr.fixtures.js';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { citizen, expectStatus, type IntakeUnderTest, startIntake } from './intake.harness.js';

const REMEDIES = 'Recours gracieux ou recours devant le tribunal administratif de Caen dans les deux mois.';

describe('intake: the decision clock (CRPA L114-5), tacit decisions and the APCR quota, APA provisional figures', () => {
  let intake: IntakeUnderTest;
  let clock: ManualClock;
  let mayor: ReturnType<typeof citizen>;
  const today = () => parisDate(clock.now());

  async function fileApcr(category: string, inseeCode = '14001'): Promise<{ id: string; deadline: string }> {
    const data = validApcrFormData(today());
    data.project.category = category as typeof data.project.category;
    data.commune.inseeCode = inseeCode;
    const id: string = (await mayor.createDraft('apcr', data)).body.id;
    const receipt = await mayor.submit(id).then(expectStatus(201));
    return { id, deadline: receipt.body.decisionDeadline };
  }

  const kinds = async (id: string) =>
    ((await mayor.timeline(id)).body.items as { kind: string }[]).map((item) => item.kind);

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    intake = await startIntake('clock-decisions', DEFAULT_PROCEDURES, { clock });
    mayor = citizen(intake.service.url, 'mayor-ablon');
  });

  beforeEach(() => clock.set(new Date()));

  afterAll(async () => {
    await intake?.stop();
  });

  it('CRPA L114-5: a request for pieces suspends the clock only until the date given; the job resumes it once, and routing is told', async () => {
    const { id, deadline } = await fileApcr('fire_defence');
    const answerBy = addDays(today(), 5);
    await intake.send(SUBJECTS.applicationInfoRequested, id, {
      applicationId: id,
      requestId: uuidv7(),
      message: 'Merci de joindre le devis signé.',
      answerBy,
      clockEffect: 'suspends',
    });
    await eventually(async () => expect((await mayor.get(id)).body.status).toBe('info_requested'));
    const suspended = (await mayor.get(id)).body;
    expect(suspended).toMatchObject({
      decisionDeadline: deadline,
      clockSuspendedOn: today(),
      clockResumesAfter: answerBy,
    });

    // The commune never answers. Six days later the job resumes the clock: 5 days of suspension are added.
    clock.advanceDays(6);
    const job = intake.service.app.get(ClockResumptionJob);
    await Promise.all([job.runNow(), job.resumeDue(), job.resumeDue()]);
    await job.runNow();
    const resumed = (await mayor.get(id)).body;
    expect(resumed).toMatchObject({
      status: 'info_requested',
      decisionDeadline: addDays(deadline, 5),
      clockSuspendedOn: null,
      clockResumesAfter: null,
    });
    expect((await kinds(id)).filter((kind) => kind === 'clock_resumed')).toHaveLength(1);

    const changes = (await intake.events(SUBJECTS.applicationDeadlineChanged, id)).map(
      (event) => event.payload as ApplicationDeadlineChangedV1,
    );
    expect(changes.filter((change) => change.cause === 'info_requested')).toEqual([
      {
        applicationId: id,
        decisionDeadline: deadline,
        suspendedOn: parisDate(new Date()),
        cause: 'info_requested',
      },
    ]);
    expect(changes.filter((change) => change.cause === 'info_request_expired')).toEqual([
      {
        applicationId: id,
        decisionDeadline: addDays(deadline, 5),
        suspendedOn: null,
        cause: 'info_request_expired',
      },
    ]);

    // A late answer is still welcome, but buys no more time and moves nothing.
    const late = await mayor.complement(id, 'Voici le devis signé.').then(expectStatus(200));
    expect(late.body.decisionDeadline).toBe(addDays(deadline, 5));
    expect((await intake.events(SUBJECTS.applicationDeadlineChanged, id)).length).toBe(2);
  });

  it('does not resume the clock of a file withdrawn while suspended', async () => {
    const { id, deadline } = await fileApcr('general', '14003'); // Agy
    await intake.send(SUBJECTS.applicationInfoRequested, id, {
      applicationId: id,
      requestId: uuidv7(),
      message: 'Merci de joindre le plan de financement.',
      answerBy: addDays(today(), 2),
      clockEffect: 'suspends',
    });
    await eventually(async () => expect((await mayor.get(id)).body.status).toBe('info_requested'));
    await mayor.withdraw(id).then(expectStatus(200));
    clock.advanceDays(3);
    await intake.service.app.get(ClockResumptionJob).runNow();
    expect((await mayor.get(id)).body).toMatchObject({ status: 'withdrawn', decisionDeadline: deadline });
    const causes = (await intake.events(SUBJECTS.applicationDeadlineChanged, id)).map(
      (event) => (event.payload as ApplicationDeadlineChangedV1).cause,
    );
    expect(causes).toEqual(['info_requested']);
  });

  it('an answer within the time given resumes the clock for the days taken, and routing is told', async () => {
    const { id, deadline } = await fileApcr('digital');
    await intake.send(SUBJECTS.applicationInfoRequested, id, {
      applicationId: id,
      requestId: uuidv7(),
      message: 'Merci de joindre la délibération.',
      answerBy: addDays(today(), 15),
      clockEffect: 'suspends',
    });
    await eventually(async () => expect((await mayor.get(id)).body.status).toBe('info_requested'));
    clock.advanceDays(3);
    const answered = await mayor.complement(id, 'Délibération jointe.').then(expectStatus(200));
    expect(answered.body).toMatchObject({ decisionDeadline: addDays(deadline, 3), clockSuspendedOn: null });
    const changes = await intake.events(SUBJECTS.applicationDeadlineChanged, id);
    expect(changes.map((event) => event.payload)).toContainEqual({
      applicationId: id,
      decisionDeadline: addDays(deadline, 3),
      suspendedOn: null,
      cause: 'complemented',
    });
  });

  it('a tacitly refused APCR file frees the commune’s annual quota (CRPA L231-4)', async () => {
    const first = await fileApcr('general');
    const data = validApcrFormData(today());
    const second: string = (await mayor.createDraft('apcr', data)).body.id;
    const refused = await mayor.submit(second).then(expectStatus(422));
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'project.category' })]);

    await intake.send(SUBJECTS.applicationDecided, first.id, {
      applicationId: first.id,
      outcome: 'deemed_rejected',
      reason: 'Absence de décision dans le délai de deux mois (CRPA, article L231-4).',
      decidedAt: new Date().toISOString(),
      remedies: REMEDIES,
    });
    await eventually(async () => expect((await mayor.get(first.id)).body.status).toBe('deemed_rejected'));
    const decided = (await mayor.get(first.id)).body;
    expect(decided.handling.decision).toMatchObject({ outcome: 'deemed_rejected', tacit: true });
    const line = ((await mayor.timeline(first.id)).body.items as { kind: string; text: string }[]).at(-1);
    expect(line?.text).toContain('réputée refusée');
    expect(line?.text).toContain('CRPA, article L232-4');

    await mayor.submit(second).then(expectStatus(201));
  });

  it('flags APA estimates after the last known revaluation as provisional, with a French warning (CASF R232-10)', async () => {
    const estimate = (date: string) =>
      request(intake.service.url)
        .post('/api/procedures/apa/estimate')
        .send({ gir: 2, monthlyResourcesCents: 150_000, household: 'alone', date });
    const later = await estimate('2031-03-01').then(expectStatus(200));
    expect(later.body.provisional).toBe(true);
    expect(later.body.estimates[0]).toMatchObject({
      provisional: true,
      parameters: { validFrom: '2026-01-01' },
    });
    expect(later.body.warning).toMatch(/^Montants provisoires/);
    const known = await estimate('2026-06-01').then(expectStatus(200));
    expect(known.body.provisional).toBe(false);
    expect(known.body.warning).toBeUndefined();
    expect(known.body.estimates[0].provisional).toBe(false);
  });

  it('keeps an agent’s decision with its APA amounts and flags provisional figures in the timeline', async () => {
    const id: string = (await mayor.createDraft('apa', validApaFormData())).body.id;
    await mayor.submit(id).then(expectStatus(201));
    await intake.send(SUBJECTS.applicationDecided, id, {
      applicationId: id,
      outcome: 'granted',
      reason: 'Plan d’aide accepté.',
      amountCents: 90_000,
      decidedAt: new Date().toISOString(),
      remedies: REMEDIES,
      gir: 3,
      planCents: 100_000,
      participationCents: 10_000,
      provisionalParameters: true,
    });
    await eventually(async () => expect((await mayor.get(id)).body.status).toBe('granted'));
    expect((await mayor.get(id)).body.handling.decision).toMatchObject({
      tacit: false,
      amountCents: 90_000,
      gir: 3,
      planCents: 100_000,
      participationCents: 10_000,
      provisionalParameters: true,
    });
    const line = ((await mayor.timeline(id)).body.items as { text: string }[]).at(-1)?.text ?? '';
    expect(line).toMatch(
      /accordée\. GIR 3, plan d’aide mensuel 1\s000,00\s€, votre participation 100,00\s€, montant 900,00\s€\./,
    );
    expect(line).toContain('Ces montants sont provisoires');
  });
});
