import type { DynamicModule, INestApplication } from '@nestjs/common';
import { ConfigurationError, loadConfig, type ServiceConfig } from '../config/index.js';
import { createServiceApp, docsPath, type ServiceDescription } from './create-service-app.js';
import { checkNats, checkPostgres, DependencyUnreachable } from './preflight.js';

export interface ServiceEntryPoint<C extends ServiceConfig> extends ServiceDescription {
  configClass: new () => C;
  createModule: (config: C) => DynamicModule;
  /** Runs once the app is built and before it listens (e.g. to attach the JetStream consumer). */
  beforeListen?: (app: INestApplication, config: C) => Promise<void> | void;
}

function fail(service: string, message: string): never {
  process.stderr.write(`[${service}] Démarrage impossible : ${message}\n`);
  process.exit(1);
}

/**
 * In production only the identity provider's tokens are accepted (development tokens are refused whatever the
 * secret): without its JWKS nobody could sign in, so the service does not start.
 */
export function assertProductionSafety(config: ServiceConfig): void {
  if (config.NODE_ENV === 'production' && !config.AUTH_JWKS_URL) {
    throw new ConfigurationError([
      {
        variable: 'AUTH_JWKS_URL',
        reason:
          "requis en production (JWKS du fournisseur d'identité, avec AUTH_ISSUER) : les jetons de développement signés avec AUTH_SECRET n'y sont pas acceptés",
      },
    ]);
  }
}

/**
 * The whole main.ts of a service: validate configuration, check that PostgreSQL and NATS answer (and stop with a
 * message naming the one that does not), build the app, listen, print where it is.
 */
export async function bootstrapService<C extends ServiceConfig>(
  entry: ServiceEntryPoint<C>,
): Promise<INestApplication> {
  let config: C;
  try {
    config = loadConfig(entry.configClass);
    assertProductionSafety(config);
  } catch (error) {
    if (error instanceof ConfigurationError) fail(entry.name, error.message);
    throw error;
  }
  const timeoutMs = config.CONNECT_TIMEOUT_SECONDS * 1000;
  const checks = await Promise.allSettled([
    checkPostgres(config.DATABASE_URL, timeoutMs),
    checkNats(config.NATS_URL, timeoutMs),
  ]);
  const unreachable = checks.flatMap((check) => (check.status === 'rejected' ? [check.reason] : []));
  if (unreachable.length > 0) {
    if (!unreachable.every((error) => error instanceof DependencyUnreachable)) throw unreachable[0];
    fail(entry.name, unreachable.map((error: DependencyUnreachable) => error.message).join(' ; '));
  }
  try {
    const app = await createServiceApp(entry.createModule(config), entry);
    await entry.beforeListen?.(app, config);
    await app.listen(config.PORT, '0.0.0.0');
    const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
    process.stdout.write(
      `${JSON.stringify({ level: 30, service: entry.name, msg: `${entry.name} prêt sur ${url} (OpenAPI : ${url}/${docsPath(entry.name)})`, url })}\n`,
    );
    return app;
  } catch (error) {
    fail(entry.name, error instanceof Error ? error.message : String(error));
  }
}
