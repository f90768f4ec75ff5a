import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { freePort, startLocalNats, startLocalPostgres } from '#local-infra';
import { Outbox } from '#messaging';
import { createTestDatabase, spawnLedgerProcess } from '#testing';
import { insertRate, parallel, percentile, publishRate } from './ceilings.js';

/**
 * `npm run bench:events`: the event backbone's throughput and latency (outbox write → handler commit), next to
 * what the same PostgreSQL and nats-server do raw. Starts its own PostgreSQL and nats-server.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const RAW_INSERTS = Number(process.env.BENCH_INSERTS ?? 5_000);
const RAW_PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20_000);

/** Writes events through the outbox; when `perSecond` is set, paces the writers to that rate. */
async function runBackbone(dataSource: DataSource, outbox: Outbox, databaseUrl: string, perSecond?: number) {
  await dataSource.query('TRUNCATE ledger.effects, ledger.invocations');
  const started = performance.now();
  const trace = process.env.BENCH_TRACE
    ? setInterval(
        () => console.log(`written ${written} after ${(performance.now() - started).toFixed(0)} ms`),
        500,
      )
    : undefined;
  let written = 0;
  await parallel(EVENTS, WRITERS, async (index) => {
    written += 1;
    if (perSecond) {
      const due = started + (index / perSecond) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await dataSource.transaction((manager) =>
      outbox.publish(manager, SUBJECTS.checkEvidenceReceived, uuidv7(), {
        checkId: uuidv7(),
        applicationId: uuidv7(),
        receivedAt: new Date().toISOString(),
        documents: ['ok'],
      }),
    );
  });
  clearInterval(trace);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (;;) {
    const { rows } = await client.query<{ count: string; unpublished: string }>(
      'SELECT (SELECT count(*) FROM ledger.effects) AS count, (SELECT count(*) FROM ledger.outbox WHERE published_at IS NULL) AS unpublished',
    );
    if (process.env.BENCH_TRACE)
      console.log(`handled ${rows[0].count}, waiting in the outbox ${rows[0].unpublished}`);
    if (Number(rows[0].count) >= EVENTS) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rows } = await client.query<{ latency_ms: number; last: Date; first: Date }>(
    `SELECT extract(epoch FROM e.committed_at - (o.envelope->>'occurredAt')::timestamptz) * 1000 AS latency_ms,
            max(e.committed_at) OVER () AS last, min((o.envelope->>'occurredAt')::timestamptz) OVER () AS first
     FROM ledger.effects e JOIN ledger.outbox o ON o.id = e.event_id`,
  );
  await client.end();
  const latencies = rows.map((row) => Number(row.latency_ms)).sort((a, b) => a - b);
  const seconds = (rows[0].last.getTime() - rows[0].first.getTime()) / 1000;
  return { rate: EVENTS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export interface BackboneFigures {
  inserts: number;
  insertsOneConnection: number;
  publishes: number;
  full: { rate: number; p50: number; p99: number };
  half: { rate: number; p50: number; p99: number };
}

/** The whole measure: raw ceilings and the backbone at full and half load, on a PostgreSQL and nats-server of its own. */
export async function measureBackbone(): Promise<BackboneFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  const postgres = await startLocalPostgres(dataDir, await freePort());
  const nats = await startLocalNats(join(dataDir, 'nats'), await freePort());
  process.env.TEST_DATABASE_URL = postgres.url('postgres');
  try {
    const databaseUrl = await createTestDatabase('bench');
    const insertsOneConnection = await insertRate(databaseUrl, 1, RAW_INSERTS);
    const inserts = await insertRate(databaseUrl, WRITERS, RAW_INSERTS);
    const publishes = await publishRate(nats.url, RAW_PUBLISHES);
    // As in production, the service that writes events publishes its outbox in its own process, and the service
    // that consumes them runs in another: a relay-only replica and a consumer-only replica. This process plays the
    // writing service's request handlers (the outbox writes).
    const common = {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      OUTBOX_POLL_MS: '1000',
      LEDGER_TRACE_INVOCATIONS: 'off',
    };
    const relay = await spawnLedgerProcess({ ...common, EVENT_CONSUMERS_ENABLED: 'false' });
    const ledger = await spawnLedgerProcess({
      ...common,
      OUTBOX_RELAY_ENABLED: 'false',
      ...(process.env.EVENT_CONCURRENCY ? { EVENT_CONCURRENCY: process.env.EVENT_CONCURRENCY } : {}),
    });
    const dataSource = await new DataSource({
      type: 'postgres',
      url: databaseUrl,
      schema: 'ledger',
      extra: { max: WRITERS },
    }).initialize();
    const outbox = new Outbox('ledger');
    await runBackbone(dataSource, outbox, databaseUrl, 1_000); // warm-up at a moderate rate
    const full = await runBackbone(dataSource, outbox, databaseUrl);
    const half = await runBackbone(dataSource, outbox, databaseUrl, full.rate / 2);
    await ledger.stop();
    await relay.stop();
    await dataSource.destroy();
    return { inserts, insertsOneConnection, publishes, full, half };
  } finally {
    await nats.stop();
    await postgres.stop();
  }
}

function print({ inserts, insertsOneConnection, publishes, full, half }: BackboneFigures): void {
  const fixed = (n: number, digits = 0) => n.toFixed(digits);
  console.log(`Machine : ${cpus().length} cœurs ${cpus()[0]?.model ?? ''}, Node ${process.version}`);
  console.log(`Charge : ${EVENTS} événements, ${WRITERS} écrivains concurrents`);
  console.log(
    `PostgreSQL, INSERT d'une ligne (autocommit) : ${fixed(inserts)} /s avec ${WRITERS} connexions, ${fixed(insertsOneConnection)} /s avec 1`,
  );
  console.log(`JetStream, publication en pipeline (1 connexion) : ${fixed(publishes)} /s`);
  console.log(
    `Socle (outbox → relais → JetStream → handler + inbox, commit) : ${fixed(full.rate)} événements/s`,
  );
  console.log(
    `  = ${fixed((100 * full.rate) / inserts, 1)} % du débit d'INSERT, ${fixed((100 * full.rate) / publishes, 1)} % du débit de publication`,
  );
  console.log(`  latence à pleine charge : p50 ${fixed(full.p50, 1)} ms, p99 ${fixed(full.p99, 1)} ms`);
  console.log(
    `  latence à mi-charge (${fixed(full.rate / 2)} /s) : p50 ${fixed(half.p50, 1)} ms, p99 ${fixed(half.p99, 1)} ms`,
  );
  console.log(
    `Objectifs : ≥ 25 % du débit d'INSERT → ${full.rate >= inserts / 4 ? 'atteint' : 'NON atteint'} ; p99 < 50 ms à mi-charge → ${half.p99 < 50 ? 'atteint' : 'NON atteint'}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(await measureBackbone());
  process.exit(0);
}
