import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import {
  type ApplicationFacts,
  createEvent,
  type EventEnvelope,
  type EventMap,
  type EventType,
  SUBJECTS,
} from '#domain';
import { Clock, ManualClock } from '#platform';
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
import { DeadlineJob } from '../src/back-office/deadlines/deadline.job.js';
import { DeadlineSweep } from '../src/back-office/deadlines/deadline-sweep.service.js';
import { DirectoryIndex } from '../src/directory/directory-index.js';
import { RoutingConfig } from '../src/routing.config.js';
import { RoutingModule } from '../src/routing.module.js';
import { FixtureDirectoryIndex } from './directory.fixture.js';

export interface RoutingUnderTest {
  service: RunningService;
  nats: TestNats;
  databaseUrl: string;
  clock: ManualClock;
  sweep(): ReturnType<DeadlineSweep['sweep']>;
  job(): DeadlineJob;
  /** Publishes an event as intake would. */
  send<T extends EventType>(type: T, applicationId: string, payload: EventMap[T]): Promise<EventEnvelope>;
  /** Every event of a subject about one file, published so far. */
  events(subject: EventType, applicationId?: string): Promise<EventEnvelope[]>;
  stop(): Promise<void>;
}

/**
 * Routing in this process on a fresh database and its own nats-server, with a clock and either the directory
 * fixture (default) or the real directory loaded with the demo of the Calvados (`directory: 'demo'`).
 */
export async function startRouting(
  label: string,
  start = '2026-03-02T09:00:00Z',
  variables: Record<string, string> = {},
  directory: 'fixture' | 'demo' = 'fixture',
): Promise<RoutingUnderTest> {
  const nats = await startTestNats();
  const databaseUrl = await createTestDatabase(label);
  const config = testConfig(RoutingConfig, {
    DATABASE_URL: databaseUrl,
    NATS_URL: nats.url,
    DEADLINE_JOB_INTERVAL_MS: '3600000',
    DIRECTORY_DEMO: directory === 'demo' ? 'true' : 'false',
    ...variables,
  });
  const clock = new ManualClock(start);
  const service = await startService(
    'routing',
    RoutingModule.forRoot(config, {
      overrides: [
        ...(directory === 'fixture'
          ? [{ provide: DirectoryIndex, useValue: new FixtureDirectoryIndex() }]
          : []),
        { provide: Clock, useValue: clock },
      ],
    }),
  );
  return {
    service,
    nats,
    databaseUrl,
    clock,
    sweep: () => service.app.get(DeadlineSweep).sweep(),
    job: () => service.app.get(DeadlineJob),
    async send(type, applicationId, payload) {
      const event = createEvent(type, applicationId, payload, { correlationId: `test-${uuidv7()}` });
      await publishEvent(nats.url, event);
      return event;
    },
    async events(subject, applicationId) {
      const all = await eventsOnStream(nats.url, subject, 500);
      return applicationId ? all.filter((event) => event.aggregateId === applicationId) : all;
    },
    async stop() {
      await service.close();
      await nats.stop();
    },
  };
}

export interface SubmittedFile {
  id: string;
  procedure: string;
  communeInsee: string;
  decisionDeadline: string;
  facts: ApplicationFacts;
  submittedAt: string;
}

/** Publishes `application.submitted` as intake does; APA at Bayeux unless told otherwise. */
export async function submitFile(
  routing: RoutingUnderTest,
  overrides: Partial<SubmittedFile> = {},
): Promise<SubmittedFile> {
  const procedure = overrides.procedure ?? 'apa';
  const file: SubmittedFile = {
    id: uuidv7(),
    procedure,
    communeInsee: procedure === 'apa' ? '14047' : '14001',
    decisionDeadline: '2026-05-02',
    submittedAt: routing.clock.now().toISOString(),
    facts:
      procedure === 'apa'
        ? {
            age: 82,
            household: 'alone',
            monthlyResourcesCents: 150_000,
            filedBy: 'self',
            receivesOtherBenefit: false,
          }
        : {
            projectCategory: 'general',
            costExcludingTaxCents: 2_000_000,
            requestedAmountCents: 1_200_000,
            population: 800,
          },
    ...overrides,
  };
  await routing.send(SUBJECTS.applicationSubmitted, file.id, {
    applicationId: file.id,
    procedure,
    receiptNumber: `${procedure.toUpperCase()}-2026-${file.id.slice(-6)}`,
    submittedAt: file.submittedAt,
    decisionDeadline: file.decisionDeadline,
    silenceMeans: procedure === 'apa' ? 'granted' : 'rejected',
    communeInsee: file.communeInsee,
    applicant: { subject: 'citizen-jeanne' },
    facts: file.facts,
  });
  return file;
}

/** An agent's or a supervisor's HTTP calls to the back office. */
export function staff(url: string, role: 'agent' | 'supervisor', subject: string, teams: string[]) {
  const auth = () => bearer(role, { sub: subject, teams });
  const base = '/api/back-office/applications';
  const post = async (path: string, body: object = {}) =>
    request(url)
      .post(`${base}${path}`)
      .set('Authorization', await auth())
      .send(body);
  return {
    async list(query: Record<string, string> = {}) {
      return request(url)
        .get(base)
        .query(query)
        .set('Authorization', await auth());
    },
    async get(id: string) {
      return request(url)
        .get(`${base}/${id}`)
        .set('Authorization', await auth());
    },
    async suggestion(id: string) {
      return request(url)
        .get(`${base}/${id}/assignee-suggestion`)
        .set('Authorization', await auth());
    },
    claim: (id: string) => post(`/${id}/claim`),
    release: (id: string) => post(`/${id}/release`),
    assign: (id: string, agentId: string) => post(`/${id}/assign`, { agentId }),
    requestInfo: (id: string, message: string, answerBy: string) =>
      post(`/${id}/request-info`, { message, answerBy }),
    evaluate: (id: string, evaluatedOn: string, gir: number) =>
      post(`/${id}/evaluation`, { evaluatedOn, gir }),
    proposeCarePlan: (id: string, planCents: number, description?: string) =>
      post(`/${id}/care-plan`, { planCents, ...(description ? { description } : {}) }),
    decide: (id: string, body: { outcome: string; reason?: string; amountCents?: number }) =>
      post(`/${id}/decide`, body),
    previewDecision: (id: string, body: { outcome: string; reason?: string; amountCents?: number }) =>
      post(`/${id}/decision-preview`, body),
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
