import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which worker holds a message in `sending`, and which workers are alive: a message held by a worker that died is
 * tried again as soon as the worker is known dead (no heartbeat for 15 s), not only after DELIVERY_STALE_SENDING_MS.
 */
export class DeliveryWorkers1764800000000 implements MigrationInterface {
  name = 'DeliveryWorkers1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE notifications.messages ADD COLUMN sending_by text');
    await queryRunner.query(`
      CREATE UNLOGGED TABLE notifications.delivery_workers (
        instance text PRIMARY KEY,
        alive_until timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notifications.delivery_workers');
    await queryRunner.query('ALTER TABLE notifications.messages DROP COLUMN sending_by');
  }
}
