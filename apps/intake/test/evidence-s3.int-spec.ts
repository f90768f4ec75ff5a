import pg from 'pg';
import request from 'supertest';
import { SUBJECTS } from '#domain';
import { ConfigurationError, loadConfig } from '#platform';
import { bearer, startTestS3, type TestS3 } from '#testing';
import { IntakeConfig } from '../src/intake.config.js';
import { evidenceStorageFrom } from '../src/evidence/storage/evidence-storage.provider.js';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { bytes, fileWithEvidenceRequested, PDF } from './evidence.fixture.js';
import { citizen, expectStatus, type IntakeUnderTest, startIntake } from './intake.harness.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

describe('intake: evidence in an S3-compatible object store (EVIDENCE_STORAGE=s3, real S3 API server)', () => {
  let s3: TestS3;
  let intake: IntakeUnderTest;
  let jeanne: ReturnType<typeof citizen>;

  const upload = async (id: string, content: Buffer, name: string) =>
    request(intake.service.url)
      .post(`/api/applications/${id}/evidence`)
      .set('Authorization', await jeanne.token())
      .attach('file', content, name);

  const evidenceRows = async (id: string) => {
    const client = new pg.Client({ connectionString: intake.databaseUrl });
    await client.connect();
    try {
      return (await client.query('SELECT location FROM intake.evidence WHERE application_id = $1', [id]))
        .rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    s3 = await startTestS3();
    intake = await startIntake('evidence_s3', DEFAULT_PROCEDURES, { variables: s3.variables });
    jeanne = citizen(intake.service.url, 'citizen-jeanne-s3');
  });

  afterAll(async () => {
    await intake?.stop();
    await s3?.stop();
  });

  it('stores the file as one object <file>/<evidence> and serves the same bytes to the auditor', async () => {
    const { id } = await fileWithEvidenceRequested(intake, jeanne);
    const receipt = (await upload(id, PNG, 'quittance.png').then(expectStatus(201))).body;
    expect(receipt.contentType).toBe('image/png');
    const key = `${id}/${receipt.id}`;
    expect(await s3.keys()).toContain(key);
    expect(Buffer.from(await s3.object(key)).equals(PNG)).toBe(true);
    expect(await evidenceRows(id)).toEqual([{ location: `s3://${s3.bucket}/${key}` }]);
    const downloaded = await request(intake.service.url)
      .get(`/api/applications/${id}/evidence/${receipt.id}`)
      .set('Authorization', await bearer('auditor', { sub: 'auditor-claire' }))
      .buffer(true)
      .parse(bytes)
      .then(expectStatus(200));
    expect((downloaded.body as Buffer).equals(PNG)).toBe(true);
    expect(downloaded.headers['content-type']).toBe('image/png');
  });

  it('a database failure after the object is written removes the object: no orphan, nothing recorded', async () => {
    const { id } = await fileWithEvidenceRequested(intake, jeanne);
    const admin = new pg.Client({ connectionString: intake.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`
        CREATE FUNCTION intake.refuse_evidence() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'test: evidence insert refused'; END $$;
        CREATE TRIGGER refuse_evidence BEFORE INSERT ON intake.evidence
          FOR EACH ROW EXECUTE FUNCTION intake.refuse_evidence();`);
      await upload(id, PDF, 'avis.pdf').then(expectStatus(500));
      expect((await s3.keys()).filter((key) => key.startsWith(`${id}/`))).toEqual([]);
      expect(await evidenceRows(id)).toEqual([]);
      expect(await intake.events(SUBJECTS.checkEvidenceReceived, id)).toHaveLength(0);
    } finally {
      await admin.query(
        'DROP TRIGGER refuse_evidence ON intake.evidence; DROP FUNCTION intake.refuse_evidence()',
      );
      await admin.end();
    }
    await upload(id, PDF, 'avis.pdf').then(expectStatus(201)); // the citizen tries again: it works
  });

  it('refuses at boot a bucket that does not exist, and a configuration without a bucket, naming the variable', async () => {
    const config = loadConfig(IntakeConfig, {
      DATABASE_URL: 'postgres://x@localhost/x',
      NATS_URL: 'nats://localhost:4222',
      ...s3.variables,
      EVIDENCE_S3_BUCKET: 'no-such-bucket',
    });
    await expect(evidenceStorageFrom(config).verify()).rejects.toThrow(/EVIDENCE_S3_BUCKET=no-such-bucket/);
    const withoutBucket = () =>
      loadConfig(IntakeConfig, {
        DATABASE_URL: 'postgres://x@localhost/x',
        NATS_URL: 'nats://localhost:4222',
        EVIDENCE_STORAGE: 's3',
      });
    expect(withoutBucket).toThrow(ConfigurationError);
    expect(withoutBucket).toThrow(/EVIDENCE_S3_BUCKET \(.*est obligatoire avec EVIDENCE_STORAGE=s3/);
  });

  it('a store that does not answer gives 503 with a French message, and nothing is recorded (last: stops the store)', async () => {
    const { id } = await fileWithEvidenceRequested(intake, jeanne);
    await s3.stop();
    const refused = await upload(id, PDF, 'avis.pdf').then(expectStatus(503));
    expect(refused.body.error).toMatchObject({ code: 'EVIDENCE_STORAGE_UNAVAILABLE' });
    expect(refused.body.error.message).toContain('réessayez');
    expect(await evidenceRows(id)).toEqual([]);
    expect(await intake.events(SUBJECTS.checkEvidenceReceived, id)).toHaveLength(0);
    expect((await jeanne.get(id)).body.handling.check?.status).toBe('evidence_requested');
  });
});
