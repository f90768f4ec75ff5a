import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnServiceProcess, startTestSmtp } from '#testing';
import { httpRate, nodemailerRate } from './ceilings.js';
import { measureBackbone } from './events.bench.js';
import { latencyChartSvg } from './latency-chart.js';
import { measurePipeline } from './pipeline.js';

/**
 * `npm run bench`: every figure of the project from one run on this machine — the ceilings (bare Nest hello-world,
 * single-row INSERT, pipelined JetStream publish, raw pooled nodemailer), the event backbone against them, and the
 * pipeline from submission to acknowledgement delivered (rate, latency against offered load, CPU per file of each
 * process, memory). Writes bench/results/latest.json and bench/results/pipeline-latency.svg.
 */
const PIPELINE_FILES = Number(process.env.BENCH_PIPELINE_FILES ?? 300);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 8);
/** Processes of each service in the pipeline measure (1, or 2 to see what a second replica brings). */
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);
const AIMS = { backboneShareOfInserts: 25, servicesCpuMsPerFile: 25 };

const fixed = (value: number, digits = 0) => value.toFixed(digits);

async function helloWorld(): Promise<number> {
  const hello = await spawnServiceProcess('bench/hello-world.main.js', {});
  try {
    return (await httpRate('hello-world', `${hello.url}/`, { connections: 32, seconds: 5, warmUpSeconds: 2 }))
      .rate;
  } finally {
    await hello.stop();
  }
}

async function nodemailer(): Promise<number> {
  const smtp = await startTestSmtp();
  try {
    return await nodemailerRate(smtp, 3_000, 5);
  } finally {
    await smtp.stop();
  }
}

const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? '',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(
  `Machine : ${machine.cores} cœurs ${machine.cpu}, ${machine.memoryGb} Go, Node ${machine.node}, ${machine.date}`,
);
console.log('1/3 plafonds : hello-world Nest, nodemailer brut…');
const helloRate = await helloWorld();
const nodemailerPerSecond = await nodemailer();
console.log('2/3 socle d’événements (INSERT brut, publication JetStream brute, outbox → handler)…');
const backbone = await measureBackbone();
console.log(`3/3 chaîne complète (${PIPELINE_FILES} dossiers, puis paliers de ${STEP_SECONDS} s)…`);
const pipeline = await measurePipeline({
  files: PIPELINE_FILES,
  concurrency: 16,
  stepSeconds: STEP_SECONDS,
  fractions: [0.25, 0.5, 0.75],
  replicas: REPLICAS,
});

const backboneShare = (100 * backbone.full.rate) / backbone.inserts;
const half = pipeline.steps.find(
  (step) => Math.abs(step.offeredPerSecond / pipeline.maxFilesPerSecond - 0.5) < 0.01,
);
const lines = [
  '',
  `| Plafond | Mesure |`,
  `|---|---|`,
  `| hello-world Nest nu (32 connexions) | ${fixed(helloRate)} req/s |`,
  `| INSERT d’une ligne (8 connexions) | ${fixed(backbone.inserts)} /s |`,
  `| publication JetStream en pipeline | ${fixed(backbone.publishes)} /s |`,
  `| nodemailer brut, pool de 5 | ${fixed(nodemailerPerSecond)} e-mails/s |`,
  '',
  `| Socle d’événements | Mesure |`,
  `|---|---|`,
  `| outbox → relais → JetStream → handler + inbox | ${fixed(backbone.full.rate)} événements/s = ${fixed(backboneShare, 1)} % du débit d’INSERT (objectif ≥ ${AIMS.backboneShareOfInserts} %) |`,
  `| latence à mi-charge | p50 ${fixed(backbone.half.p50, 1)} ms, p99 ${fixed(backbone.half.p99, 1)} ms |`,
  '',
  `| Chaîne (dépôt → accusé de réception délivré) | Mesure |`,
  `|---|---|`,
  `| débit à pleine charge | ${fixed(pipeline.maxFilesPerSecond, 1)} dossiers/s (${pipeline.filesAtMax} dossiers, 16 à la fois) |`,
  ...pipeline.steps.map(
    (step) =>
      `| latence à ${fixed(step.offeredPerSecond, 1)} dossiers/s offerts (${fixed((100 * step.offeredPerSecond) / pipeline.maxFilesPerSecond)} %) | p50 ${fixed(step.p50Ms)} ms, p99 ${fixed(step.p99Ms)} ms (${step.files} dossiers) |`,
  ),
  `| CPU des quatre services par dossier | ${fixed(pipeline.servicesCpuMsPerFile, 1)} ms (objectif ≤ ${AIMS.servicesCpuMsPerFile} ms) |`,
  '',
  `| Processus | CPU par dossier | Mémoire (RSS) |`,
  `|---|---|---|`,
  ...Object.entries(pipeline.cpuMsPerFile).map(
    ([name, ms]) =>
      `| ${name} | ${fixed(ms, 1)} ms | ${pipeline.rssMb[name] ? `${fixed(pipeline.rssMb[name])} Mo` : '—'} |`,
  ),
];
console.log(lines.join('\n'));
console.log(
  `\nObjectifs : socle ≥ ${AIMS.backboneShareOfInserts} % de l’INSERT → ${backboneShare >= AIMS.backboneShareOfInserts ? 'atteint' : 'NON atteint'} ; ` +
    `CPU des services ≤ ${AIMS.servicesCpuMsPerFile} ms par dossier → ${pipeline.servicesCpuMsPerFile <= AIMS.servicesCpuMsPerFile ? 'atteint' : 'NON atteint'}` +
    (half ? ` ; latence à mi-charge p50 ${fixed(half.p50Ms)} ms, p99 ${fixed(half.p99Ms)} ms` : ''),
);

const results = join(process.cwd(), 'bench', 'results');
mkdirSync(results, { recursive: true });
const figures = {
  machine,
  aims: AIMS,
  ceilings: { helloRate, nodemailerPerSecond, inserts: backbone.inserts, publishes: backbone.publishes },
  backbone,
  pipeline,
};
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(figures, null, 2)}\n`);
writeFileSync(
  join(results, 'pipeline-latency.svg'),
  latencyChartSvg(
    pipeline.steps,
    `Latence d’un dossier (dépôt → accusé délivré), ${machine.cores} cœurs, ${machine.date.slice(0, 10)}`,
  ),
);
console.log(`\nÉcrit : bench/results/latest.json, bench/results/pipeline-latency.svg`);
process.exit(0);
