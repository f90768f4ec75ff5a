import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention categories already purged and announced for each file (README « Security and privacy »). */
export class RetentionDone1764900000000 implements MigrationInterface {
  name = 'RetentionDone1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications ADD COLUMN retention_done text[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_retention ON intake.applications (updated_at)
        WHERE status NOT IN ('draft', 'submitted', 'in_review', 'info_requested')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX intake.applications_retention');
    await queryRunner.query('ALTER TABLE intake.applications DROP COLUMN retention_done');
  }
}
