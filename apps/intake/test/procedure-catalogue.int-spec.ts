import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import request from 'supertest';
import { SUBJECTS } from '#domain';
import { eventsOnStream } from '#testing';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { validApcrFormData } from '../src/procedures/apcr/apcr.fixtures.js';
import { citizen, type IntakeUnderTest, startIntake } from './intake.harness.js';

type Form = Record<string, unknown>;

/** Bad forms the server refuses for a type or a missing field; each is a complete fixture with one fault. */
const BAD_FORMS: Record<string, [string, () => Form][]> = {
  apa: [
    ['a missing part', () => ({ ...validApaFormData(), address: undefined })],
    [
      'a missing field',
      () => ({
        ...validApaFormData(),
        beneficiary: { ...validApaFormData().beneficiary, birthDate: undefined },
      }),
    ],
    ['a number as text', () => ({ ...validApaFormData(), resources: { monthlyResourcesCents: '150000' } })],
    ['a yes/no as text', () => ({ ...validApaFormData(), consentDataExchange: 'oui' })],
    [
      'a value outside the list',
      () => ({ ...validApaFormData(), household: { situation: 'veuve', livesWith: 'alone' } }),
    ],
    ['a list as one value', () => ({ ...validApaFormData(), otherBenefits: 'aucune' })],
    [
      'a date that does not exist',
      () => ({
        ...validApaFormData(),
        beneficiary: { ...validApaFormData().beneficiary, birthDate: '1941-02-30' },
      }),
    ],
    ['an unknown field', () => ({ ...validApaFormData(), shoeSize: 42 })],
  ],
  apcr: [
    ['a missing part', () => ({ ...validApcrFormData(), commune: undefined })],
    [
      'a missing field',
      () => ({ ...validApcrFormData(), filer: { ...validApcrFormData().filer, email: undefined } }),
    ],
    [
      'an amount as text in a list item',
      () => withGrant({ funder: 'Région', amountCents: 'six mille', status: 'requested' }),
    ],
    ['a list item without its fields', () => withGrant({ funder: 'Région' })],
    ['a list item that is not an object', () => withGrant('Région Normandie')],
    [
      'an unknown field in a list item',
      () => withGrant({ funder: 'Région', amountCents: 1, status: 'requested', iban: 'FR76' }),
    ],
    [
      'a list as an object',
      () => ({ ...validApcrFormData(), financing: { ...validApcrFormData().financing, otherGrants: {} } }),
    ],
  ],
};

function withGrant(grant: unknown): Form {
  const form = validApcrFormData();
  return { ...form, financing: { ...form.financing, otherGrants: [grant] } };
}

const VALID_FORMS: Record<string, () => object> = { apa: validApaFormData, apcr: validApcrFormData };

function withoutUndefined(form: Form): Form {
  return JSON.parse(JSON.stringify(form)) as Form;
}

describe('intake: the procedures catalogue (real PostgreSQL + nats-server)', () => {
  let intake: IntakeUnderTest;
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    intake = await startIntake('catalogue');
    const response = await request(intake.service.url).get('/api/procedures').expect(200);
    // Strict: unknown keywords, ill-typed schemas and references to a definition that is not there fail to compile.
    const ajv = new Ajv({ strict: true, allErrors: true });
    formatsModule.default(ajv);
    // The annotations the web reads to build the pages (see form-labels.ts): known, typed, validating nothing.
    ajv.addKeyword({ keyword: 'x-widget', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'x-unit', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'x-autocomplete', schemaType: 'string' });
    ajv.addKeyword({
      keyword: 'x-askedWhen',
      schemaType: 'object',
      metaSchema: {
        type: 'object',
        properties: { field: { type: 'string' }, equals: { type: 'string' } },
        required: ['field', 'equals'],
        additionalProperties: false,
      },
    });
    for (const item of response.body.items as { code: string; form: object }[]) {
      validators.set(item.code, ajv.compile(item.form));
    }
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('describes every procedure with a form schema that compiles', () => {
    expect([...validators.keys()]).toEqual(['apa', 'apcr']);
  });

  it('serves the labels the web builds its pages from, commune choices included', async () => {
    const { body } = await request(intake.service.url).get('/api/procedures/apa').expect(200);
    expect(body.form.definitions.ApaBeneficiary).toMatchObject({ title: 'Identité de la personne âgée' });
    expect(body.form.definitions.ApaBeneficiary.properties.civility.oneOf).toEqual([
      { const: 'madame', title: 'Madame' },
      { const: 'monsieur', title: 'Monsieur' },
    ]);
    expect(body.form.properties.spouse['x-askedWhen']).toEqual({
      field: 'household.situation',
      equals: 'couple',
    });
    expect(body.form.definitions.ApaResources.properties.monthlyResourcesCents['x-unit']).toBe('cents');
    const commune = body.form.definitions.ApaAddress.properties.communeInsee;
    expect(commune['x-widget']).toBe('commune');
    expect(commune.oneOf).toHaveLength(526);
    expect(commune.oneOf).toContainEqual({ const: '14047', title: 'Bayeux (14400)' });
  });

  it('refuses in the schema a commune outside the served départements', () => {
    const form = validApaFormData();
    const paris = { ...form, address: { ...form.address, postalCode: '75001', communeInsee: '75101' } };
    expect(validators.get('apa')?.(paris)).toBe(false);
  });

  it.each(Object.keys(VALID_FORMS))('accepts the complete %s form in its schema', (code) => {
    const validate = validators.get(code) as ValidateFunction;
    expect(validate(VALID_FORMS[code]())).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  describe.each(Object.keys(BAD_FORMS))('%s', (code) => {
    it.each(BAD_FORMS[code])(
      'refuses a form with %s, on the server and in the schema',
      async (_what, build) => {
        const form = withoutUndefined(build());
        const filer = citizen(intake.service.url, `citizen-schema-${code}`);
        const draft = await filer.createDraft(code, form);
        const answer = draft.status === 201 ? await filer.submit(draft.body.id) : draft;
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe('VALIDATION_FAILED');
        expect(validators.get(code)?.(form)).toBe(false);
      },
    );
  });

  it('serves the catalogue with a strong entity tag and caching headers, and 304 when the client holds it', async () => {
    const first = await request(intake.service.url).get('/api/procedures').expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers['x-powered-by']).toBeUndefined();
    const again = await request(intake.service.url).get('/api/procedures').expect(200);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe(first.text);
    const cached = await request(intake.service.url)
      .get('/api/procedures')
      .set('If-None-Match', `"stale", ${etag}`)
      .expect(304);
    expect(cached.text).toBe('');
    expect(cached.headers.etag).toBe(etag);
    await request(intake.service.url).get('/api/procedures').set('If-None-Match', '"stale"').expect(200);
    const one = await request(intake.service.url).get('/api/procedures/apcr').expect(200);
    expect(one.body.code).toBe('apcr');
    await request(intake.service.url)
      .get('/api/procedures/apcr')
      .set('If-None-Match', one.headers.etag)
      .expect(304);
    const unknown = await request(intake.service.url).get('/api/procedures/pch').expect(404);
    expect(unknown.body.error.code).toBe('PROCEDURE_UNKNOWN');
  });

  it('refuses a body nested too deep with 400 in the error format, before any transformation', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const deepArrays = `{"procedure":"apa","data":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const filer = citizen(intake.service.url, 'citizen-deep');
    const calls = [
      request(intake.service.url).post('/api/procedures/apa/estimate'),
      request(intake.service.url)
        .post('/api/applications')
        .set('Authorization', await filer.token()),
    ];
    for (const [index, call] of calls.entries()) {
      const answer = await call.set('Content-Type', 'application/json').send(index === 0 ? deep : deepArrays);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toEqual({
        code: 'BODY_TOO_DEEP',
        message: expect.stringContaining('imbriqués'),
        details: [],
      });
    }
    // Brackets inside strings do not count; a normal form still goes through.
    const brackets = {
      ...validApaFormData(),
      address: { ...validApaFormData().address, line2: '[['.repeat(100) },
    };
    await filer.createDraft('apa', brackets).then((answer) => expect(answer.status).toBe(201));
  });

  it('carries the request’s correlation id and caller into the events of a body-taking route', async () => {
    const filer = citizen(intake.service.url, 'citizen-context');
    const draft = await filer.createDraft('apa', validApaFormData());
    const submitted = await request(intake.service.url)
      .post(`/api/applications/${draft.body.id}/submit`)
      .set('Authorization', await filer.token())
      .set('X-Correlation-Id', 'context-check-0001')
      .send({ swornStatement: true });
    expect(submitted.headers['x-correlation-id']).toBe('context-check-0001');
    const events = (await eventsOnStream(intake.nats.url, SUBJECTS.applicationSubmitted)).filter(
      (event) => event.aggregateId === draft.body.id,
    );
    expect(events).toEqual([
      expect.objectContaining({ correlationId: 'context-check-0001', actor: 'citizen-context' }),
    ]);
  });
});
