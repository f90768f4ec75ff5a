// Starts one real PostgreSQL for the whole run (unless TEST_DATABASE_URL is given); each test file creates its
// own database in it. nats-server instances are started per test file by libs/testing (see README, "Tests").
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNatsServerInstalled, freePort, startLocalPostgres } from '#local-infra';

export default async function globalSetup() {
  if (!process.env.TEST_NATS_URL) ensureNatsServerInstalled((line) => console.log(line));
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-test-'));
  const postgres = await startLocalPostgres(dataDir, await freePort());
  globalThis.__GUICHET_POSTGRES__ = postgres;
  process.env.TEST_DATABASE_URL = postgres.url('postgres');
}
