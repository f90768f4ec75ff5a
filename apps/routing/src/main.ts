import 'reflect-metadata';
import { startEventConsumers } from '#messaging';
import { bootstrapService } from '#platform';
import { RoutingConfig } from './routing.config.js';
import { RoutingModule } from './routing.module.js';

await bootstrapService({
  name: 'routing',
  title: 'Guichet — routing',
  description: RoutingModule.description,
  configClass: RoutingConfig,
  createModule: (config) => RoutingModule.forRoot(config),
  beforeListen: (app) => startEventConsumers(app),
});
