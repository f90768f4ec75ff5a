import { SUBJECTS } from '#domain';
import { eventsOnStream, eventually, query } from '#testing';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { citizen, type IntakeUnderTest, startIntake } from './intake.harness.js';

describe('intake: receipt numbers under concurrency (real PostgreSQL + nats-server)', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake('receipts');
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('gives 200 concurrent submissions 200 distinct receipt numbers without gaps, and one event each', async () => {
    const people = Array.from({ length: 200 }, (_, index) => citizen(intake.service.url, `citizen-${index}`));
    const drafts = await Promise.all(
      people.map(async (person) => (await person.createDraft('apa', validApaFormData())).body.id as string),
    );
    const responses = await Promise.all(people.map((person, index) => person.submit(drafts[index])));
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));

    const sequences = responses
      .map((response) => Number(String(response.body.receiptNumber).split('-')[2]))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));

    const stored = await query<{ count: string }>(
      intake.databaseUrl,
      'SELECT count(DISTINCT receipt_number) FROM intake.applications',
    );
    expect(Number(stored[0].count)).toBe(200);
    await eventually(async () => {
      const events = await eventsOnStream(intake.nats.url, SUBJECTS.applicationSubmitted);
      expect(new Set(events.map((event) => event.aggregateId))).toEqual(new Set(drafts));
      expect(events).toHaveLength(200);
    }, 30_000);
  });
});
