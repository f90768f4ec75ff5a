import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import autocannon from 'autocannon';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { TestSmtp } from '#testing';

/**
 * The ceilings every benchmark of the project is measured against, in the same run: what the machine does with the
 * bare parts (a Nest hello-world, a single-row INSERT, a pipelined JetStream publish, raw pooled nodemailer).
 */

/** Runs `work` for indices 0…count-1 with `workers` of them at a time. */
export async function parallel(
  count: number,
  workers: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

export interface HttpMeasure {
  label: string;
  rate: number;
  p99: number;
  failures: number;
}

/** Requests per second on a URL (autocannon, after a warm-up); `paths` spreads requests over several paths. */
export async function httpRate(
  label: string,
  url: string,
  options: { connections: number; seconds: number; warmUpSeconds: number; paths?: string[] },
): Promise<HttpMeasure> {
  let next = 0;
  const paths = options.paths;
  const requests = paths && [
    { setupRequest: (request: { path: string }) => ({ ...request, path: paths[next++ % paths.length] }) },
  ];
  const common = { url, connections: options.connections, requests };
  await autocannon({ ...common, duration: options.warmUpSeconds });
  const result = await autocannon({ ...common, duration: options.seconds });
  return {
    label,
    rate: result.requests.average,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Single-row INSERTs per second (autocommit), `connections` at a time. */
export async function insertRate(databaseUrl: string, connections: number, count: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_insert (id uuid PRIMARY KEY, body jsonb NOT NULL)');
  const started = performance.now();
  await parallel(count, connections, async () => {
    await pool.query('INSERT INTO bench_insert (id, body) VALUES ($1, $2)', [
      uuidv7(),
      JSON.stringify({ n: 1 }),
    ]);
  });
  const rate = count / ((performance.now() - started) / 1000);
  await pool.end();
  return rate;
}

/** JetStream publishes per second, pipelined 1 000 at a time on one connection, each acknowledged. */
export async function publishRate(natsUrl: string, count: number): Promise<number> {
  const connection = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(connection);
  await jsm.streams.add({ name: 'BENCH', subjects: ['bench.>'] });
  const js = jetstream(connection);
  const body = JSON.stringify({ id: uuidv7(), payload: 'x'.repeat(400) });
  const started = performance.now();
  for (let offset = 0; offset < count; offset += 1_000) {
    await Promise.all(
      Array.from({ length: Math.min(1_000, count - offset) }, (_, index) =>
        js.publish('bench.raw', body, { msgID: `${offset + index}` }),
      ),
    );
  }
  const rate = count / ((performance.now() - started) / 1000);
  await jsm.streams.delete('BENCH');
  await connection.close();
  return rate;
}

/** E-mails per second with raw nodemailer (pooled, `pool` connections) to the SMTP catcher. */
export async function nodemailerRate(smtp: TestSmtp, count: number, pool: number): Promise<number> {
  const transport = nodemailer.createTransport({
    url: smtp.url,
    pool: true,
    maxConnections: pool,
    maxMessages: Infinity,
  });
  const send = (index: number) =>
    transport.sendMail({
      from: 'Guichet <ne-pas-repondre@guichet.example.fr>',
      to: `raw-${index}@example.fr`,
      subject: `Accusé de réception de votre demande APA-2026-${index}`,
      text: 'Bonjour,\n\nNous avons bien reçu votre demande.\n'.repeat(8),
      html: `<p>${'Nous avons bien reçu votre demande. '.repeat(20)}</p>`,
    });
  await Promise.all(Array.from({ length: 100 }, (_, index) => send(index))); // warm-up
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, index) => send(index)));
  const rate = count / ((performance.now() - started) / 1000);
  transport.close();
  return rate;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
