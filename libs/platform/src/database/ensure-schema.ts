import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Opens a service's data source: creates its schema and runs its migrations while holding a PostgreSQL advisory
 * lock, so that replicas starting together on an empty database migrate one after the other.
 */
export async function openServiceDataSource(
  url: string,
  schema: string,
  options: DataSourceOptions,
): Promise<DataSource> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const lock = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`guichet:migrations:${schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  } finally {
    await lock.end();
  }
}
