import pg from 'pg';

/** Tables that change by themselves while nothing is asked: workers' heartbeats, relays at work, migrations' locks. */
const LIVING_TABLES = /\.(busy_relays|delivery_workers)$/;

/** A digest of every row of every service's tables: a refused request must leave it as it was. */
export async function databaseFingerprint(databaseUrl: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('intake', 'routing', 'checks', 'notifications') AND table_type = 'BASE TABLE'
        ORDER BY 1`,
    );
    const digests = new Map<string, string>();
    for (const { name } of tables.rows) {
      if (LIVING_TABLES.test(name)) continue;
      const [schema, table] = name.split('.');
      const row = await client.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${schema}"."${table}" t`,
      );
      digests.set(name, row.rows[0].digest);
    }
    return digests;
  } finally {
    await client.end();
  }
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (name) => before.get(name) !== after.get(name),
  );
}

/**
 * Whether the platform is at rest: every event relayed, and the notifications of what
 * happened sent (at least one, none still to send). The fingerprint is taken then.
 */
export async function platformAtRest(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pending = await client.query<{ pending: string; sent: string }>(
      `SELECT (SELECT count(*) FROM intake.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM routing.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM checks.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM notifications.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM notifications.messages WHERE status IN ('created', 'temporary-failure', 'sending'))
              AS pending,
              (SELECT count(*) FROM notifications.messages WHERE status = 'delivered') AS sent`,
    );
    return Number(pending.rows[0].pending) === 0 && Number(pending.rows[0].sent) > 0;
  } finally {
    await client.end();
  }
}
