import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROUTES } from '../apps/edge/src/edge.routes.js';

const COMPOSE_FILE = resolve(process.cwd(), 'docker-compose.yml');
const JWKS_URL = 'https://sso.example/jwks';
/** What a production deployment must give (the compose file refuses to render without each). */
const PRODUCTION: Record<string, string> = {
  AUTH_JWKS_URL: JWKS_URL,
  AUTH_ISSUER: 'https://sso.example/realms/guichet',
  SMTP_URL: 'smtp://relay.example:587',
  CHECKS_CAMPAIGN_KEY: 'a-secret-campaign-key-2026',
  OIDC_CLIENT_SECRET: 'a-web-client-secret',
  SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
};

interface ComposeResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** What docker-compose prints and returns; a missing docker-compose fails the test (`npm test` installs it when root). */
function compose(
  args: string[],
  env: NodeJS.ProcessEnv,
  envFile: string,
  files: string[] = [COMPOSE_FILE],
): ComposeResult {
  try {
    const fileArgs = files.flatMap((file) => ['-f', file]);
    const stdout = execFileSync('docker-compose', ['--env-file', envFile, ...fileArgs, ...args], {
      cwd: process.cwd(),
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {
      status?: number | null;
      stdout?: string;
      stderr?: string;
    };
    if (failure.code === 'ENOENT') {
      throw new Error(
        "docker-compose est introuvable : npm test l'installe quand il tourne en root avec apt-get ; sinon " +
          'installez-le (Debian/Ubuntu : sudo apt-get install -y docker-compose) : ce test valide docker-compose.yml avec lui.',
        { cause: error },
      );
    }
    if (typeof failure.status !== 'number') throw error;
    return { status: failure.status, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

function without(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(PRODUCTION).filter(([key]) => key !== name));
}

/** The caller's environment without anything that would feed or redirect the compose file. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !name.startsWith('AUTH_') &&
        !name.startsWith('COMPOSE_') &&
        !name.startsWith('SMTP_') &&
        !name.startsWith('CHECKS_'),
    ),
  );
  return { ...env, ...extra };
}

describe('docker-compose.yml (validated by docker-compose 1.29, no Docker engine needed)', () => {
  let dir: string;
  let envFile: string;

  beforeAll(() => {
    // An empty --env-file: a developer's .env must not supply AUTH_JWKS_URL behind the test's back.
    dir = mkdtempSync(join(tmpdir(), 'guichet-compose-'));
    envFile = join(dir, 'empty.env');
    writeFileSync(envFile, '');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is valid when AUTH_JWKS_URL is set', () => {
    const result = compose(['config', '-q'], cleanEnv(PRODUCTION), envFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs PostgreSQL, NATS, the four services, the web pages and the edge', () => {
    const result = compose(['config', '--services'], cleanEnv(PRODUCTION), envFile);
    expect(result.status).toBe(0);
    const services = result.stdout.split('\n').filter((line) => line.trim() !== '');
    expect(new Set(services)).toEqual(
      new Set(['postgres', 'nats', 'intake', 'routing', 'checks', 'notifications', 'web', 'edge']),
    );
  });

  it('gives every service the edge routes to a container, and points the edge at it', () => {
    const services = compose(['config', '--services'], cleanEnv(PRODUCTION), envFile)
      .stdout.split('\n')
      .filter((line) => line.trim() !== '');
    const rendered = compose(['config'], cleanEnv(PRODUCTION), envFile).stdout;
    const routed = [...new Set(ROUTES.map((route) => route.service))];
    expect(routed.length).toBeGreaterThan(0);
    for (const service of routed) {
      expect(services).toContain(service);
      expect(rendered).toContain(`${service.toUpperCase()}_URL: http://${service}:3000`);
    }
    // Every other path is a page: the edge sends it to the web application, which calls the API through the edge.
    expect(services).toContain('web');
    expect(rendered).toContain('WEB_URL: http://web:3000');
    expect(rendered).toContain('API_URL: http://edge:3000');
  });

  it.each(['OIDC_CLIENT_SECRET', 'SESSION_SECRET'])(
    'refuses to render without %s (the web pages), naming it',
    (name) => {
      const result = compose(['config', '-q'], cleanEnv(without(name)), envFile);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(name);
    },
  );

  it('keeps intake’s evidence on a named volume at EVIDENCE_DIR, a folder the image gives to its user', () => {
    const rendered = compose(['config'], cleanEnv(PRODUCTION), envFile).stdout;
    const intake = rendered.slice(rendered.indexOf('\n  intake:'), rendered.indexOf('\n  nats:'));
    expect(intake).toContain('EVIDENCE_DIR: /var/lib/guichet/evidence');
    expect(intake).toContain('- evidence-data:/var/lib/guichet/evidence');
    expect(rendered).toMatch(/^volumes:\n(?:.*\n)*?\s+evidence-data:/m);
    const dockerfile = readFileSync(resolve(process.cwd(), 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('chown node:node /var/lib/guichet/evidence');
  });

  it('with docker-compose.cluster.yml: three NATS nodes in one cluster, the stream at 3 replicas, two replicas of each service', () => {
    const files = [COMPOSE_FILE, resolve(process.cwd(), 'docker-compose.cluster.yml')];
    expect(compose(['config', '-q'], cleanEnv(PRODUCTION), envFile, files).status).toBe(0);
    const services = compose(['config', '--services'], cleanEnv(PRODUCTION), envFile, files).stdout;
    expect(services.split('\n')).toEqual(expect.arrayContaining(['nats', 'nats-2', 'nats-3']));
    const rendered = compose(['config'], cleanEnv(PRODUCTION), envFile, files).stdout;
    for (const node of ['nats-1', 'nats-2', 'nats-3']) expect(rendered).toContain(`- ${node}`);
    expect(rendered.match(/--cluster_name/g)).toHaveLength(3);
    for (const service of ['intake', 'routing', 'checks', 'notifications']) {
      // The service's block: its line, then every line indented deeper.
      const section = new RegExp(`\\n  ${service}:\\n((?: {4}.*\\n)*)`).exec(rendered)?.[1] ?? '';
      expect(section).toContain('NATS_URL: nats://nats:4222,nats://nats-2:4222,nats://nats-3:4222');
      expect(section).toContain("NATS_STREAM_REPLICAS: '3'");
      expect(section).toContain('scale: 2');
    }
  });

  it('refuses to render without AUTH_JWKS_URL, naming it', () => {
    const result = compose(['config', '-q'], cleanEnv(without('AUTH_JWKS_URL')), envFile);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('AUTH_JWKS_URL');
  });

  it('refuses to render without SMTP_URL (the notifications relay), naming it', () => {
    const result = compose(['config', '-q'], cleanEnv(without('SMTP_URL')), envFile);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SMTP_URL');
  });
});
