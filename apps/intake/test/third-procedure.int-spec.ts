import request from 'supertest';
import { addMonths, parisDate } from '#domain';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';
import { engineeringProcedure } from './engineering/engineering.procedure.js';
import { citizen, expectStatus, type IntakeUnderTest, startIntake } from './intake.harness.js';

describe('intake: a third procedure is one folder and one registry line', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake('third', [...DEFAULT_PROCEDURES, engineeringProcedure]);
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('is described, validated, checked and filed like the others', async () => {
    const described = await request(intake.service.url).get('/api/procedures/ingenierie').expect(200);
    expect(described.body.form.properties).toHaveProperty('communeInsee');

    const mayor = citizen(intake.service.url, 'epci-officer');
    const bad = await mayor.createDraft('ingenierie', { communeInsee: 'Bayeux' }).then(expectStatus(400));
    expect(bad.body.error.details[0]).toEqual({
      field: 'communeInsee',
      reason: 'doit être un code INSEE de commune (5 caractères)',
    });

    const draft = await mayor
      .createDraft('ingenierie', { communeInsee: '14047', subject: 'Voirie' })
      .then(expectStatus(201));
    const receipt = await mayor.submit(draft.body.id).then(expectStatus(201));
    expect(receipt.body.receiptNumber).toMatch(/^ING-\d{4}-000001$/);
    expect(receipt.body.decisionDeadline).toBe(addMonths(parisDate(new Date()), 1));
  });
});
