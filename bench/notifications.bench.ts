import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, headers } from '@nats-io/transport-node';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, SUBJECTS } from '#domain';
import { freePort, startLocalNats, startLocalPostgres } from '#local-infra';
import { createTestDatabase, spawnServiceProcess, startTestSmtp, type TestSmtp } from '#testing';
import { nodemailerRate } from './ceilings.js';

/**
 * `npm run bench:notifications`: e-mails per second through the notifications service (events in → JetStream →
 * inbox + delivery log → worker → SMTP → saved status) next to raw nodemailer (pooled, same pool size) to the same
 * in-process SMTP server. Starts its own PostgreSQL and nats-server; one run each, after a short warm-up.
 */
const EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const POOL = Number(process.env.SMTP_POOL_SIZE ?? 5);
/** Service processes sharing the work (consumers and delivery worker), as replicas do. */
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 5));
  }
}

async function serviceRate(natsUrl: string, smtp: TestSmtp, count: number): Promise<number> {
  const connection = await connect({ servers: natsUrl });
  // The events are published as core NATS messages into the stream's subjects (JetStream stores them, deduplicated by
  // Nats-Msg-Id, as the outbox relay's do) without waiting for each PubAck: the load generator, which shares the
  // machine's cores with the service, costs less, and what the service consumes is the same.
  const publish = async (total: number) => {
    for (let index = 0; index < total; index++) {
      const id = uuidv7();
      const event = createEvent(
        SUBJECTS.applicationSubmitted,
        id,
        {
          applicationId: id,
          procedure: 'apa',
          receiptNumber: `APA-2026-${id.slice(-6)}`,
          submittedAt: new Date().toISOString(),
          decisionDeadline: '2026-05-02',
          silenceMeans: 'granted',
          communeInsee: '14047',
          applicant: { subject: `citizen-${id}`, email: `c-${id.slice(-8)}@example.fr` },
          facts: {},
        },
        { correlationId: `bench-${id}` },
      );
      // As the outbox relay publishes: the aggregate header lets the consumer handle different files in parallel.
      const h = headers();
      h.set('Guichet-Aggregate-Id', id);
      h.set('Nats-Msg-Id', event.id);
      connection.publish(event.type, JSON.stringify(event), { headers: h });
    }
    await connection.flush();
  };
  const before = smtp.mails.length;
  await publish(100); // warm-up
  await waitFor(() => smtp.mails.length >= before + 100, 60_000);
  const start = smtp.mails.length;
  const started = performance.now();
  await publish(count);
  await waitFor(() => smtp.mails.length >= start + count, 300_000);
  const rate = count / ((performance.now() - started) / 1000);
  await connection.close();
  return rate;
}

/** Where the time went: when messages were logged (handlers) and delivered (worker), in seconds from the first. */
async function trace(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT channel, count(*)::int AS n,
       extract(epoch FROM max(created_at) - min(created_at))::float AS logged_over_s,
       extract(epoch FROM max(delivered_at) - min(created_at))::float AS delivered_over_s,
       avg(attempts)::float AS attempts
     FROM notifications.messages GROUP BY channel`,
  );
  console.log(rows);
  await client.end();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-notifications-'));
  const postgres = await startLocalPostgres(dataDir, await freePort());
  const nats = await startLocalNats(join(dataDir, 'nats'), await freePort());
  process.env.TEST_DATABASE_URL = postgres.url('postgres');
  const smtp = await startTestSmtp();
  try {
    const raw = await nodemailerRate(smtp, EMAILS, POOL);
    const databaseUrl = await createTestDatabase('bench_notifications');
    const spawn = () =>
      spawnServiceProcess('apps/notifications/src/main.js', {
        DATABASE_URL: databaseUrl,
        NATS_URL: nats.url,
        SMTP_URL: smtp.url,
        SMTP_POOL_SIZE: String(Math.ceil(POOL / REPLICAS)),
        SMTP_THREADS: process.env.SMTP_THREADS ?? '1',
        LOG_LEVEL: 'warn',
        DELIVERY_BATCH_SIZE: process.env.DELIVERY_BATCH_SIZE ?? '25',
        DELIVERY_LANES: process.env.DELIVERY_LANES ?? '4',
        ANNOUNCE_DELIVERIES: process.env.ANNOUNCE_DELIVERIES ?? 'true',
        EVENT_CONCURRENCY: process.env.EVENT_CONCURRENCY ?? '64',
      });
    const services = [];
    for (let replica = 0; replica < REPLICAS; replica++) services.push(await spawn());
    try {
      const through = await serviceRate(nats.url, smtp, EMAILS);
      console.log(
        `\nNotifications, ${EMAILS} e-mails each (SMTP pool of ${POOL}, shared by ${REPLICAS} service process(es); same in-process smtp-server):`,
      );
      console.log(`  raw nodemailer (pooled)                   : ${raw.toFixed(0)} e-mails/s`);
      console.log(`  through the service (event → delivered)   : ${through.toFixed(0)} e-mails/s`);
      console.log(
        `  ratio                                     : ${((100 * through) / raw).toFixed(1)} % (aim ≥ 50 %)`,
      );
      if (process.env.BENCH_TRACE) await trace(databaseUrl);
    } finally {
      await Promise.all(services.map((service) => service.stop()));
    }
  } finally {
    await smtp.stop();
    await nats.stop();
    await postgres.stop();
  }
}

await main();
