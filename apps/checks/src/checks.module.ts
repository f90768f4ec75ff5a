import { type DynamicModule, Module } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import type { ChecksConfig } from './checks.config.js';

@Module({})
export class ChecksModule {
  static readonly description =
    "Contrôles a posteriori : politique d'échantillonnage, dossiers de contrôle, constats, conclusions.";

  static forRoot(config: ChecksConfig): DynamicModule {
    return {
      module: ChecksModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'checks',
          config,
          database: { schema: 'checks', entities: [], migrations: [] },
        }),
      ],
    };
  }
}
