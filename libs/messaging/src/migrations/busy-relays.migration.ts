import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxChannel, schemaOf } from './messaging-tables.migration.js';

/**
 * Relays that are busy publishing, and an outbox trigger that wakes a relay only when none is. A NOTIFY takes a
 * lock that serialises every notifying commit of the cluster (fsync included): notifying on every write capped the
 * writers' commit rate. A busy relay goes on taking batches by itself, so it needs no wake-up.
 */
export class BusyRelays1764720000001 implements MigrationInterface {
  name = 'BusyRelays1764720000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "${s}".busy_relays (
        instance text PRIMARY KEY,
        busy_until timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "${s}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM "${s}".busy_relays WHERE busy_until > clock_timestamp()) THEN
          PERFORM pg_notify('${outboxChannel(s)}', '');
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "${s}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${outboxChannel(s)}', ''); RETURN NULL; END $$`);
    await queryRunner.query(`DROP TABLE "${s}".busy_relays`);
  }
}
