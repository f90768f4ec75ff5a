import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { bearer, eventually } from '#testing';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { bytes, fileWithEvidenceRequested, PDF } from './evidence.fixture.js';
import { citizen, expectStatus, type IntakeUnderTest, staff, startIntake } from './intake.harness.js';

const MAX_BYTES = 2_000;

describe('intake: evidence for an after-the-fact control, uploaded by the citizen (PostgreSQL + NATS)', () => {
  let intake: IntakeUnderTest;
  let jeanne: ReturnType<typeof citizen>;
  let folder: string;

  const upload = async (id: string, content: Buffer | null, who = jeanne) => {
    const call = request(intake.service.url)
      .post(`/api/applications/${id}/evidence`)
      .set('Authorization', await who.token());
    return content ? call.attach('file', content, 'avis-imposition.pdf') : call.field('nothing', 'here');
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'guichet-evidence-'));
    intake = await startIntake('evidence', DEFAULT_PROCEDURES, {
      variables: { EVIDENCE_DIR: folder, EVIDENCE_MAX_BYTES: String(MAX_BYTES) },
    });
    jeanne = citizen(intake.service.url, 'citizen-jeanne-evidence');
  });

  afterAll(async () => {
    await intake?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('accepts a PDF, stores it, tells checks once (check.evidence-received) and shows it in the timeline', async () => {
    const { id, checkId } = await fileWithEvidenceRequested(intake, jeanne);
    const receipt = (await upload(id, PDF).then(expectStatus(201))).body;
    expect(receipt).toMatchObject({
      checkId,
      fileName: 'avis-imposition.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(readdirSync(join(folder, id))).toHaveLength(1);
    const events = await intake.events(SUBJECTS.checkEvidenceReceived, id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      checkId,
      applicationId: id,
      documents: ['avis-imposition.pdf'],
    });
    const timeline = (await jeanne.timeline(id)).body.items as { kind: string }[];
    expect(timeline.map((item) => item.kind)).toContain('evidence_received');
  });

  it('the citizen and the auditor of the open control read the evidence; the auditor’s download is logged; nobody else reads it', async () => {
    const { id, checkId } = await fileWithEvidenceRequested(intake, jeanne);
    const receipt = (await upload(id, PDF).then(expectStatus(201))).body;
    const get = (path: string, token: string) =>
      request(intake.service.url).get(`/api/applications/${id}/evidence${path}`).set('Authorization', token);
    const auditor = await bearer('auditor', { sub: 'auditor-claire' });
    const mine = await get('', await jeanne.token()).then(expectStatus(200));
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: receipt.id, checkId, fileName: 'avis-imposition.pdf' }),
    ]);
    const downloaded = await get(`/${receipt.id}`, auditor).buffer(true).parse(bytes).then(expectStatus(200));
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['content-disposition']).toContain("filename*=UTF-8''avis-imposition.pdf");
    const admin = staff(intake.service.url, 'admin', 'admin-1');
    const entries = (await admin.accessLog({ applicationId: id }).then(expectStatus(200))).body.items;
    expect(entries).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ role: 'auditor' }), purpose: 'control' }),
    ]);

    await get('', await citizen(intake.service.url, 'citizen-paul').token()).then(expectStatus(404));
    await get(`/${receipt.id}`, await bearer('agent', { sub: 'agent-marie', teams: ['apa-bessin'] })).then(
      expectStatus(403),
    );
    await get(`/${uuidv7()}`, auditor).then(expectStatus(404));
    await get('/not-a-uuid', auditor).then(expectStatus(400));
    await intake.send(SUBJECTS.checkConcluded, id, {
      checkId,
      applicationId: id,
      outcome: 'compliant',
      reason: 'Ressources conformes à la déclaration',
      remedies: 'Recours gracieux ou tribunal administratif dans les deux mois',
    });
    await eventually(async () =>
      expect((await jeanne.get(id)).body.handling.check?.status).toBe('concluded'),
    );
    const closed = await get(`/${receipt.id}`, auditor).then(expectStatus(403));
    expect(closed.body.error.code).toBe('NO_OPEN_CONTROL');
    await get('', await jeanne.token()).then(expectStatus(200)); // still hers
  });

  it('refuses a file whose content is not PDF, JPEG or PNG, a file too large, and a missing file — with the field named', async () => {
    const { id } = await fileWithEvidenceRequested(intake, jeanne);
    const fake = (
      await upload(id, Buffer.from('MZ this is an executable renamed .pdf')).then(expectStatus(400))
    ).body;
    expect(fake.error.details).toEqual([{ field: 'file', reason: 'doit être un PDF, un JPEG ou un PNG' }]);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]);
    expect((await upload(id, big).then(expectStatus(400))).body.error.details[0].field).toBe('file');
    expect((await upload(id, null).then(expectStatus(400))).body.error.details[0].field).toBe('file');
    expect(await intake.events(SUBJECTS.checkEvidenceReceived, id)).toHaveLength(0);
  });

  it('someone else’s file is a 404; a file with no evidence asked for is a 409', async () => {
    const { id } = await fileWithEvidenceRequested(intake, jeanne);
    await upload(id, PDF, citizen(intake.service.url, 'citizen-someone-else')).then(expectStatus(404));
    const quiet: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(quiet).then(expectStatus(201));
    await upload(quiet, PDF).then(expectStatus(409));
  });

  it('the citizen answers a proposed conclusion once, within the date given (contradictory phase)', async () => {
    const { id, checkId } = await fileWithEvidenceRequested(intake, jeanne);
    const answer = async (text: string) =>
      request(intake.service.url)
        .post(`/api/applications/${id}/control-answer`)
        .set('Authorization', await jeanne.token())
        .send({ answer: text });
    await answer('Trop tôt : rien n’est proposé').then(expectStatus(409));
    await intake.send(SUBJECTS.checkConclusionProposed, id, {
      checkId,
      applicationId: id,
      proposedOutcome: 'overpayment',
      reason: 'Ressources sous-déclarées',
      overpaymentCents: 90_000,
      answerBy: '2099-12-31',
    });
    await eventually(async () =>
      expect((await jeanne.get(id)).body.handling.check?.status).toBe('contradictory'),
    );
    const timeline = (await jeanne.timeline(id)).body.items as { kind: string; text: string }[];
    expect(timeline.find((item) => item.kind === 'check_proposed')?.text).toContain(
      'Vous pouvez répondre jusqu’au',
    );
    await answer('').then(expectStatus(400));
    await answer('J’avais oublié la pension de réversion.').then(expectStatus(201));
    await answer('Une seconde réponse').then(expectStatus(409));
    const answered = await intake.events(SUBJECTS.checkConclusionAnswered, id);
    expect(answered).toHaveLength(1);
    expect(answered[0].payload).toMatchObject({ checkId, answer: 'J’avais oublié la pension de réversion.' });
  });
});
