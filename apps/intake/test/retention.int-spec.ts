import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { type ApplicationRetentionDueV1, SUBJECTS } from '#domain';
import { ManualClock } from '#platform';
import { eventually } from '#testing';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { FileRetentionJob } from '../src/retention/file-retention.job.js';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { citizen, expectStatus, type IntakeUnderTest, staff, startIntake } from './intake.harness.js';

const YEAR_DAYS = 366;

describe('intake: retention of closed files (GDPR art. 5-1-e), with a controllable clock (PostgreSQL + NATS)', () => {
  let intake: IntakeUnderTest;
  let clock: ManualClock;
  let job: FileRetentionJob;
  let database: pg.Client;
  let jeanne: ReturnType<typeof citizen>;

  const announced = async (id: string) =>
    (await intake.events(SUBJECTS.applicationRetentionDue, id)).map(
      (event) => (event.payload as ApplicationRetentionDueV1).categories,
    );
  const count = async (table: string, id: string) =>
    Number(
      (await database.query(`SELECT count(*) FROM intake.${table} WHERE application_id = $1`, [id])).rows[0]
        .count,
    );

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    intake = await startIntake('file-retention', DEFAULT_PROCEDURES, { clock });
    job = intake.service.app.get(FileRetentionJob);
    database = new pg.Client({ connectionString: intake.databaseUrl });
    await database.connect();
    jeanne = citizen(intake.service.url, 'citizen-jeanne-retention');
  });

  afterAll(async () => {
    await database?.end();
    await intake?.stop();
  });

  it('purges and announces each category once its time is over, and only then; an open file keeps everything', async () => {
    // A file filed, routed, read by its team, with a piece of evidence; then withdrawn (closed).
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    await intake.send(SUBJECTS.applicationRouted, id, {
      applicationId: id,
      teamCode: 'CTS-BAYEUX',
      contact: {
        name: 'CAS de Bayeux',
        phone: '02 31 51 00 00',
        email: 'cas.bayeux@calvados.fr',
        address: 'Bayeux',
      },
      reason: 'règle APA du Bessin',
    });
    await eventually(async () => expect((await jeanne.get(id)).body.handling.team?.code).toBe('CTS-BAYEUX'));
    await staff(intake.service.url, 'agent', 'agent-marie', ['CTS-BAYEUX'])
      .content(id, 'instruction')
      .then(expectStatus(200));
    await database.query(
      `INSERT INTO intake.evidence (id, application_id, check_id, file_name, content_type, size_bytes, location, received_at)
       VALUES ($1, $2, $3, 'avis-imposition.pdf', 'application/pdf', 10, 'retention-test/absent.pdf', now())`,
      [uuidv7(), id, uuidv7()],
    );
    await jeanne.withdraw(id).then(expectStatus(200));
    // Another file of Jeanne's, still open: never touched.
    const open: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(open).then(expectStatus(201));

    // Not yet: one day before a year has passed.
    clock.set(new Date(Date.now() + (365 - 1) * 86_400_000));
    expect(await job.purgeDue()).toBe(0);

    // After a year: the routing copy and the messages (kept elsewhere) are announced; nothing of intake's goes.
    clock.set(new Date(Date.now() + 2 * YEAR_DAYS * 86_400_000));
    expect(await job.purgeDue()).toBe(1);
    expect(await job.purgeDue()).toBe(0);
    await eventually(async () => expect(await announced(id)).toEqual([['routingCopy', 'messages']]));
    expect((await jeanne.get(id)).body.data).toMatchObject({ beneficiary: expect.any(Object) });

    // After five: the evidence (row and stored file) and the control case.
    clock.set(new Date(Date.now() + 6 * YEAR_DAYS * 86_400_000));
    expect(await job.purgeDue()).toBe(1);
    await eventually(async () =>
      expect(await announced(id)).toEqual([
        ['routingCopy', 'messages'],
        ['evidence', 'controlCase'],
      ]),
    );
    expect(await count('evidence', id)).toBe(0);
    expect(await count('timeline_entries', id)).toBeGreaterThan(0);
    expect(await count('access_log', id)).toBe(1);

    // After ten: the content is anonymised, the timeline and the access log deleted.
    clock.set(new Date(Date.now() + 11 * YEAR_DAYS * 86_400_000));
    expect(await job.purgeDue()).toBe(1);
    expect(await job.purgeDue()).toBe(0);
    await eventually(async () =>
      expect(await announced(id)).toEqual([
        ['routingCopy', 'messages'],
        ['evidence', 'controlCase'],
        ['fileContent', 'timeline', 'accessLog'],
      ]),
    );
    const [row] = (
      await database.query(
        'SELECT data, owner_subject, status, receipt_number, retention_done FROM intake.applications WHERE id = $1',
        [id],
      )
    ).rows;
    expect(row).toMatchObject({ data: {}, owner_subject: 'anonymised', status: 'withdrawn' });
    expect(row.receipt_number).toMatch(/^APA-/);
    expect(row.retention_done).toHaveLength(7);
    expect(await count('timeline_entries', id)).toBe(0);
    expect(await count('access_log', id)).toBe(0);
    // The file is nobody's any more; the open one is whole.
    expect((await jeanne.get(id)).status).toBe(404);
    expect((await jeanne.list()).body.items.map((item: { id: string }) => item.id)).toEqual([open]);
    expect((await jeanne.get(open)).body.data).toMatchObject({ beneficiary: expect.any(Object) });
    expect(await announced(open)).toEqual([]);
  });
});
