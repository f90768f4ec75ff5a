import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDatabaseOptions {
  /** PostgreSQL schema owned by the service (`intake`, `routing`…). */
  schema: string;
  // TypeORM's own list types: entity classes and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** TypeORM options of a service: its own schema, its migrations (run at boot under a lock), never `synchronize`. */
export function dataSourceOptions(
  url: string,
  options: ServiceDatabaseOptions,
  applicationName: string,
  poolSize: number,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
