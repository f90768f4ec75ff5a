import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The back office: files routed to teams, their history, and the deadline warnings already sent. */
export class BackOfficeTables1764000100000 implements MigrationInterface {
  name = 'BackOfficeTables1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.files (
        id uuid PRIMARY KEY,
        procedure text NOT NULL,
        receipt_number text NOT NULL,
        commune_insee text NOT NULL,
        team_code text NOT NULL,
        default_team boolean NOT NULL DEFAULT false,
        routing_reason text NOT NULL,
        status text NOT NULL,
        assignee text,
        submitted_at timestamptz NOT NULL,
        complete_on date NOT NULL,
        decision_deadline date,
        suspended_on date,
        silence_means text NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        info_request jsonb,
        evaluation jsonb,
        care_plan jsonb,
        decision jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX files_inbox ON routing.files (team_code, status, decision_deadline)',
    );
    await queryRunner.query(
      `CREATE INDEX files_open_deadline ON routing.files (decision_deadline)
       WHERE status IN ('in_review', 'info_requested')`,
    );
    await queryRunner.query(
      `CREATE INDEX files_open_assignee ON routing.files (assignee)
       WHERE status IN ('in_review', 'info_requested')`,
    );
    await queryRunner.query(`
      CREATE TABLE routing.file_history (
        id uuid PRIMARY KEY,
        file_id uuid NOT NULL REFERENCES routing.files (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        actor text,
        text text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX file_history_file ON routing.file_history (file_id, at)');
    await queryRunner.query(`
      CREATE TABLE routing.deadline_warnings (
        file_id uuid NOT NULL REFERENCES routing.files (id) ON DELETE CASCADE,
        deadline date NOT NULL,
        threshold_days integer NOT NULL,
        warned_at timestamptz NOT NULL,
        PRIMARY KEY (file_id, deadline, threshold_days)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE routing.deadline_warnings, routing.file_history, routing.files');
  }
}
