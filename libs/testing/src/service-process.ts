import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, waitForPort } from '#local-infra';

export interface ServiceProcess {
  url: string;
  port: number;
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the process wrote on stderr so far. */
  stderr(): string;
  /** Everything the process wrote on stdout so far (its JSON logs). */
  stdout(): string;
  stop(): Promise<void>;
}

/**
 * Runs a compiled entry point (`dist/...`, built by `npm test` before Jest starts) as its own Node process on a free
 * port (or the one given, when the process must know its address beforehand), and waits until it listens.
 */
export async function spawnServiceProcess(
  distEntry: string,
  environment: Record<string, string>,
  options: { port?: number } = {},
): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  // SERVICE_NODE_ARGS passes flags to the child Node (e.g. `--cpu-prof` to profile a service under a benchmark).
  const nodeArgs = (process.env.SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, resolve(process.cwd(), 'dist', distEntry)], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      EVENT_RETRY_BASE_MS: '100',
      OUTBOX_POLL_MS: '200',
      PORT: String(port),
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await Promise.race([
    waitForPort(port, 60_000),
    exited.then((code) => Promise.reject(new Error(`${distEntry} exited with ${code}: ${stderr}`))),
  ]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    exited,
    stderr: () => stderr,
    stdout: () => stdout,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs an entry point that is expected to stop by itself (e.g. a refused start); returns its code and output. */
export function runToExit(
  distEntry: string,
  environment: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string; elapsedMs: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [resolve(process.cwd(), 'dist', distEntry)], {
    env: { ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr, elapsedMs: Date.now() - started });
    });
  });
}
