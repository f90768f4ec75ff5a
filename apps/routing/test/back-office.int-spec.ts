import { SUBJECTS } from '#domain';
import request from 'supertest';
import { bearer, eventually } from '#testing';
import { expectStatus, type RoutingUnderTest, staff, startRouting, submitFile } from './routing.harness.js';

describe('routing: files routed to teams and worked in the back office (real PostgreSQL + nats-server)', () => {
  let routing: RoutingUnderTest;
  let alice: ReturnType<typeof staff>;
  let bruno: ReturnType<typeof staff>;
  let chloe: ReturnType<typeof staff>;
  let dora: ReturnType<typeof staff>;
  let supervisor: ReturnType<typeof staff>;

  beforeAll(async () => {
    routing = await startRouting('back-office', '2026-03-02T09:00:00Z');
    const url = routing.service.url;
    alice = staff(url, 'agent', 'agent-alice', ['CAS-BESSIN']);
    bruno = staff(url, 'agent', 'agent-bruno', ['CAS-BESSIN']);
    chloe = staff(url, 'agent', 'agent-chloe', ['APCR-DESK']);
    dora = staff(url, 'agent', 'agent-dora', ['ACCUEIL']);
    supervisor = staff(url, 'supervisor', 'chef-bessin', ['CAS-BESSIN', 'APCR-DESK']);
  });

  afterAll(async () => {
    await routing?.stop();
  });

  const routed = async (id: string, agent: ReturnType<typeof staff>) =>
    eventually(async () => expectStatus(200)(await agent.get(id)).body);

  it('routes a submitted file to the team of the rule, once, with its public contact', async () => {
    const file = await submitFile(routing);
    const detail = await routed(file.id, alice);
    expect(detail).toMatchObject({
      teamCode: 'CAS-BESSIN',
      flagged: false,
      status: 'in_review',
      decisionDeadline: '2026-05-02',
      daysLeft: 61, // 2 March → 2 May 2026: 29 + 30 + 2 days
      routingReason: 'règle APA pour la commune de Bayeux',
      carePlanDueOn: '2026-04-01', // CASF R232-7: 30 days after the complete file
    });
    const events = await routing.events(SUBJECTS.applicationRouted, file.id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      teamCode: 'CAS-BESSIN',
      contact: { phone: '02 31 51 00 00' },
      reason: 'règle APA pour la commune de Bayeux',
      defaultTeam: false,
    });
  });

  it('sends a file no rule covers to the default team, flagged in its inbox', async () => {
    const file = await submitFile(routing, { communeInsee: '14118' });
    await routed(file.id, dora);
    const inbox = (await dora.list({ flagged: 'true' }).then(expectStatus(200))).body;
    expect(inbox.items.map((item: { id: string }) => item.id)).toContain(file.id);
    expect(inbox.items[0]).toMatchObject({ flagged: true, teamCode: 'ACCUEIL' });
    const [event] = await routing.events(SUBJECTS.applicationRouted, file.id);
    expect(event.payload).toMatchObject({ teamCode: 'ACCUEIL', defaultTeam: true });
  });

  it('shows an agent only their teams’ files: 403 for another team’s, 404 for an unknown one', async () => {
    const file = await submitFile(routing);
    await routed(file.id, alice);
    await chloe.get(file.id).then(expectStatus(403));
    await chloe.claim(file.id).then(expectStatus(403));
    await alice.get('01890000-0000-7000-8000-000000000000').then(expectStatus(404));
    const inbox = (await chloe.list()).body;
    expect(inbox.items.map((item: { id: string }) => item.id)).not.toContain(file.id);
  });

  it('lists the inbox soonest deadline first, filtered and paginated', async () => {
    const later = await submitFile(routing, { decisionDeadline: '2026-06-30' });
    const sooner = await submitFile(routing, { decisionDeadline: '2026-03-20' });
    await routed(later.id, alice);
    await routed(sooner.id, alice);
    const page = (
      await alice.list({ procedure: 'apa', status: 'in_review', pageSize: '2' }).then(expectStatus(200))
    ).body;
    expect(page.items[0]).toMatchObject({ id: sooner.id, daysLeft: 18 });
    expect(page.pageSize).toBe(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    const deadlines = page.items.map((item: { decisionDeadline: string }) => item.decisionDeadline);
    expect([...deadlines].sort()).toEqual(deadlines);
    await alice.list({ status: 'lost' }).then(expectStatus(400));
  });

  it('claims, reassigns (kept in the history), asks for more and decides, each event published once', async () => {
    const file = await submitFile(routing);
    await routed(file.id, alice);

    await alice.claim(file.id).then(expectStatus(200));
    const taken = await bruno.claim(file.id).then(expectStatus(409));
    expect(taken.body.error.code).toBe('ALREADY_ASSIGNED');

    const suggestion = (await supervisor.suggestion(file.id).then(expectStatus(200))).body;
    expect(suggestion.suggested.subject).toBe('agent-bruno'); // Alice holds this file, Bruno none
    await supervisor.assign(file.id, 'agent-chloe').then(expectStatus(422)); // not of the file's team
    const reassigned = (await supervisor.assign(file.id, 'agent-bruno').then(expectStatus(200))).body;
    expect(reassigned.assignee).toBe('agent-bruno');
    expect(reassigned.history.map((entry: { kind: string }) => entry.kind)).toEqual([
      'routed',
      'claimed',
      'reassigned',
    ]);
    await alice.claim(file.id).then(expectStatus(409));

    const asked = (
      await bruno
        .requestInfo(file.id, 'Merci de préciser les aides déjà reçues.', '2026-03-20')
        .then(expectStatus(200))
    ).body;
    expect(asked).toMatchObject({ status: 'info_requested', decisionDeadline: null });
    await bruno.requestInfo(file.id, 'Encore une question ?', '2026-03-25').then(expectStatus(409));
    await bruno.proposeCarePlan(file.id, 80_000).then(expectStatus(409)); // waiting for the answer

    await routing.send(SUBJECTS.applicationComplemented, file.id, {
      applicationId: file.id,
      procedure: 'apa',
      complementedAt: '2026-03-05T10:00:00Z',
      answer: 'Aide à domicile 4 h par semaine.',
      decisionDeadline: '2026-05-05',
    });
    await eventually(async () => expect((await bruno.get(file.id)).body.status).toBe('in_review'));
    expect((await bruno.get(file.id)).body).toMatchObject({
      decisionDeadline: '2026-05-05',
      completeOn: '2026-03-05',
    });

    const refused = await bruno.decide(file.id, { outcome: 'rejected' }).then(expectStatus(400));
    expect(refused.body.error.details[0].field).toBe('reason');
    const decided = (
      await bruno
        .decide(file.id, {
          outcome: 'rejected',
          reason: 'La personne réside hors du département depuis plus de trois mois (domicile de secours).',
        })
        .then(expectStatus(200))
    ).body;
    expect(decided.status).toBe('rejected');
    await bruno.decide(file.id, { outcome: 'closed' }).then(expectStatus(409));

    const assigned = await routing.events(SUBJECTS.applicationAssigned, file.id);
    expect(assigned.map((event) => (event.payload as { agentId: string }).agentId)).toEqual([
      'agent-alice',
      'agent-bruno',
    ]);
    const infoRequested = await routing.events(SUBJECTS.applicationInfoRequested, file.id);
    expect(infoRequested).toHaveLength(1);
    expect(infoRequested[0].payload).toMatchObject({ clockEffect: 'restarts', answerBy: '2026-03-20' });
    const decisions = await routing.events(SUBJECTS.applicationDecided, file.id);
    expect(decisions).toHaveLength(1);
    expect(decisions[0].payload).toMatchObject({ outcome: 'rejected' });
    expect((decisions[0].payload as { remedies: string }).remedies).toContain('L134-2');
  });

  it('APCR: a request for more suspends the clock; the grant stays within the request, the rate and the cap', async () => {
    const file = await submitFile(routing, { procedure: 'apcr' });
    await routed(file.id, chloe);
    await chloe
      .requestInfo(file.id, 'Merci de joindre la délibération du conseil.', '2026-04-01')
      .then(expectStatus(200));
    const [asked] = await routing.events(SUBJECTS.applicationInfoRequested, file.id);
    expect(asked.payload).toMatchObject({ clockEffect: 'suspends' });
    expect((await chloe.get(file.id)).body).toMatchObject({ clockSuspendedOn: '2026-03-02', daysLeft: null });
    await routing.send(SUBJECTS.applicationComplemented, file.id, {
      applicationId: file.id,
      procedure: 'apcr',
      complementedAt: '2026-03-02T15:00:00Z',
    });
    await routing.send(SUBJECTS.applicationDeadlineChanged, file.id, {
      applicationId: file.id,
      decisionDeadline: '2026-05-02',
      suspendedOn: null,
      cause: 'complemented',
    });
    await eventually(async () => expect((await chloe.get(file.id)).body.clockSuspendedOn).toBeNull());

    // requested 12 000 €, cost 20 000 € HT × 80 % = 16 000 €: at most 12 000 €
    const tooMuch = await chloe
      .decide(file.id, { outcome: 'granted', amountCents: 1_200_001 })
      .then(expectStatus(400));
    expect(tooMuch.body.error.details[0].field).toBe('amountCents');
    await chloe.decide(file.id, { outcome: 'granted', amountCents: 1_000_000 }).then(expectStatus(200));
    const [decided] = await routing.events(SUBJECTS.applicationDecided, file.id);
    expect(decided.payload).toMatchObject({ outcome: 'granted', amountCents: 1_000_000 });
    expect((decided.payload as { remedies: string }).remedies).toContain('R421-1');
  });

  it('previews a decision exactly as it will be recorded, and records nothing', async () => {
    const file = await submitFile(routing, { procedure: 'apcr' });
    await routed(file.id, chloe);
    const before = (await chloe.get(file.id)).body;
    const preview = (
      await chloe
        .previewDecision(file.id, { outcome: 'granted', amountCents: 800_000 })
        .then(expectStatus(200))
    ).body;
    expect(preview.decision).toMatchObject({ outcome: 'granted', amountCents: 800_000 });
    expect(preview.decision.remedies).toContain('R421-1');
    // Nothing kept: no decision, no history line, no event; a refused preview is the refusal the decision would get.
    expect((await chloe.get(file.id)).body).toEqual(before);
    expect(await routing.events(SUBJECTS.applicationDecided, file.id)).toHaveLength(0);
    const refused = await chloe.previewDecision(file.id, { outcome: 'rejected' }).then(expectStatus(400));
    expect(refused.body.error.details[0].field).toBe('reason');
    const decided = (
      await chloe.decide(file.id, { outcome: 'granted', amountCents: 800_000 }).then(expectStatus(200))
    ).body;
    expect({ ...decided.decision, decidedAt: undefined }).toEqual({
      ...preview.decision,
      decidedAt: undefined,
    });
  });

  it('two agents deciding one file at once: one 200, one 409, one decision', async () => {
    const file = await submitFile(routing, { procedure: 'apcr' });
    await routed(file.id, chloe);
    const other = staff(routing.service.url, 'supervisor', 'chef-apcr', ['APCR-DESK']);
    const answers = await Promise.all([
      chloe.decide(file.id, { outcome: 'granted', amountCents: 900_000 }),
      other.decide(file.id, {
        outcome: 'rejected',
        reason: 'Le projet ne relève pas des catégories aidées.',
      }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.error.code).toBe('INVALID_TRANSITION');
    expect(await routing.events(SUBJECTS.applicationDecided, file.id)).toHaveLength(1);
  });

  it('shows a supervisor the open files of each agent of their teams, the least loaded first; not an agent', async () => {
    const file = await submitFile(routing, { procedure: 'apcr' });
    await routed(file.id, chloe);
    await chloe.claim(file.id).then(expectStatus(200));
    const load = (
      await request(routing.service.url)
        .get('/api/back-office/teams-load')
        .set('Authorization', await bearer('supervisor', { sub: 'chef-apcr', teams: ['APCR-DESK'] }))
        .expect(200)
    ).body;
    expect(load.items).toHaveLength(1);
    expect(load.items[0].teamCode).toBe('APCR-DESK');
    const counts = load.items[0].agents.map((agent: { openFiles: number }) => agent.openFiles);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(
      load.items[0].agents.find((agent: { subject: string }) => agent.subject === 'agent-chloe')?.openFiles,
    ).toBeGreaterThan(0);
    await request(routing.service.url)
      .get('/api/back-office/teams-load')
      .set('Authorization', await bearer('agent', { sub: 'agent-chloe', teams: ['APCR-DESK'] }))
      .expect(403);
  });

  it('gives a file back to the team’s inbox: only its agent (or a supervisor); the inbox filters by commune', async () => {
    const file = await submitFile(routing);
    await routed(file.id, alice);
    await alice.claim(file.id).then(expectStatus(200));
    await bruno.release(file.id).then(expectStatus(409));
    const released = (await alice.release(file.id).then(expectStatus(200))).body;
    expect(released.assignee).toBeNull();
    expect(released.history.map((entry: { kind: string }) => entry.kind)).toContain('released');
    await bruno.claim(file.id).then(expectStatus(200));
    const inCommune = (await alice.list({ commune: file.communeInsee }).then(expectStatus(200))).body;
    expect(inCommune.items.map((item: { id: string }) => item.id)).toContain(file.id);
    const elsewhere = (await alice.list({ commune: '14118' }).then(expectStatus(200))).body;
    expect(elsewhere.items.map((item: { id: string }) => item.id)).not.toContain(file.id);
    await alice.list({ commune: 'Bayeux' }).then(expectStatus(400));
  });

  it('closes a withdrawn file in the inbox', async () => {
    const file = await submitFile(routing);
    await routed(file.id, alice);
    await routing.send(SUBJECTS.applicationWithdrawn, file.id, {
      applicationId: file.id,
      procedure: 'apa',
      withdrawnAt: '2026-03-02T12:00:00Z',
      applicant: { subject: 'citizen-jeanne' },
    });
    await eventually(async () => expect((await alice.get(file.id)).body.status).toBe('withdrawn'));
    await alice.claim(file.id).then(expectStatus(409));
  });
});
