import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every read of a file's content by staff (who, role, team, when, which file, why), append-only. */
export class AccessLog1764100100000 implements MigrationInterface {
  name = 'AccessLog1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.access_log (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_subject text NOT NULL,
        actor_role text NOT NULL,
        actor_team text,
        purpose text NOT NULL,
        correlation_id text
      )`);
    await queryRunner.query('CREATE INDEX access_log_application ON intake.access_log (application_id, at)');
    await queryRunner.query('CREATE INDEX access_log_actor ON intake.access_log (actor_subject, at)');
    await queryRunner.query('CREATE INDEX access_log_at ON intake.access_log (at)');
    // Append-only: a line of the log is never changed (deleting stays possible for the retention purge).
    await queryRunner.query(`
      CREATE FUNCTION intake.access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'intake.access_log is append-only'; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON intake.access_log
      FOR EACH ROW EXECUTE FUNCTION intake.access_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE intake.access_log');
    await queryRunner.query('DROP FUNCTION intake.access_log_is_append_only()');
  }
}
