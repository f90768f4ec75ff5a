import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './messaging-tables.migration.js';

/** Events that arrived before the one they need, with how often and since when they waited (not yet parked). */
export class WaitingEvents1764720000000 implements MigrationInterface {
  name = 'WaitingEvents1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".waiting_events (
        consumer text NOT NULL,
        event_id text NOT NULL,
        awaited text NOT NULL,
        waits integer NOT NULL DEFAULT 1,
        first_wait_at timestamptz NOT NULL DEFAULT now(),
        last_wait_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".waiting_events`);
  }
}
