import type { DynamicModule, INestApplication } from '@nestjs/common';
import { startEventConsumers } from '#messaging';
import { createServiceApp, loadConfig, type ServiceConfig } from '#platform';

export interface RunningService {
  app: INestApplication;
  /** Base URL of the service's HTTP API on loopback. */
  url: string;
  close(): Promise<void>;
}

/** Validated configuration for a test service: the test's database and NATS, quiet logs, fast retries. */
export function testConfig<C extends ServiceConfig>(
  configClass: new () => C,
  variables: { DATABASE_URL: string; NATS_URL: string } & Record<string, string>,
): C {
  return loadConfig(configClass, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    EVENT_RETRY_BASE_MS: '100',
    OUTBOX_POLL_MS: '200',
    ...variables,
  });
}

/** Starts a service module in this process like `main.ts` does: HTTP on a free port and its JetStream consumers. */
export async function startService(
  name: string,
  module: DynamicModule,
  options: { events?: boolean } = {},
): Promise<RunningService> {
  const app = await createServiceApp(module, { name, title: name, description: name });
  if (options.events !== false) await startEventConsumers(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}
