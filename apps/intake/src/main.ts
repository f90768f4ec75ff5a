import 'reflect-metadata';
import { startEventConsumers } from '#messaging';
import { bootstrapService } from '#platform';
import { IntakeConfig } from './intake.config.js';
import { IntakeModule } from './intake.module.js';

await bootstrapService({
  name: 'intake',
  title: 'Guichet — intake',
  description: IntakeModule.description,
  configClass: IntakeConfig,
  createModule: (config) => IntakeModule.forRoot(config),
  beforeListen: (app) => startEventConsumers(app),
});
