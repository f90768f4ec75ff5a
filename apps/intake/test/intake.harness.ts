import request from 'supertest';
import {
  bearer,
  createTestDatabase,
  type RunningService,
  startService,
  startTestNats,
  testConfig,
  type TestNats,
} from '#testing';
import { IntakeConfig } from '../src/intake.config.js';
import { IntakeModule } from '../src/intake.module.js';
import type { Procedure } from '../src/procedures/procedure.js';
import { DEFAULT_PROCEDURES } from '../src/procedures/procedure.registry.js';

export interface IntakeUnderTest {
  service: RunningService;
  nats: TestNats;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The intake service in this process, on a fresh database and its own nats-server. */
export async function startIntake(
  label: string,
  procedures: readonly Procedure[] = DEFAULT_PROCEDURES,
): Promise<IntakeUnderTest> {
  const nats = await startTestNats();
  const databaseUrl = await createTestDatabase(label);
  const config = testConfig(IntakeConfig, { DATABASE_URL: databaseUrl, NATS_URL: nats.url });
  const service = await startService('intake', IntakeModule.forRoot(config, procedures));
  return {
    service,
    nats,
    databaseUrl,
    async stop() {
      await service.close();
      await nats.stop();
    },
  };
}

/** A citizen's HTTP calls to intake. */
export function citizen(url: string, subject: string) {
  const auth = () => bearer('citizen', { sub: subject });
  return {
    token: auth,
    async createDraft(procedure: string, data?: object) {
      return request(url)
        .post('/api/applications')
        .set('Authorization', await auth())
        .send({ procedure, data });
    },
    async save(id: string, data: object) {
      return request(url)
        .patch(`/api/applications/${id}`)
        .set('Authorization', await auth())
        .send({ data });
    },
    async submit(id: string, body: object = { swornStatement: true }, idempotencyKey?: string) {
      const call = request(url)
        .post(`/api/applications/${id}/submit`)
        .set('Authorization', await auth());
      if (idempotencyKey) call.set('Idempotency-Key', idempotencyKey);
      return call.send(body);
    },
    async get(id: string) {
      return request(url)
        .get(`/api/applications/${id}`)
        .set('Authorization', await auth());
    },
    async list() {
      return request(url)
        .get('/api/applications')
        .set('Authorization', await auth());
    },
    async timeline(id: string) {
      return request(url)
        .get(`/api/applications/${id}/timeline`)
        .set('Authorization', await auth());
    },
    async withdraw(id: string) {
      return request(url)
        .post(`/api/applications/${id}/withdraw`)
        .set('Authorization', await auth())
        .send({});
    },
    async complement(id: string, message: string) {
      return request(url)
        .post(`/api/applications/${id}/complements`)
        .set('Authorization', await auth())
        .send({ message });
    },
  };
}

/** Asserts the status of an answer, showing its body when it differs; returns the answer for chaining. */
export function expectStatus(status: number) {
  return (response: request.Response): request.Response => {
    if (response.status !== status) {
      throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response;
  };
}
