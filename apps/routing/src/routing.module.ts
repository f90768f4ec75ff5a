import { type DynamicModule, Module } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import type { RoutingConfig } from './routing.config.js';

@Module({})
export class RoutingModule {
  static readonly description =
    "Annuaire des équipes, règles d'orientation, bannette des instructeurs, décisions, « trouver mon contact ».";

  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'routing',
          config,
          database: { schema: 'routing', entities: [], migrations: [] },
        }),
      ],
    };
  }
}
