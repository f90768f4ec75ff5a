import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checks: versioned sampling policies, the facts of each file (non-personal, from application.submitted), one
 * selection per granted file with its proof, the control cases opened, and the append-only audit log.
 */
export class ChecksTables1764000300000 implements MigrationInterface {
  name = 'ChecksTables1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE checks.sampling_policies (
        procedure text NOT NULL,
        version int NOT NULL,
        definition jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (procedure, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE checks.application_facts (
        application_id uuid PRIMARY KEY,
        procedure text NOT NULL,
        facts jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE checks.selections (
        application_id uuid PRIMARY KEY,
        procedure text NOT NULL,
        policy_version int NOT NULL,
        probability double precision NOT NULL,
        draw double precision NOT NULL,
        selected boolean NOT NULL,
        factors jsonb NOT NULL,
        stratum text NOT NULL,
        decided_at timestamptz NOT NULL,
        selected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE checks.cases (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE,
        origin text NOT NULL CHECK (origin IN ('sample', 'targeted')),
        reason text NOT NULL,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        evidence_request jsonb,
        evidence jsonb,
        proposal jsonb,
        answer jsonb,
        conclusion jsonb
      )`);
    await queryRunner.query(`
      CREATE TABLE checks.audit_log (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        application_id uuid,
        details jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    // Append-only: the database itself refuses to change or remove an entry.
    await queryRunner.query(`
      CREATE FUNCTION checks.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'checks.audit_log is append-only: % refused', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checks.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION checks.audit_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE checks.audit_log, checks.cases, checks.selections, checks.application_facts, checks.sampling_policies',
    );
    await queryRunner.query('DROP FUNCTION checks.audit_log_append_only()');
  }
}
