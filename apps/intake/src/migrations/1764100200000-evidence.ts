import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence sent by citizens for an after-the-fact control: what, for which control, where it is stored. */
export class Evidence1764100200000 implements MigrationInterface {
  name = 'Evidence1764100200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.evidence (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES intake.applications (id),
        check_id uuid NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        location text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX evidence_by_application ON intake.evidence (application_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE intake.evidence');
  }
}
