import 'reflect-metadata';
import { startEventConsumers } from '#messaging';
import { bootstrapService } from '#platform';
import { ChecksConfig } from './checks.config.js';
import { ChecksModule } from './checks.module.js';

await bootstrapService({
  name: 'checks',
  title: 'Guichet — checks',
  description: ChecksModule.description,
  configClass: ChecksConfig,
  createModule: (config) => ChecksModule.forRoot(config),
  beforeListen: (app) => startEventConsumers(app),
});
