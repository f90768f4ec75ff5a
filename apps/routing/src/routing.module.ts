import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import {
  BACK_OFFICE_CONTROLLERS,
  BACK_OFFICE_ENTITIES,
  BACK_OFFICE_MIGRATIONS,
  backOfficeProviders,
} from './back-office/back-office.parts.js';
import {
  DIRECTORY_CONTROLLERS,
  DIRECTORY_MIGRATIONS,
  directoryProviders,
} from './directory/directory.parts.js';
import type { RoutingConfig } from './routing.config.js';

/** What tests (or a demonstration) put in place of the real bindings, e.g. `Clock` or the `DirectoryIndex` port. */
export interface RoutingModuleOptions {
  /** Providers added last: they replace the module's own bindings of the same token. */
  overrides?: Provider[];
}

@Module({})
export class RoutingModule {
  static readonly description =
    "Annuaire des équipes, règles d'orientation, bannette des instructeurs, décisions, « trouver mon contact ».";

  static forRoot(config: RoutingConfig, options: RoutingModuleOptions = {}): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'routing',
          config,
          database: {
            schema: 'routing',
            entities: [...BACK_OFFICE_ENTITIES],
            migrations: [...BACK_OFFICE_MIGRATIONS, ...DIRECTORY_MIGRATIONS],
          },
        }),
      ],
      controllers: [...DIRECTORY_CONTROLLERS, ...BACK_OFFICE_CONTROLLERS],
      providers: [
        ...directoryProviders(config),
        ...backOfficeProviders(config),
        ...(options.overrides ?? []),
      ],
    };
  }
}
