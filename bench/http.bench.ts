import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { etalabCommuneDirectory } from '#domain';
import { freePort, startLocalNats, startLocalPostgres } from '#local-infra';
import { createTestDatabase, type ServiceProcess, spawnServiceProcess } from '#testing';
import { type HttpMeasure, httpRate } from './ceilings.js';

/**
 * `npm run bench:http`: HTTP throughput of the platform next to a bare Nest hello-world on the same stack, in one
 * run: the hello-world, a service's `/health`, `GET /api/procedures` straight from intake and through the edge,
 * routing's `/health` and find-my-contact (`GET /api/contacts`) over every commune of the Calvados.
 * Starts its own PostgreSQL and nats-server; every server runs in a process of its own, autocannon in this one.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;

type Measure = HttpMeasure;

function measure(label: string, url: string, paths?: string[]): Promise<Measure> {
  return httpRate(label, url, {
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    paths,
  });
}

function report(measures: Measure[]): void {
  const [hello] = measures;
  const direct = measures.find((entry) => entry.label.startsWith('GET /api/procedures (intake'));
  const edge = measures.find((entry) => entry.label.startsWith('GET /api/procedures (edge'));
  console.log(`Machine : ${cpus().length} cœurs ${cpus()[0]?.model ?? ''}, Node ${process.version}`);
  console.log(
    `Charge : autocannon, ${CONNECTIONS} connexions, ${SECONDS} s par mesure (après ${WARM_UP_SECONDS} s de chauffe)`,
  );
  console.log('| mesure | req/s | p99 | part du hello-world | échecs |');
  console.log('|---|---|---|---|---|');
  for (const entry of measures) {
    const share = ((100 * entry.rate) / hello.rate).toFixed(1);
    console.log(
      `| ${entry.label} | ${entry.rate.toFixed(0)} | ${entry.p99} ms | ${share} % | ${entry.failures} |`,
    );
  }
  if (direct && edge) {
    console.log(`Edge / direct (GET /api/procedures) : ${((100 * edge.rate) / direct.rate).toFixed(1)} %`);
  }
  const routingHealth = measures.find((entry) => entry.label === 'GET /health (routing)');
  const contacts = measures.find((entry) => entry.label.startsWith('GET /api/contacts'));
  if (routingHealth && contacts) {
    const share = ((100 * contacts.rate) / routingHealth.rate).toFixed(1);
    console.log(
      `Trouver mon contact / /health de routing : ${share} % (objectif ≥ 50 %), p99 ${contacts.p99} ms`,
    );
  }
  const aim = measures.filter((entry) => entry !== hello && entry !== edge && entry !== contacts);
  const reached = aim.every((entry) => entry.rate >= hello.rate / 2);
  console.log(
    `Objectif ≥ 50 % du hello-world pour /health et le catalogue : ${reached ? 'atteint' : 'NON atteint'}`,
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-http-'));
  const postgres = await startLocalPostgres(dataDir, await freePort());
  const nats = await startLocalNats(join(dataDir, 'nats'), await freePort());
  process.env.TEST_DATABASE_URL = postgres.url('postgres');
  const processes: ServiceProcess[] = [];
  try {
    const databaseUrl = await createTestDatabase('bench_http');
    const hello = await spawnServiceProcess('bench/hello-world.main.js', {});
    processes.push(hello);
    // At the default level, as in production: what a request logs is part of its cost.
    const intake = await spawnServiceProcess('apps/intake/src/main.js', {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      LOG_LEVEL: 'info',
    });
    processes.push(intake);
    const routing = await spawnServiceProcess('apps/routing/src/main.js', {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      LOG_LEVEL: 'info',
    });
    processes.push(routing);
    const edge = await spawnServiceProcess('apps/edge/src/main.js', {
      INTAKE_URL: intake.url,
      // One address asks thousands of times a second: budgets high enough to count, never to refuse.
      RATE_LIMIT_MULTIPLIER: '1000000',
    });
    processes.push(edge);
    // Find-my-contact over every commune of the Calvados, one after the other, with the topics in turn.
    const topics = ['autonomie', 'handicap', 'enfance-famille', 'insertion', 'subventions-communes'];
    const contactPaths = etalabCommuneDirectory()
      .inDepartement('14')
      .map(
        (commune, index) => `/api/contacts?commune=${commune.code}&topic=${topics[index % topics.length]}`,
      );
    const measures = [
      await measure('hello-world Nest nu', `${hello.url}/`),
      await measure('GET /health (intake)', `${intake.url}/health`),
      await measure('GET /api/procedures (intake direct)', `${intake.url}/api/procedures`),
      await measure('GET /api/procedures (edge → intake)', `${edge.url}/api/procedures`),
      await measure('GET /health (routing)', `${routing.url}/health`),
      await measure(
        `GET /api/contacts (routing, ${contactPaths.length} communes)`,
        routing.url,
        contactPaths,
      ),
    ];
    report(measures);
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await nats.stop();
    await postgres.stop();
  }
}

await main();
process.exit(0);
