import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import {
  bearer,
  createTestDatabase,
  query,
  startService,
  startTestNats,
  testConfig,
  type RunningService,
  type TestNats,
} from '#testing';
import { CurrentPrincipal, type Principal, PlatformModule, Public, Roles, ServiceConfig } from './index.js';

class Address {
  @IsString() city: string;
}

class SampleForm {
  @IsString() name: string;
  @IsInt() @Min(60) @Max(130) age: number;
  @ValidateNested() @Type(() => Address) address: Address;
}

@Controller('api/sample')
class SampleController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('agents-only')
  @Roles('agent', 'supervisor')
  agentsOnly(@CurrentPrincipal() principal: Principal) {
    return { subject: principal.subject, teams: principal.teams };
  }

  @Post('forms')
  @Roles('citizen')
  submit(@Body() form: SampleForm) {
    return { received: form.name };
  }

  @Get('boom')
  @Public()
  boom(): never {
    throw new Error('secret internal detail');
  }
}

@Module({ controllers: [SampleController] })
class SampleFeature {}

describe('platform (real PostgreSQL + nats-server)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  let service: RunningService;

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('platform');
    const config = testConfig(ServiceConfig, { DATABASE_URL: databaseUrl, NATS_URL: nats.url });
    service = await startService(
      'sample',
      {
        module: SampleFeature,
        imports: [
          PlatformModule.forService({
            name: 'sample',
            config,
            database: { schema: 'sample', entities: [], migrations: [] },
          }),
        ],
      },
      { events: false },
    );
  });

  afterAll(async () => {
    await service?.close();
    await nats?.stop();
  });

  it('answers /health, and /ready with PostgreSQL and NATS up', async () => {
    await request(service.url).get('/health').expect(200);
    const ready = await request(service.url).get('/ready').expect(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, nats: { status: 'up' } });
  });

  it("creates the service's schema and its migrations table in it", async () => {
    const tables = await query(
      databaseUrl,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'sample'",
    );
    expect(tables.map((row) => row.table_name)).toContain('migrations');
  });

  it('refuses a request without a token with 401 in the error format', async () => {
    const response = await request(service.url).get('/api/sample/agents-only').expect(401);
    expect(response.body).toEqual({
      error: { code: 'AUTHENTICATION_REQUIRED', message: 'Authentification requise.', details: [] },
    });
  });

  it('refuses a forged or expired token with 401', async () => {
    const response = await request(service.url)
      .get('/api/sample/agents-only')
      .set('Authorization', 'Bearer not.a.token')
      .expect(401);
    expect(response.body.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses the wrong role with 403 and lets the right one in', async () => {
    const refused = await request(service.url)
      .get('/api/sample/agents-only')
      .set('Authorization', await bearer('citizen'))
      .expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_ROLE');
    const allowed = await request(service.url)
      .get('/api/sample/agents-only')
      .set('Authorization', await bearer('agent', { sub: 'agent-7', teams: ['BAYEUX'] }))
      .expect(200);
    expect(allowed.body).toEqual({ subject: 'agent-7', teams: ['BAYEUX'] });
  });

  it('answers 400 naming every faulty field, in French, unknown and nested fields included', async () => {
    const response = await request(service.url)
      .post('/api/sample/forms')
      .set('Authorization', await bearer('citizen'))
      .send({ age: 'soixante', address: { city: 12 }, iban: 'FR76' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'iban', reason: 'champ inconnu : il ne fait pas partie du formulaire' },
        { field: 'age', reason: 'doit être un nombre entier' },
        { field: 'address.city', reason: 'doit être un texte' },
        { field: 'name', reason: 'champ obligatoire' },
      ]),
    );
  });

  it('answers 400 INVALID_JSON to a body that is not JSON', async () => {
    const response = await request(service.url)
      .post('/api/sample/forms')
      .set('Authorization', await bearer('citizen'))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.error.code).toBe('INVALID_JSON');
  });

  it('answers 404 in the error format for an unknown route', async () => {
    const response = await request(service.url).get('/api/nowhere').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 500 without internals to an unexpected error', async () => {
    const response = await request(service.url).get('/api/sample/boom').expect(500);
    expect(response.body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(response.body)).not.toContain('secret internal detail');
  });

  it('keeps a well-formed correlation id and makes one otherwise', async () => {
    const kept = await request(service.url)
      .get('/api/sample/open')
      .set('X-Correlation-Id', 'demo-correlation-1');
    expect(kept.headers['x-correlation-id']).toBe('demo-correlation-1');
    const made = await request(service.url)
      .get('/api/sample/open')
      .set('X-Correlation-Id', 'bad id with spaces');
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves its OpenAPI document', async () => {
    const response = await request(service.url).get('/docs/sample/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toContain('/api/sample/forms');
  });
});
