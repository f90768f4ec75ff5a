import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The key a file counts under for its procedure's annual limit (e.g. `2026:14001:general`). */
export class AnnualQuota1763885000000 implements MigrationInterface {
  name = 'AnnualQuota1763885000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE intake.applications ADD COLUMN quota_key text');
    await queryRunner.query(
      'CREATE INDEX applications_quota ON intake.applications (procedure, quota_key) WHERE quota_key IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE intake.applications DROP COLUMN quota_key');
  }
}
