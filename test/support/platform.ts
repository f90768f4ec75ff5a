import { freePort } from '#local-infra';
import {
  createTestDatabase,
  type ServiceProcess,
  spawnServiceProcess,
  startTestIdentityProvider,
  startTestNats,
  type TestIdentityProvider,
  type TestNats,
} from '#testing';

export const SERVICE_NAMES = ['intake', 'routing', 'checks', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface RunningPlatform {
  /** The edge: the one base URL of the API. */
  url: string;
  databaseUrl: string;
  nats: TestNats;
  services: Record<ServiceName, ServiceProcess>;
  /** The web application's process, when started with `{ web: true }` (its pages through `url`, the edge). */
  web?: ServiceProcess;
  /** The local identity provider's issuer, when started with `{ identity: true }`. */
  identityUrl?: string;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /**
   * Also run apps/identity (free port, temporary keys) and have the services verify its tokens (AUTH_ISSUER,
   * AUTH_JWKS_URL), as `npm start` does. Development tokens stay accepted (NODE_ENV=test).
   */
  identity?: boolean;
  /**
   * Also run the web application (apps/web) behind the edge, signing people in with the identity provider (started
   * too, its redirect addresses set to the edge's): the platform a browser test drives.
   */
  web?: boolean;
  /** Where the notifications service sends e-mails (a test SMTP server). */
  smtpUrl?: string;
  /**
   * Variables of the edge. By default its budgets are a thousand times the defaults: the tests file many requests from
   * one address; the rate-limit test sets its own.
   */
  edgeEnvironment?: Record<string, string>;
  /** Variables of the identity provider (e.g. a short ACCESS_TOKEN_TTL_SECONDS). */
  identityEnvironment?: Record<string, string>;
}

/** The four services and the edge as separate processes, as `npm start` runs them, on a fresh database and NATS. */
export async function startPlatform(label: string, options: PlatformOptions = {}): Promise<RunningPlatform> {
  const nats = await startTestNats();
  const databaseUrl = await createTestDatabase(label);
  let identity: TestIdentityProvider | undefined;
  // The edge's address is fixed first: the identity provider must know where to send people back.
  const edgePort = await freePort();
  const edgeUrl = `http://127.0.0.1:${edgePort}`;
  try {
    if (options.identity || options.web) {
      // With the pages, the provider sends people back to them; without, its defaults serve the tests' own client.
      const pages: Record<string, string> = options.web
        ? { WEB_REDIRECT_URIS: `${edgeUrl}/connexion/retour`, WEB_POST_LOGOUT_REDIRECT_URIS: `${edgeUrl}/` }
        : {};
      identity = await startTestIdentityProvider({ ...pages, ...options.identityEnvironment });
    }
  } catch (error) {
    await nats.stop();
    throw error;
  }
  // Logs at info level, so that tests can read them (ServiceProcess.stdout()).
  const environment = {
    DATABASE_URL: databaseUrl,
    NATS_URL: nats.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    ...(identity ? { AUTH_ISSUER: identity.issuer, AUTH_JWKS_URL: identity.jwksUrl } : {}),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  };
  // One service that fails to start must not leave the others (and nats-server) running after the test.
  const attempts = await Promise.allSettled(
    SERVICE_NAMES.map((name) => spawnServiceProcess(`apps/${name}/src/main.js`, environment)),
  );
  const failure = attempts.find((attempt) => attempt.status === 'rejected');
  if (failure) {
    await Promise.all(
      attempts.map((attempt) => (attempt.status === 'fulfilled' ? attempt.value.stop() : undefined)),
    );
    await identity?.stop();
    await nats.stop();
    throw failure.reason;
  }
  const started = attempts.map((attempt) => (attempt as PromiseFulfilledResult<ServiceProcess>).value);
  const services = Object.fromEntries(SERVICE_NAMES.map((name, index) => [name, started[index]])) as Record<
    ServiceName,
    ServiceProcess
  >;
  const web =
    options.web && identity
      ? await spawnServiceProcess('apps/web/src/main.js', {
          API_URL: edgeUrl,
          PUBLIC_BASE_URL: edgeUrl,
          OIDC_ISSUER: identity.issuer,
          LOG_LEVEL: environment.LOG_LEVEL,
        })
      : undefined;
  const edge = await spawnServiceProcess(
    'apps/edge/src/main.js',
    {
      INTAKE_URL: services.intake.url,
      ROUTING_URL: services.routing.url,
      CHECKS_URL: services.checks.url,
      NOTIFICATIONS_URL: services.notifications.url,
      ...(web ? { WEB_URL: web.url } : {}),
      RATE_LIMIT_MULTIPLIER: '1000',
      ...options.edgeEnvironment,
    },
    { port: edgePort },
  );
  return {
    url: edge.url,
    web,
    databaseUrl,
    nats,
    services,
    identityUrl: identity?.issuer,
    async stop() {
      await edge.stop();
      await web?.stop();
      await Promise.all(started.map((service) => service.stop()));
      await identity?.stop();
      await nats.stop();
    },
  };
}
