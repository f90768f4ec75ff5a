import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventMap, type EventType, SUBJECTS } from '#domain';
import { eventsOnStream, eventually, publishEvent } from '#testing';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { citizen, expectStatus, type IntakeUnderTest, startIntake } from './intake.harness.js';

describe('intake: a file follows the back office through events (real PostgreSQL + nats-server)', () => {
  let intake: IntakeUnderTest;
  let jeanne: ReturnType<typeof citizen>;

  const send = <T extends EventType>(type: T, applicationId: string, payload: EventMap[T]) => {
    const event = createEvent(type, applicationId, payload, { correlationId: `test-${uuidv7()}` });
    return publishEvent(intake.nats.url, event).then(() => event);
  };

  beforeAll(async () => {
    intake = await startIntake('follow-up');
    jeanne = citizen(intake.service.url, 'citizen-jeanne');
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('shows routing, requests for more, the answer and the decision in the timeline, in French', async () => {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));

    const routed = await send(SUBJECTS.applicationRouted, id, {
      applicationId: id,
      teamCode: 'CTS-BAYEUX',
      contact: {
        name: 'Circonscription d’action sociale de Bayeux',
        phone: '02 31 51 00 00',
        email: 'cas.bayeux@calvados.fr',
      },
      reason: 'règle APA du Bessin',
    });
    await publishEvent(intake.nats.url, routed); // delivered twice: the timeline must show it once
    await eventually(async () => expect((await jeanne.get(id)).body.status).toBe('in_review'));

    await send(SUBJECTS.applicationInfoRequested, id, {
      applicationId: id,
      requestId: uuidv7(),
      message: 'Merci de préciser les aides déjà reçues.',
      answerBy: '2027-01-15',
      clockEffect: 'restarts',
    });
    await eventually(async () => expect((await jeanne.get(id)).body.status).toBe('info_requested'));
    expect((await jeanne.get(id)).body.decisionDeadline).toBeNull(); // APA: the deadline runs again from the answer

    const answered = await jeanne
      .complement(id, 'Aide à domicile 4 h par semaine depuis 2025.')
      .then(expectStatus(200));
    expect(answered.body.status).toBe('in_review');
    expect(answered.body.decisionDeadline).not.toBeNull();

    await send(SUBJECTS.applicationDecided, id, {
      applicationId: id,
      outcome: 'granted',
      reason: 'Perte d’autonomie évaluée en GIR 3.',
      amountCents: 52_345,
      decidedAt: new Date().toISOString(),
      remedies:
        'Recours administratif préalable auprès du président du conseil départemental dans les deux mois.',
    });
    await eventually(async () => expect((await jeanne.get(id)).body.status).toBe('granted'));

    const timeline = (await jeanne.timeline(id)).body.items as { kind: string; text: string }[];
    expect(timeline.map((item) => item.kind)).toEqual([
      'draft_created',
      'submitted',
      'routed',
      'info_requested',
      'complemented',
      'decided',
    ]);
    expect(timeline[2].text).toContain('Circonscription d’action sociale de Bayeux');
    expect(timeline[2].text).toContain('02 31 51 00 00');
    expect(timeline[5].text).toMatch(/accordée.*523,45\s€/);

    const complemented = await eventsOnStream(intake.nats.url, SUBJECTS.applicationComplemented);
    const mine = complemented.filter((event) => event.aggregateId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0].payload).toMatchObject({ answer: 'Aide à domicile 4 h par semaine depuis 2025.' });
    expect(timeline[4].text).toContain('Aide à domicile 4 h par semaine depuis 2025.');

    // Intake owns the clock and tells routing each time it moves: dropped on the request (APA restarts it, CASF
    // R232-23), set again in full on the answer.
    const changes = (await eventsOnStream(intake.nats.url, SUBJECTS.applicationDeadlineChanged)).filter(
      (event) => event.aggregateId === id,
    );
    expect(changes.map((event) => event.payload)).toEqual([
      { applicationId: id, decisionDeadline: null, suspendedOn: null, cause: 'info_requested' },
      {
        applicationId: id,
        decisionDeadline: answered.body.decisionDeadline,
        suspendedOn: null,
        cause: 'complemented',
      },
    ]);
  });

  it('ignores an event that no longer applies to the file (routed after withdrawal)', async () => {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    await jeanne.withdraw(id).then(expectStatus(200));
    await send(SUBJECTS.applicationRouted, id, {
      applicationId: id,
      teamCode: 'X',
      contact: { name: 'X' },
      reason: 'x',
    });
    await send(SUBJECTS.checkOpened, id, {
      checkId: uuidv7(),
      applicationId: id,
      campaign: '2026',
      probability: 0.1,
      draw: 0.05,
      factors: {},
    });
    await eventually(async () => {
      const kinds = ((await jeanne.timeline(id)).body.items as { kind: string }[]).map((item) => item.kind);
      expect(kinds).toContain('check_opened');
    });
    const file = (await jeanne.get(id)).body;
    expect(file.status).toBe('withdrawn');
    expect(file.handling.team).toBeUndefined();
  });
});
