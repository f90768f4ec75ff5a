import type { DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceDatabaseOptions } from '#platform';
import type { MessagingConfig } from './messaging.config.js';
import { MessagingModule } from './messaging.module.js';
import { MessagingTables1763884800000 } from './migrations/messaging-tables.migration.js';
import { WaitingEvents1764720000000 } from './migrations/waiting-events.migration.js';
import { BusyRelays1764720000001 } from './migrations/busy-relays.migration.js';

export interface EventDrivenServiceDefinition {
  name: string;
  config: MessagingConfig;
  /** The service's own entities and migrations; the messaging tables' migrations are added first. */
  database: ServiceDatabaseOptions;
}

/** The imports every service module starts with: the platform, then the event backbone on its schema. */
export function eventDrivenServiceImports(definition: EventDrivenServiceDefinition): DynamicModule[] {
  const { name, config, database } = definition;
  return [
    PlatformModule.forService({
      name,
      config,
      database: {
        ...database,
        migrations: [
          MessagingTables1763884800000,
          WaitingEvents1764720000000,
          BusyRelays1764720000001,
          ...toArray(database.migrations),
        ],
      },
    }),
    MessagingModule.forService({ name, schema: database.schema, config }),
  ];
}

function toArray<T>(list: T[] | { [key: string]: T }): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
