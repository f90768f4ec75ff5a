// Starts one real PostgreSQL for the whole run (unless TEST_DATABASE_URL is given); each test file creates its
// own database in it. nats-server instances are started per test file by libs/testing (see README, "Tests").
// What the tests need from the machine (nats-server, docker-compose, chromium) is installed here when it can be (root and
// apt-get), as `npm start` does: a newcomer types only `npm test`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCommand, ensureNatsServerInstalled, freePort, startLocalPostgres } from '#local-infra';

const say = (line) => console.log(line);

export default async function globalSetup() {
  if (!process.env.TEST_NATS_URL) ensureNatsServerInstalled(say);
  try {
    ensureCommand(
      {
        command: 'docker-compose',
        debianPackage: 'docker-compose',
        neededFor: 'valider docker-compose.yml (test/docker-compose.e2e-spec.ts)',
        otherwise: '',
      },
      say,
    );
  } catch (error) {
    // Only that test file needs it, and it fails with the same sentence: the rest of the suite runs.
    console.warn(error.message);
  }
  if (!process.env.CHROMIUM_PATH) {
    try {
      ensureCommand(
        {
          command: 'chromium',
          debianPackage: 'chromium',
          neededFor: 'les tests des pages dans un vrai navigateur (test/web-*.e2e-spec.ts)',
          otherwise: 'ou indiquez son chemin dans CHROMIUM_PATH',
        },
        say,
      );
    } catch (error) {
      // Only the browser tests need it, and they fail with the same sentence: the rest of the suite runs.
      console.warn(error.message);
    }
  }
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-test-'));
  const postgres = await startLocalPostgres(dataDir, await freePort(), say);
  globalThis.__GUICHET_POSTGRES__ = postgres;
  globalThis.__GUICHET_POSTGRES_DIR__ = dataDir;
  process.env.TEST_DATABASE_URL = postgres.url('postgres');
}
