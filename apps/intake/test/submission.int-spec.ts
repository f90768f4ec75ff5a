import request from 'supertest';
import { addMonths, parisDate, SUBJECTS } from '#domain';
import { bearer, eventsOnStream, query } from '#testing';
import { DraftRetention } from '../src/retention/draft-retention.service.js';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { validApcrFormData } from '../src/procedures/apcr/apcr.fixtures.js';
import { citizen, expectStatus, type IntakeUnderTest, startIntake } from './intake.harness.js';

describe('intake: drafts and submission (real PostgreSQL + nats-server)', () => {
  let intake: IntakeUnderTest;
  let jeanne: ReturnType<typeof citizen>;

  beforeAll(async () => {
    intake = await startIntake('submission');
    jeanne = citizen(intake.service.url, 'citizen-jeanne');
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('describes its procedures to anyone: fields, rules and deadline', async () => {
    const response = await request(intake.service.url).get('/api/procedures').expect(200);
    const apa = response.body.items.find((item: { code: string }) => item.code === 'apa');
    expect(apa.deadline).toMatchObject({ months: 2, silenceMeans: 'granted' });
    expect(Object.keys(apa.form.properties)).toEqual(
      expect.arrayContaining(['beneficiary', 'address', 'household']),
    );
    expect(Object.keys(apa.form.definitions).length).toBeGreaterThan(2);
    expect(apa.form.definitions.ApaBeneficiary.required).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'birthDate']),
    );
    expect(response.body.items.map((item: { code: string }) => item.code)).toEqual(['apa', 'apcr']);
  });

  it('saves a draft in several goes, refusing only what is malformed, by field', async () => {
    const full = validApaFormData();
    const draft = await jeanne.createDraft('apa', { beneficiary: full.beneficiary }).then(expectStatus(201));
    expect(draft.body.status).toBe('draft');

    await jeanne.save(draft.body.id, { address: full.address }).then(expectStatus(200));
    const malformed = await jeanne.save(draft.body.id, {
      address: { ...full.address, communeInsee: 'Bayeux' },
      shoeSize: 42,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'address.communeInsee' }),
        { field: 'shoeSize', reason: 'champ inconnu : il ne fait pas partie du formulaire' },
      ]),
    );
    const nul = await jeanne.save(draft.body.id, {
      beneficiary: { ...full.beneficiary, firstName: 'Jea\u0000nne' },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('INVALID_TEXT');
    const unknown = await jeanne.createDraft('pch').then(expectStatus(400));
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ field: 'procedure' })]);
    const stored = await jeanne.get(draft.body.id).then(expectStatus(200));
    expect(stored.body.data).toEqual({ beneficiary: full.beneficiary, address: full.address });
  });

  it('refuses an incomplete submission with every error at once, the sworn statement included', async () => {
    const draft = await jeanne
      .createDraft('apa', { beneficiary: validApaFormData().beneficiary })
      .then(expectStatus(201));
    const refused = await jeanne.submit(draft.body.id, { swornStatement: false }).then(expectStatus(400));
    const fields = refused.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['swornStatement', 'address', 'household']));
    expect(refused.body.error.details).toContainEqual({ field: 'address', reason: 'champ obligatoire' });
    expect(refused.body.error.message).toMatch(/incomplète/);
    expect((await jeanne.get(draft.body.id)).body.status).toBe('draft');
  });

  it('refuses an ineligible request with its reason in French (APA under 60, CASF L232-1)', async () => {
    const young = validApaFormData();
    young.beneficiary.birthDate = '1990-05-12';
    const draft = await jeanne.createDraft('apa', young).then(expectStatus(201));
    const refused = await jeanne.submit(draft.body.id).then(expectStatus(422));
    expect(refused.body.error.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'beneficiary.birthDate' })]);
    expect(refused.body.error.details[0].reason).toMatch(/60 ans/);
  });

  it('files an APA request: receipt number, legal deadline, event through the outbox, timeline', async () => {
    const draft = await jeanne.createDraft('apa', validApaFormData()).then(expectStatus(201));
    const receipt = await jeanne.submit(draft.body.id).then(expectStatus(201));
    const today = parisDate(new Date());
    expect(receipt.body).toMatchObject({
      receiptNumber: expect.stringMatching(new RegExp(`^APA-${today.slice(0, 4)}-\\d{6}$`)),
      decisionDeadline: addMonths(today, 2),
      silenceMeans: 'granted',
    });
    const file = await jeanne.get(draft.body.id).then(expectStatus(200));
    expect(file.body).toMatchObject({
      status: 'submitted',
      statusLabel: 'Déposée',
      receiptNumber: receipt.body.receiptNumber,
    });
    const timeline = await jeanne.timeline(draft.body.id).then(expectStatus(200));
    expect(timeline.body.items.map((item: { kind: string }) => item.kind)).toEqual([
      'draft_created',
      'submitted',
    ]);
    expect(timeline.body.items[1].text).toContain(receipt.body.receiptNumber);

    const events = (await eventsOnStream(intake.nats.url, SUBJECTS.applicationSubmitted)).filter(
      (event) => event.aggregateId === draft.body.id,
    );
    expect(events).toHaveLength(1);
    const payload = events[0].payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      procedure: 'apa',
      receiptNumber: receipt.body.receiptNumber,
      communeInsee: '14047',
    });
    // Routing, checks and notifications get what they need, not the citizen's identity.
    expect(JSON.stringify(payload)).not.toContain(validApaFormData().beneficiary.lastName);
  });

  it('files an APCR request and warns when works would start before the expected decision', async () => {
    const early = validApcrFormData();
    early.project.plannedStartDate = parisDate(new Date());
    const draft = await jeanne.createDraft('apcr', early).then(expectStatus(201));
    const receipt = await jeanne.submit(draft.body.id).then(expectStatus(201));
    expect(receipt.body.receiptNumber).toMatch(/^APCR-\d{4}-000001$/);
    expect(receipt.body.silenceMeans).toBe('rejected');
    expect(receipt.body.warnings.map((warning: { code: string }) => warning.code)).toContain(
      'APCR_WORKS_BEFORE_DECISION',
    );
  });

  it('accepts one APCR project of each kind per commune and year (one energy or digital, one fire defence…)', async () => {
    const file = async (category: string) => {
      const form = validApcrFormData();
      form.project.category = category as typeof form.project.category;
      const draft = await jeanne.createDraft('apcr', form).then(expectStatus(201));
      return jeanne.submit(draft.body.id);
    };
    expect((await file('digital')).status).toBe(201);
    const second = await file('energy_renovation');
    expect(second.status).toBe(422);
    expect(second.body.error.details).toEqual([expect.objectContaining({ field: 'project.category' })]);
    expect(second.body.error.details[0].reason).toMatch(/rénovation énergétique ou numérique/);
    expect((await file('fire_defence')).status).toBe(201);
  });

  it('answers a retried submission with the first answer: same key, one file, one event', async () => {
    const draft = await jeanne.createDraft('apa', validApaFormData()).then(expectStatus(201));
    const key = `retry-${draft.body.id}`;
    const [first, second] = await Promise.all([
      jeanne.submit(draft.body.id, undefined, key),
      jeanne.submit(draft.body.id, undefined, key),
    ]);
    const third = await jeanne.submit(draft.body.id, undefined, key);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(third.headers['idempotent-replayed']).toBe('true');
    const events = (await eventsOnStream(intake.nats.url, SUBJECTS.applicationSubmitted)).filter(
      (event) => event.aggregateId === draft.body.id,
    );
    expect(events).toHaveLength(1);
    const numbers = await query(
      intake.databaseUrl,
      'SELECT receipt_number FROM intake.applications WHERE id = $1',
      [draft.body.id],
    );
    expect(numbers).toEqual([{ receipt_number: first.body.receiptNumber }]);
    const again = await jeanne.submit(draft.body.id).then(expectStatus(409));
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('hides a file from another citizen (404) and refuses agents (403)', async () => {
    const draft = await jeanne.createDraft('apa', validApaFormData()).then(expectStatus(201));
    const paul = citizen(intake.service.url, 'citizen-paul');
    await paul.get(draft.body.id).then(expectStatus(404));
    await paul.submit(draft.body.id).then(expectStatus(404));
    await paul.timeline(draft.body.id).then(expectStatus(404));
    expect((await paul.list()).body.items).toEqual([]);
    await request(intake.service.url)
      .get(`/api/applications/${draft.body.id}`)
      .set('Authorization', await bearer('agent'))
      .expect(403);
  });

  it('lets the citizen withdraw a filed request, once', async () => {
    const draft = await jeanne.createDraft('apa', validApaFormData()).then(expectStatus(201));
    await jeanne.submit(draft.body.id).then(expectStatus(201));
    const withdrawn = await jeanne.withdraw(draft.body.id).then(expectStatus(200));
    expect(withdrawn.body.status).toBe('withdrawn');
    await jeanne.withdraw(draft.body.id).then(expectStatus(409));
    const events = await eventsOnStream(intake.nats.url, SUBJECTS.applicationWithdrawn);
    expect(events.filter((event) => event.aggregateId === draft.body.id)).toHaveLength(1);
  });

  it('estimates APA for an unknown GIR: the four ceilings', async () => {
    const response = await request(intake.service.url)
      .post('/api/procedures/apa/estimate')
      .send({ gir: 'unknown', monthlyResourcesCents: 150_000, household: 'alone', date: '2026-06-01' })
      .expect(200);
    expect(
      response.body.estimates.map((estimate: { ceilingCents: number }) => estimate.ceilingCents),
    ).toEqual([208033, 168230, 121599, 81152]);
    const bad = await request(intake.service.url)
      .post('/api/procedures/apa/estimate')
      .send({ gir: 5, household: 'alone' })
      .expect(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining(['gir', 'monthlyResourcesCents']),
    );
  });

  it('deletes drafts left untouched longer than DRAFT_RETENTION_DAYS (90), never a filed request', async () => {
    const forgotten = await jeanne
      .createDraft('apa', { beneficiary: validApaFormData().beneficiary })
      .then(expectStatus(201));
    const filed = await jeanne.createDraft('apa', validApaFormData()).then(expectStatus(201));
    await jeanne.submit(filed.body.id).then(expectStatus(201));
    await query(
      intake.databaseUrl,
      "UPDATE intake.applications SET updated_at = now() - interval '91 days' WHERE id = ANY($1::uuid[])",
      [[forgotten.body.id, filed.body.id]],
    );
    const deleted = await intake.service.app.get(DraftRetention).purge();
    expect(deleted).toBeGreaterThanOrEqual(1);
    await jeanne.get(forgotten.body.id).then(expectStatus(404));
    await jeanne.get(filed.body.id).then(expectStatus(200));
    expect(
      await query(intake.databaseUrl, 'SELECT 1 FROM intake.timeline_entries WHERE application_id = $1', [
        forgotten.body.id,
      ]),
    ).toEqual([]);
  });
});
