import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { eventually, settledWithoutWaiting, SHORT_RETRY_BUDGET, waitedPastRetryBudget } from '#testing';
import { expectStatus, type RoutingUnderTest, staff, startRouting, submitFile } from './routing.harness.js';

/**
 * Intake's events about a file come on separate subjects, so routing may receive one before the file itself. Each
 * such event waits (NotYet) past the whole retry budget, then applies once the file is there: no dead letter.
 */
describe('routing: file events that arrive before the file (real PostgreSQL + nats-server)', () => {
  let routing: RoutingUnderTest;
  let alice: ReturnType<typeof staff>;

  beforeAll(async () => {
    routing = await startRouting('out_of_order', '2026-03-02T09:00:00Z', { ...SHORT_RETRY_BUDGET });
    alice = staff(routing.service.url, 'agent', 'agent-alice', ['CAS-BESSIN']);
  });

  afterAll(async () => {
    await routing?.stop();
  });

  it('a withdrawal before the submission: the file is routed once, then closed once', async () => {
    const id = uuidv7();
    const withdrawn = await routing.send(SUBJECTS.applicationWithdrawn, id, {
      applicationId: id,
      procedure: 'apa',
      withdrawnAt: '2026-03-02T12:00:00Z',
      applicant: { subject: 'citizen-jeanne' },
    });
    expect(await waitedPastRetryBudget(routing.databaseUrl, 'routing', withdrawn.id)).toBe(
      `${SUBJECTS.applicationSubmitted} of ${id}`,
    );

    await submitFile(routing, { id });
    const file = await eventually(async () => {
      const detail = expectStatus(200)(await alice.get(id)).body;
      expect(detail.status).toBe('withdrawn');
      return detail;
    });
    expect(file.history.filter((entry: { kind: string }) => entry.kind === 'withdrawn')).toHaveLength(1);
    expect(await routing.events(SUBJECTS.applicationRouted, id)).toHaveLength(1);
    expect(await settledWithoutWaiting(routing.databaseUrl, 'routing')).toEqual([]);
  });

  it('an answer and a moved deadline before the submission: both apply once the file is there', async () => {
    const id = uuidv7();
    const complemented = await routing.send(SUBJECTS.applicationComplemented, id, {
      applicationId: id,
      procedure: 'apa',
      complementedAt: '2026-03-05T10:00:00Z',
      answer: 'Aide à domicile 4 h par semaine.',
      // The same deadline as the move below: the two wait on different subjects, in no set order.
      decisionDeadline: '2026-05-09',
    });
    const moved = await routing.send(SUBJECTS.applicationDeadlineChanged, id, {
      applicationId: id,
      decisionDeadline: '2026-05-09',
      suspendedOn: null,
      cause: 'complemented',
    });
    await waitedPastRetryBudget(routing.databaseUrl, 'routing', complemented.id);
    await waitedPastRetryBudget(routing.databaseUrl, 'routing', moved.id);

    await submitFile(routing, { id });
    await eventually(async () => {
      const detail = expectStatus(200)(await alice.get(id)).body;
      expect(detail.decisionDeadline).toBe('2026-05-09');
      expect(detail.history.map((entry: { kind: string }) => entry.kind)).toEqual(
        expect.arrayContaining(['complemented']),
      );
    });
    expect(await settledWithoutWaiting(routing.databaseUrl, 'routing')).toEqual([]);
  });
});
