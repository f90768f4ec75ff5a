import 'reflect-metadata';
import { startEventConsumers } from '#messaging';
import { bootstrapService } from '#platform';
import { NotificationsConfig } from './notifications.config.js';
import { NotificationsModule } from './notifications.module.js';

await bootstrapService({
  name: 'notifications',
  title: 'Guichet — notifications',
  description: NotificationsModule.description,
  configClass: NotificationsConfig,
  createModule: (config) => NotificationsModule.forRoot(config),
  beforeListen: (app) => startEventConsumers(app),
});
