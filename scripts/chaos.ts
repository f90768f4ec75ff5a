import { describeChaos, runChaos } from './chaos/chaos-run.js';

/**
 * `npm run chaos`: CHAOS_FILES files (2 000 by default) filed through the edge while service replicas are killed at
 * random, nats-server is killed and restarted, and PostgreSQL restarted; then every guarantee is checked. Exits 1 on
 * any breach. CHAOS_SCENARIO=stream-leader-killed runs the 3-node NATS cluster whose stream leader is killed.
 */
const files = Number(process.env.CHAOS_FILES ?? 2_000);
const scenario =
  process.env.CHAOS_SCENARIO === 'stream-leader-killed' ? 'stream-leader-killed' : 'random-faults';
const report = await runChaos({ files, scenario, log: (line) => console.log(line) });
console.log(describeChaos(report));
process.exit(report.verdict.breaches.length === 0 ? 0 : 1);
