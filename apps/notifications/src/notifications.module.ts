import { type DynamicModule, Module } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import type { NotificationsConfig } from './notifications.config.js';

@Module({})
export class NotificationsModule {
  static readonly description =
    'Notifications : modèles, canaux (e-mail SMTP, in-app), journal de remise, nouvelles tentatives.';

  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'notifications',
          config,
          database: { schema: 'notifications', entities: [], migrations: [] },
        }),
      ],
    };
  }
}
