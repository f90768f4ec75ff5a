import type { DynamicModule } from '@nestjs/common';
import { loadConfig } from '#platform';
import { type NestRoute, nestRoutesOf } from '#testing';
import { ChecksConfig } from '../../apps/checks/src/checks.config.js';
import { ChecksModule } from '../../apps/checks/src/checks.module.js';
import { IntakeConfig } from '../../apps/intake/src/intake.config.js';
import { IntakeModule } from '../../apps/intake/src/intake.module.js';
import { NotificationsConfig } from '../../apps/notifications/src/notifications.config.js';
import { NotificationsModule } from '../../apps/notifications/src/notifications.module.js';
import { RoutingConfig } from '../../apps/routing/src/routing.config.js';
import { RoutingModule } from '../../apps/routing/src/routing.module.js';
import { WebConfig } from '../../apps/web/src/web.config.js';
import { WebModule } from '../../apps/web/src/web.module.js';

/** A route of one application: `intake GET /api/applications/:id`. */
export interface AppRoute extends NestRoute {
  app: 'intake' | 'routing' | 'checks' | 'notifications' | 'web';
  key: string;
}

/** Enough configuration to build each root module (nothing is started: only the route declarations are read). */
const ENVIRONMENT = {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://matrix@127.0.0.1:1/matrix',
  NATS_URL: 'nats://127.0.0.1:1',
  CHECKS_CAMPAIGN_KEY: 'matrix-campaign-key-0123456789',
};

const ROOTS: [AppRoute['app'], () => DynamicModule][] = [
  ['intake', () => IntakeModule.forRoot(loadConfig(IntakeConfig, ENVIRONMENT))],
  ['routing', () => RoutingModule.forRoot(loadConfig(RoutingConfig, ENVIRONMENT))],
  ['checks', () => ChecksModule.forRoot(loadConfig(ChecksConfig, ENVIRONMENT))],
  ['notifications', () => NotificationsModule.forRoot(loadConfig(NotificationsConfig, ENVIRONMENT))],
  ['web', () => WebModule.forConfig(loadConfig(WebConfig, ENVIRONMENT))],
];

/** Every route of every application, as its Nest router maps them. */
export async function everyRoute(): Promise<AppRoute[]> {
  const routes: AppRoute[] = [];
  for (const [app, root] of ROOTS) {
    for (const route of await nestRoutesOf(root())) {
      routes.push({ ...route, app, key: `${app} ${route.method} ${route.path}` });
    }
  }
  return routes;
}
