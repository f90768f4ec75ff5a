import { freePort } from '#local-infra';
import { createTestDatabase, runToExit, startTestNats, type TestNats } from '#testing';

/** A service that cannot start must say why and stop within 30 seconds, with a non-zero code. */
describe('a service that cannot start (real processes)', () => {
  let nats: TestNats;
  let databaseUrl: string;
  const base = () => ({
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    NATS_URL: nats.url,
    CONNECT_TIMEOUT_SECONDS: '5',
  });

  beforeAll(async () => {
    nats = await startTestNats();
    databaseUrl = await createTestDatabase('startup');
  });

  afterAll(async () => {
    await nats?.stop();
  });

  it('stops when PostgreSQL does not answer, naming DATABASE_URL without its password', async () => {
    const closedPort = await freePort();
    const result = await runToExit(
      'apps/intake/src/main.js',
      { ...base(), DATABASE_URL: `postgres://guichet:topsecret@127.0.0.1:${closedPort}/guichet` },
      30_000,
    );
    expect(result.code).toBe(1);
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(result.stderr).toContain('PostgreSQL injoignable (DATABASE_URL=postgres://guichet:***@127.0.0.1');
    expect(result.stderr).not.toContain('topsecret');
  });

  it('stops when NATS does not answer, naming NATS_URL', async () => {
    const result = await runToExit(
      'apps/routing/src/main.js',
      { ...base(), NATS_URL: `nats://127.0.0.1:${await freePort()}` },
      30_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NATS injoignable (NATS_URL=nats://127.0.0.1');
  });

  it('stops on a missing or malformed variable, naming it', async () => {
    const result = await runToExit(
      'apps/checks/src/main.js',
      { ...base(), DATABASE_URL: undefined, EVENT_MAX_DELIVER: 'many' },
      30_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Configuration invalide : .*DATABASE_URL/);
    expect(result.stderr).toContain('EVENT_MAX_DELIVER');
  });

  it('counts an unset NODE_ENV as production, so a forgotten variable never opens the development secret', async () => {
    const result = await runToExit(
      'apps/notifications/src/main.js',
      { ...base(), NODE_ENV: undefined },
      30_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AUTH_SECRET');
  });

  it('refuses to start in production with the development secret', async () => {
    const result = await runToExit(
      'apps/notifications/src/main.js',
      { ...base(), NODE_ENV: 'production' },
      30_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AUTH_SECRET');
  });
});
