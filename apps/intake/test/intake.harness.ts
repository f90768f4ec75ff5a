import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventEnvelope, type EventMap, type EventType } from '#domain';
import { Clock, ManualClock, type Role } from '#platform';
import {
  bearer,
  createTestDatabase,
  eventsOnStream,
  publishEvent,
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
  /** The platform Clock intake reads (a ManualClock when one was given). */
  clock?: ManualClock;
  /** Publishes an event as routing or checks would. */
  send<T extends EventType>(type: T, applicationId: string, payload: EventMap[T]): Promise<EventEnvelope>;
  /** Every event of a subject about one file, published so far. */
  events(subject: EventType, applicationId: string): Promise<EventEnvelope[]>;
  stop(): Promise<void>;
}

/** The intake service in this process, on a fresh database and its own nats-server. */
export async function startIntake(
  label: string,
  procedures: readonly Procedure[] = DEFAULT_PROCEDURES,
  options: { clock?: ManualClock; variables?: Record<string, string> } = {},
): Promise<IntakeUnderTest> {
  const nats = await startTestNats();
  const databaseUrl = await createTestDatabase(label);
  const config = testConfig(IntakeConfig, {
    DATABASE_URL: databaseUrl,
    NATS_URL: nats.url,
    ...options.variables,
  });
  const overrides = options.clock ? [{ provide: Clock, useValue: options.clock }] : [];
  const service = await startService('intake', IntakeModule.forRoot(config, procedures, { overrides }));
  return {
    service,
    nats,
    databaseUrl,
    clock: options.clock,
    async send(type, applicationId, payload) {
      const event = createEvent(type, applicationId, payload, { correlationId: `test-${uuidv7()}` });
      await publishEvent(nats.url, event);
      return event;
    },
    async events(subject, applicationId) {
      const events = await eventsOnStream(nats.url, subject, 300);
      return events.filter(
        (event) => (event.payload as { applicationId?: string }).applicationId === applicationId,
      );
    },
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
    async accesses(id: string) {
      return request(url)
        .get(`/api/applications/${id}/accesses`)
        .set('Authorization', await auth());
    },
    async answerCarePlan(id: string, body: object) {
      return request(url)
        .post(`/api/applications/${id}/care-plan/answer`)
        .set('Authorization', await auth())
        .send(body);
    },
    async complement(id: string, message: string) {
      return request(url)
        .post(`/api/applications/${id}/complements`)
        .set('Authorization', await auth())
        .send({ message });
    },
  };
}

/** A member of staff (agent, supervisor, auditor, admin) calling intake. */
export function staff(url: string, role: Role, subject: string, teams: string[] = []) {
  const auth = () => bearer(role, { sub: subject, teams });
  return {
    async content(id: string, purpose?: string) {
      const call = request(url)
        .get(`/api/applications/${id}/content`)
        .set('Authorization', await auth());
      return purpose === undefined ? call : call.query({ purpose });
    },
    async accessLog(query: Record<string, string | number> = {}) {
      return request(url)
        .get('/api/access-log')
        .set('Authorization', await auth())
        .query(query);
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
