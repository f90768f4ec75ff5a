import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CRPA L114-5: a suspended clock resumes once the time given to answer has run out. The last day given is kept on the
 * file, and the job that resumes clocks finds the files due through a partial index.
 */
export class ClockResumesAfter1764100000000 implements MigrationInterface {
  name = 'ClockResumesAfter1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE intake.applications ADD COLUMN clock_resumes_after date');
    await queryRunner.query(
      `CREATE INDEX applications_clock_resumes ON intake.applications (clock_resumes_after)
       WHERE clock_suspended_on IS NOT NULL AND clock_resumes_after IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE intake.applications DROP COLUMN clock_resumes_after');
  }
}
