import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventEnvelope, type EventMap, type EventType, SUBJECTS } from '#domain';
import { Clock, type ManualClock } from '#platform';
import {
  createTestDatabase,
  eventually,
  publishEvent,
  type RunningService,
  startService,
  startTestNats,
  startTestSmtp,
  testConfig,
  type TestNats,
  type TestSmtp,
} from '#testing';
import { DataSource } from 'typeorm';
import { DigestJob } from '../src/digest/digest.job.js';
import { NotificationsConfig } from '../src/notifications.config.js';
import { NotificationsModule } from '../src/notifications.module.js';

export interface LoggedMessage {
  id: string;
  source_id: string;
  recipient_subject: string;
  recipient_role: string;
  address: string | null;
  channel: string;
  template: string;
  template_version: number;
  status: string;
  attempts: number;
  title: string;
  body_text: string;
}

export interface NotificationsUnderTest {
  service: RunningService;
  nats: TestNats;
  smtp: TestSmtp;
  databaseUrl: string;
  /** Publishes an event as its owner would. */
  send<T extends EventType>(type: T, aggregateId: string, payload: EventMap[T]): Promise<EventEnvelope>;
  /** Publishes an event already sent once again, past JetStream's duplicate window (a redelivery). */
  redeliver(event: EventEnvelope): Promise<void>;
  /** The delivery log's rows of one source event (or all). */
  messages(sourceId?: string): Promise<LoggedMessage[]>;
  /** Waits until every message of a source is final and returns them. */
  settled(sourceId: string, count?: number): Promise<LoggedMessage[]>;
  digest(): Promise<void>;
  stop(): Promise<void>;
}

/** Notifications in this process on a fresh database, its own nats-server and a real SMTP server in the test. */
export async function startNotifications(
  label: string,
  options: { variables?: Record<string, string>; clock?: ManualClock } = {},
): Promise<NotificationsUnderTest> {
  const nats = await startTestNats();
  const smtp = await startTestSmtp();
  const databaseUrl = await createTestDatabase(label);
  const config = testConfig(NotificationsConfig, {
    DATABASE_URL: databaseUrl,
    NATS_URL: nats.url,
    SMTP_URL: smtp.url,
    DELIVERY_POLL_MS: '50',
    DELIVERY_RETRY_BASE_MS: '100',
    DELIVERY_RETRY_MAX_MS: '400',
    DELIVERY_MAX_ATTEMPTS: '3',
    DIGEST_JOB_INTERVAL_MS: '3600000',
    PUBLIC_SITE_URL: 'https://guichet.example.fr',
    ...options.variables,
  });
  const service = await startService(
    'notifications',
    NotificationsModule.forRoot(config, {
      overrides: options.clock ? [{ provide: Clock, useValue: options.clock }] : [],
    }),
  );
  const dataSource = service.app.get(DataSource);
  const messages = (sourceId?: string): Promise<LoggedMessage[]> =>
    dataSource.query(
      `SELECT id, source_id, recipient_subject, recipient_role, address, channel, template, template_version, status,
         attempts, title, body_text
       FROM notifications.messages WHERE $1::text IS NULL OR source_id = $1 ORDER BY recipient_subject, channel`,
      [sourceId ?? null],
    );
  return {
    service,
    nats,
    smtp,
    databaseUrl,
    async send(type, aggregateId, payload) {
      const event = createEvent(type, aggregateId, payload, { correlationId: `test-${uuidv7()}` });
      await publishEvent(nats.url, event);
      return event;
    },
    async redeliver(event) {
      const connection = await connect({ servers: nats.url });
      try {
        await jetstream(connection).publish(event.type, JSON.stringify(event), {
          msgID: `again-${uuidv7()}`,
        });
      } finally {
        await connection.close();
      }
    },
    messages,
    settled: (sourceId, count) =>
      eventually(async () => {
        const rows = await messages(sourceId);
        if (rows.length === 0 || (count !== undefined && rows.length !== count)) {
          throw new Error(`${rows.length} messages for ${sourceId}`);
        }
        const pending = rows.filter((row) =>
          ['created', 'sending', 'temporary-failure'].includes(row.status),
        );
        if (pending.length > 0) throw new Error(`${pending.length} messages not final yet`);
        return rows;
      }),
    digest: () => service.app.get(DigestJob).runNow(),
    async stop() {
      await service.close();
      await smtp.stop();
      await nats.stop();
    },
  };
}

export const BAYEUX_TEAM = {
  code: 'apa-bessin',
  name: 'Pôle APA du Bessin',
  email: 'apa-bessin@calvados.example.fr',
};
export const AUDIT_TEAM = {
  code: 'controle',
  name: 'Service du contrôle',
  email: 'controle@calvados.example.fr',
};

/** The directory's events as routing publishes them: a team, its agents (one of them choosing the digest). */
export async function seedDirectory(notifications: NotificationsUnderTest): Promise<void> {
  for (const team of [BAYEUX_TEAM, AUDIT_TEAM]) {
    await notifications.send(SUBJECTS.directoryTeamUpdated, uuidv7(), team);
  }
  const agents = [
    {
      subject: 'agent-alice',
      displayName: 'Alice Leroy',
      email: 'alice@calvados.example.fr',
      teamCodes: ['apa-bessin'],
    },
    {
      subject: 'agent-bob',
      displayName: 'Bob Marie',
      email: 'bob@calvados.example.fr',
      teamCodes: ['apa-bessin'],
    },
    {
      subject: 'auditor-carole',
      displayName: 'Carole Petit',
      email: 'carole@calvados.example.fr',
      teamCodes: ['controle'],
    },
  ];
  for (const agent of agents) await notifications.send(SUBJECTS.directoryAgentUpdated, uuidv7(), agent);
}

/** `application.submitted` as intake publishes it: APA, Jeanne with a contact e-mail. */
export function submitted(
  applicationId: string,
  overrides: Partial<EventMap['guichet.application.submitted']> = {},
) {
  return {
    applicationId,
    procedure: 'apa',
    receiptNumber: `APA-2026-${applicationId.slice(-6)}`,
    submittedAt: '2026-03-02T09:00:00.000Z',
    decisionDeadline: '2026-05-02',
    silenceMeans: 'granted' as const,
    communeInsee: '14047',
    applicant: { subject: 'citizen-jeanne', email: 'jeanne@example.fr' },
    facts: { age: 82 },
    ...overrides,
  };
}
