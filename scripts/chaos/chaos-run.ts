import { ChaosPlatform, type Replica } from '#testing';
import { fileApaRequests } from './file-load.js';
import { isQuiet, type PipelineVerdict, pipelineState, verifyPipeline } from './pipeline-ledger.js';

export type ChaosScenario =
  /** SIGKILL of second replicas every 1–2 s, nats-server killed and restarted once, PostgreSQL restarted once. */
  | 'random-faults'
  /** A 3-node NATS cluster whose stream leader is killed in the middle of the load (and left dead). */
  | 'stream-leader-killed';

export interface ChaosOptions {
  files: number;
  scenario: ChaosScenario;
  concurrency?: number;
  replicas?: number;
  quietTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  scenario: ChaosScenario;
  files: number;
  loadSeconds: number;
  retries: number;
  /** Each fault with the moment it struck, in seconds from the start of the load. */
  faults: { atSeconds: number; what: string }[];
  /** From the moment the last fault struck to the moment every file is routed and acknowledged and nothing is pending. */
  lastFaultToQuietSeconds: number | null;
  verdict: PipelineVerdict;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomBetween = (min: number, max: number) => min + Math.random() * (max - min);

/** Starts a replica again, waiting for the database or NATS when a fault keeps it from starting. */
async function restart(replica: Replica): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await replica.start();
      return;
    } catch (error) {
      if (attempt >= 30) throw error;
      await pause(1_000);
    }
  }
}

/**
 * A fault run: files filed through the edge while faults are injected, then a wait for quiet and the check of every
 * guarantee from the databases and the SMTP catcher (what `npm run chaos` prints, and the tests assert).
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const clustered = options.scenario === 'stream-leader-killed';
  const platform = await ChaosPlatform.start({
    natsNodes: clustered ? 3 : 1,
    replicas: options.replicas ?? 2,
  });
  const faults: ChaosReport['faults'] = [];
  let lastFaultAt = Date.now();
  let started = Date.now();
  /** Records a fault that struck at `at` (its recovery, a restart, may have taken a while since). */
  const fault = (what: string, at: number) => {
    lastFaultAt = Math.max(lastFaultAt, at);
    faults.push({ atSeconds: (at - started) / 1000, what });
    log(`panne : ${what}`);
  };
  try {
    let filed = 0;
    let loading = true;
    started = Date.now();
    const load = fileApaRequests(platform.url, options.files, options.concurrency ?? 8, (count) => {
      filed = count;
    }).finally(() => {
      loading = false;
    });
    const progress = async (share: number) => {
      while (filed < options.files * share && loading) await pause(50);
    };
    // Faults of the infrastructure, once each, at set points of the load (done even if the load ends first).
    let infrastructureDone = false;
    const infrastructure = (async () => {
      if (clustered) {
        await progress(0.3);
        const leader = await platform.nats.streamLeader();
        const at = Date.now();
        await platform.nats.kill(leader);
        fault(`SIGKILL du nœud NATS ${platform.nats.nameOf(leader)}, meneur du flux (laissé arrêté)`, at);
        return;
      }
      await progress(0.25);
      const natsKilledAt = Date.now();
      await platform.nats.kill(0);
      await pause(2_000);
      await platform.nats.startNode(0);
      fault('SIGKILL de nats-server, redémarré 2 s plus tard', natsKilledAt);
      await progress(0.5);
      const postgresStoppedAt = Date.now();
      await platform.restartPostgres();
      fault('redémarrage de PostgreSQL', postgresStoppedAt);
    })().finally(() => {
      infrastructureDone = true;
    });
    // Replicas killed at random every 1–2 s while files come in (not in the cluster scenario: one fault there).
    const replicas = (async () => {
      while (!clustered && (loading || !infrastructureDone)) {
        await pause(randomBetween(1_000, 2_000));
        const replica = platform.expendable[Math.floor(Math.random() * platform.expendable.length)];
        const at = Date.now();
        await replica.kill();
        await restart(replica);
        fault(`SIGKILL puis redémarrage de ${replica.label}`, at);
      }
    })();
    const injector = Promise.all([infrastructure, replicas]);
    const outcome = await load;
    const loadSeconds = (Date.now() - started) / 1000;
    await injector;
    log(`${outcome.receipts.length} dossiers déposés en ${loadSeconds.toFixed(1)} s ; attente du calme…`);
    const ids = outcome.receipts.map((receipt) => receipt.id);
    const deadline = Date.now() + (options.quietTimeoutMs ?? 600_000);
    let quietAt: number | null = null;
    let lastLog = 0;
    while (Date.now() < deadline) {
      const state = await pipelineState(platform.databaseUrl, ids);
      if (isQuiet(state, ids.length)) {
        quietAt = Date.now();
        break;
      }
      if (Date.now() - lastLog >= 10_000) {
        lastLog = Date.now();
        log(`pas encore calme : ${JSON.stringify(state)}`);
      }
      await pause(500);
    }
    const verdict = await verifyPipeline(platform.databaseUrl, outcome.receipts, platform.smtp.mails);
    if (quietAt === null) verdict.breaches.push('le calme n’est pas revenu avant la limite');
    return {
      scenario: options.scenario,
      files: options.files,
      loadSeconds,
      retries: outcome.retries,
      faults,
      lastFaultToQuietSeconds: quietAt === null ? null : Math.max(0, quietAt - lastFaultAt) / 1000,
      verdict,
    };
  } finally {
    await platform.stop();
  }
}

/** The report as `npm run chaos` prints it, in French. */
export function describeChaos(report: ChaosReport): string {
  const lines = [
    `Scénario : ${report.scenario} — ${report.files} dossiers, déposés en ${report.loadSeconds.toFixed(1)} s (${report.retries} requêtes renvoyées)`,
    `Pannes injectées (${report.faults.length}) :`,
    ...report.faults.map((fault) => `  - à ${fault.atSeconds.toFixed(1)} s : ${fault.what}`),
    `Comptes : ${Object.entries(report.verdict.counts)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}`,
    `Du dernier incident au calme : ${report.lastFaultToQuietSeconds === null ? 'jamais' : `${report.lastFaultToQuietSeconds.toFixed(1)} s`}`,
    report.verdict.breaches.length === 0
      ? 'Aucune garantie violée.'
      : `GARANTIES VIOLÉES :\n${report.verdict.breaches.map((breach) => `  - ${breach}`).join('\n')}`,
  ];
  return lines.join('\n');
}
