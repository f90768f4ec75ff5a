import type { MigrationInterface, QueryRunner } from 'typeorm';

export function schemaOf(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options;
  const schema = 'schema' in options ? options.schema : undefined;
  if (!schema) throw new Error('Messaging tables need a data source with a schema');
  return schema;
}

export function outboxChannel(schema: string): string {
  return `guichet_outbox_${schema}`;
}

/** Outbox, inbox and dead letters, in the schema of the service that runs this migration. */
export class MessagingTables1763884800000 implements MigrationInterface {
  name = 'MessagingTables1763884800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".outbox (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        subject text NOT NULL,
        aggregate_id text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_unpublished ON "${s}".outbox (seq) WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_unpublished_aggregate ON "${s}".outbox (aggregate_id, seq) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "${s}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${outboxChannel(s)}', ''); RETURN NULL; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON "${s}".outbox
      FOR EACH STATEMENT EXECUTE FUNCTION "${s}".notify_outbox()`);
    await queryRunner.query(`
      CREATE TABLE "${s}".inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".dead_letters (
        id uuid PRIMARY KEY,
        consumer text NOT NULL,
        subject text NOT NULL,
        event_id text,
        stream_seq bigint,
        data text NOT NULL,
        error text NOT NULL,
        deliveries integer NOT NULL,
        status text NOT NULL DEFAULT 'parked',
        parked_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz,
        UNIQUE (consumer, stream_seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}".dead_letters`);
    await queryRunner.query(`DROP TABLE "${s}".inbox`);
    await queryRunner.query(`DROP TABLE "${s}".outbox`);
    await queryRunner.query(`DROP FUNCTION "${s}".notify_outbox()`);
  }
}
