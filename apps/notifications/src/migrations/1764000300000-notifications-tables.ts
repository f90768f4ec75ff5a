import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the copies it keeps (citizens' contact per file, teams' and agents' addresses, agents' choice of
 * digest), the delivery log (one row per message and channel) and the items waiting for an agent's digest.
 */
export class NotificationsTables1764000300000 implements MigrationInterface {
  name = 'NotificationsTables1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications.application_contacts (
        application_id uuid PRIMARY KEY,
        procedure text NOT NULL,
        receipt_number text NOT NULL,
        subject text NOT NULL,
        email text,
        team_code text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE notifications.teams (
        code text PRIMARY KEY,
        name text NOT NULL,
        email text,
        removed boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE notifications.agents (
        subject text PRIMARY KEY,
        display_name text NOT NULL,
        email text,
        team_codes text[] NOT NULL DEFAULT '{}',
        removed boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX agents_teams ON notifications.agents USING gin (team_codes)');
    await queryRunner.query(`
      CREATE TABLE notifications.preferences (
        subject text PRIMARY KEY,
        agent_delivery text NOT NULL CHECK (agent_delivery IN ('immediate', 'digest')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE notifications.messages (
        id uuid PRIMARY KEY,
        source_id text NOT NULL,
        source_type text NOT NULL,
        application_id uuid,
        recipient_role text NOT NULL,
        recipient_subject text NOT NULL,
        address text,
        channel text NOT NULL,
        template text NOT NULL,
        template_version integer NOT NULL,
        resend_of uuid REFERENCES notifications.messages (id) ON DELETE SET NULL,
        resend_number integer NOT NULL DEFAULT 0,
        title text NOT NULL,
        body_text text NOT NULL,
        body_html text,
        status text NOT NULL CHECK (status IN
          ('created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        sending_since timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        delivered_at timestamptz,
        read_at timestamptz,
        UNIQUE (source_id, recipient_subject, template, channel, resend_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX messages_due ON notifications.messages (next_attempt_at)
       WHERE status IN ('created', 'temporary-failure')`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_sending ON notifications.messages (sending_since) WHERE status = 'sending'`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_in_app ON notifications.messages (recipient_subject, created_at DESC)
       WHERE channel = 'in_app'`,
    );
    await queryRunner.query(
      `CREATE INDEX messages_failures ON notifications.messages (updated_at DESC)
       WHERE status IN ('permanent-failure', 'technical-failure')`,
    );
    await queryRunner.query(`
      CREATE TABLE notifications.digest_items (
        id uuid PRIMARY KEY,
        agent_subject text NOT NULL,
        source_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('new_file', 'deadline')),
        application_id uuid NOT NULL,
        details jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        digest_message_id uuid,
        UNIQUE (agent_subject, source_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX digest_items_pending ON notifications.digest_items (agent_subject)
       WHERE digest_message_id IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE notifications.digest_items, notifications.messages, notifications.preferences,
       notifications.agents, notifications.teams, notifications.application_contacts`,
    );
  }
}
