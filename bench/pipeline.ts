import pg from 'pg';
import { ChaosPlatform } from '#testing';
import { apaFiler, type FiledReceipt, fileApaRequests } from '../scripts/chaos/file-load.js';
import { isQuiet, pipelineState } from '../scripts/chaos/pipeline-ledger.js';
import { percentile } from './ceilings.js';
import { cpuMsOf, rssMbOf } from './process-usage.js';

export interface LoadStep {
  offeredPerSecond: number;
  achievedPerSecond: number;
  files: number;
  p50Ms: number;
  p99Ms: number;
}

export interface PipelineFigures {
  /** Files per second from the first submission to the last acknowledgement delivered, at full load. */
  maxFilesPerSecond: number;
  filesAtMax: number;
  /** CPU milliseconds per file of each process over the full-load phase (submission → acknowledgement delivered). */
  cpuMsPerFile: Record<string, number>;
  /** The four services together (intake, routing, checks, notifications). */
  servicesCpuMsPerFile: number;
  rssMb: Record<string, number>;
  steps: LoadStep[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SERVICES = ['intake', 'routing', 'checks', 'notifications'];

/** Waits until every file is acknowledged and nothing is pending; returns each file's latency in ms. */
async function acknowledgementLatencies(
  platform: ChaosPlatform,
  receipts: FiledReceipt[],
): Promise<number[]> {
  const ids = receipts.map((receipt) => receipt.id);
  while (!isQuiet(await pipelineState(platform.databaseUrl, ids), ids.length)) await pause(200);
  const client = new pg.Client({ connectionString: platform.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; application_id: string }>(
      `SELECT id, application_id FROM notifications.messages WHERE source_type = 'guichet.application.submitted'
         AND channel = 'email' AND recipient_role = 'citizen' AND application_id = ANY($1::uuid[])`,
      [ids],
    );
    const firstCopy = new Map<string, number>();
    for (const mail of platform.smtp.mails) {
      if (mail.messageId && !firstCopy.has(mail.messageId)) firstCopy.set(mail.messageId, mail.receivedAt);
    }
    const acknowledgedAt = new Map(
      rows.map((row) => [row.application_id, firstCopy.get(row.id) ?? Number.NaN]),
    );
    return receipts.map((receipt) => (acknowledgedAt.get(receipt.id) ?? Number.NaN) - receipt.submittedAt);
  } finally {
    await client.end();
  }
}

/** Files at a steady offered rate (an open loop: one filing starts every 1/rate s, whatever the others do). */
async function fileAtRate(
  platform: ChaosPlatform,
  perSecond: number,
  seconds: number,
): Promise<FiledReceipt[]> {
  const filer = await apaFiler(platform.url);
  const count = Math.max(1, Math.round(perSecond * seconds));
  const started = Date.now();
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      await pause(started + (index * 1000) / perSecond - Date.now());
      return filer.fileOne();
    }),
  );
}

function processes(platform: ChaosPlatform): Map<string, { pid: number; descendants: boolean }> {
  const map = new Map<string, { pid: number; descendants: boolean }>();
  for (const replica of platform.replicas) {
    const pid = replica.process?.process.pid;
    // One entry per service: the first replica under its name, the others under theirs.
    const name = replica.label.endsWith('-1') ? replica.service : replica.label;
    if (pid) map.set(name, { pid, descendants: false });
  }
  const edge = platform.edge.process.pid;
  if (edge) map.set('edge', { pid: edge, descendants: false });
  const [nats] = platform.nats.pids();
  if (nats) map.set('nats-server', { pid: nats, descendants: false });
  if (platform.postgresPid) map.set('PostgreSQL', { pid: platform.postgresPid, descendants: true });
  return map;
}

function cpuSnapshot(platform: ChaosPlatform): Map<string, number> {
  const snapshot = new Map<string, number>();
  for (const [name, { pid, descendants }] of processes(platform))
    snapshot.set(name, cpuMsOf(pid, descendants));
  const own = process.cpuUsage();
  snapshot.set('banc (clients HTTP + SMTP de test)', (own.user + own.system) / 1000);
  return snapshot;
}

/**
 * The pipeline from submission to acknowledgement delivered, on a platform of its own (one process per service,
 * production settings, logs at info): the rate at full load with the CPU of each process, then latency at steady
 * fractions of that rate.
 */
export async function measurePipeline(options: {
  files: number;
  concurrency: number;
  stepSeconds: number;
  fractions: number[];
  /** Processes of each service (the edge sends HTTP to the first; all share the events). */
  replicas?: number;
}): Promise<PipelineFigures> {
  const platform = await ChaosPlatform.start({
    natsNodes: 1,
    replicas: options.replicas ?? 1,
    logLevel: 'info',
  });
  try {
    await acknowledgementLatencies(platform, (await fileApaRequests(platform.url, 30, 4)).receipts); // warm-up
    const before = cpuSnapshot(platform);
    const started = Date.now();
    const full = await fileApaRequests(platform.url, options.files, options.concurrency);
    const latencies = await acknowledgementLatencies(platform, full.receipts);
    const lastAcknowledged = Math.max(
      ...latencies.map((latency, index) => full.receipts[index].submittedAt + latency),
    );
    const after = cpuSnapshot(platform);
    const maxFilesPerSecond = options.files / ((lastAcknowledged - started) / 1000);
    const cpuMsPerFile = Object.fromEntries(
      [...after].map(([name, total]) => [name, (total - (before.get(name) ?? 0)) / options.files]),
    );
    const steps: LoadStep[] = [];
    for (const fraction of options.fractions) {
      const offered = maxFilesPerSecond * fraction;
      const stepStarted = Date.now();
      const receipts = await fileAtRate(platform, offered, options.stepSeconds);
      const stepLatencies = (await acknowledgementLatencies(platform, receipts)).sort((a, b) => a - b);
      const lastSubmission = Math.max(...receipts.map((receipt) => receipt.submittedAt));
      steps.push({
        offeredPerSecond: offered,
        achievedPerSecond: receipts.length / Math.max(0.001, (lastSubmission - stepStarted) / 1000),
        files: receipts.length,
        p50Ms: percentile(stepLatencies, 50),
        p99Ms: percentile(stepLatencies, 99),
      });
    }
    const rssMb = Object.fromEntries(
      [...processes(platform)]
        .filter(([, { descendants }]) => !descendants)
        .map(([name, { pid }]) => [name, rssMbOf(pid)]),
    );
    return {
      maxFilesPerSecond,
      filesAtMax: options.files,
      cpuMsPerFile,
      servicesCpuMsPerFile: Object.entries(cpuMsPerFile)
        .filter(([name]) => SERVICES.some((service) => name === service || name.startsWith(`${service}-`)))
        .reduce((sum, [, ms]) => sum + ms, 0),
      rssMb,
      steps,
    };
  } finally {
    await platform.stop();
  }
}
