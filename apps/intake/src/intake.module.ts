import { type DynamicModule, Module } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import type { IntakeConfig } from './intake.config.js';

@Module({})
export class IntakeModule {
  static readonly description =
    "Dépôt des demandes (APA, APCR) : brouillons, dépôt sur l'honneur, accusé de réception, délais, suivi du dossier.";

  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'intake',
          config,
          database: { schema: 'intake', entities: [], migrations: [] },
        }),
      ],
    };
  }
}
