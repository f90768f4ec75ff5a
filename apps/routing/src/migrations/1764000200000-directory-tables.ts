import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory: teams with their public contact, agents, routing rules, and a version that replicas follow. */
export class DirectoryTables1764000200000 implements MigrationInterface {
  name = 'DirectoryTables1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.teams (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        contact jsonb NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        demo boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX teams_one_default ON routing.teams (is_default) WHERE is_default`,
    );
    await queryRunner.query(`
      CREATE TABLE routing.agents (
        subject text PRIMARY KEY,
        display_name text NOT NULL,
        email text,
        team_codes text[] NOT NULL,
        demo boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE routing.routing_rules (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        area_kind text NOT NULL CHECK (area_kind IN ('commune', 'epci', 'departement')),
        area_code text NOT NULL,
        team_code text NOT NULL REFERENCES routing.teams (code),
        demo boolean NOT NULL DEFAULT false,
        UNIQUE (subject, area_kind, area_code)
      )`);
    await queryRunner.query(
      `CREATE TABLE routing.directory_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO routing.directory_version VALUES (1, 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE routing.directory_version, routing.routing_rules, routing.agents, routing.teams`,
    );
  }
}
