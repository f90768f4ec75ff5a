import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeTables1763884900000 implements MigrationInterface {
  name = 'IntakeTables1763884900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.applications (
        id uuid PRIMARY KEY,
        procedure text NOT NULL,
        owner_subject text NOT NULL,
        status text NOT NULL,
        data jsonb NOT NULL,
        receipt_number text UNIQUE,
        submitted_at timestamptz,
        decision_deadline date,
        clock_suspended_on date,
        silence_means text,
        warnings jsonb NOT NULL DEFAULT '[]',
        handling jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX applications_owner ON intake.applications (owner_subject, created_at)',
    );
    await queryRunner.query(`
      CREATE TABLE intake.timeline_entries (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES intake.applications (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        text text NOT NULL,
        event_id uuid
      )`);
    await queryRunner.query(
      'CREATE INDEX timeline_application ON intake.timeline_entries (application_id, at)',
    );
    await queryRunner.query(`
      CREATE TABLE intake.receipt_counters (
        procedure text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (procedure, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.idempotency_keys (
        owner_subject text NOT NULL,
        key text NOT NULL,
        application_id uuid NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_subject, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE intake.idempotency_keys, intake.receipt_counters, intake.timeline_entries, intake.applications',
    );
  }
}
