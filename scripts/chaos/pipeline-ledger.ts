import pg from 'pg';
import type { CaughtMail } from '#testing';
import type { FiledReceipt } from './file-load.js';

const SCHEMAS = ['intake', 'routing', 'checks', 'notifications'] as const;
const SUBMITTED = 'guichet.application.submitted';
const ROUTED = 'guichet.application.routed';

/** Where the pipeline stands for the files filed: what "quiet" is read from. */
export interface PipelineState {
  routed: number;
  acknowledged: number;
  factsKept: number;
  unpublished: number;
  pendingMessages: number;
  waiting: number;
  deadLetters: number;
}

export interface PipelineVerdict {
  counts: Record<string, number>;
  breaches: string[];
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function count(client: pg.Client, sql: string, parameters: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql, parameters);
  return Number(rows[0]?.n ?? 0);
}

async function sumOverSchemas(client: pg.Client, table: string, where = 'true'): Promise<number> {
  let total = 0;
  for (const schema of SCHEMAS)
    total += await count(client, `SELECT count(*) AS n FROM "${schema}".${table} WHERE ${where}`);
  return total;
}

export function pipelineState(databaseUrl: string, ids: string[]): Promise<PipelineState> {
  return withClient(databaseUrl, async (client) => ({
    routed: await count(
      client,
      'SELECT count(DISTINCT aggregate_id) AS n FROM routing.outbox WHERE subject = $1 AND aggregate_id = ANY($2)',
      [ROUTED, ids],
    ),
    acknowledged: await count(
      client,
      `SELECT count(*) AS n FROM notifications.messages WHERE source_type = $1 AND channel = 'email'
         AND recipient_role = 'citizen' AND status = 'delivered' AND application_id = ANY($2::uuid[])`,
      [SUBMITTED, ids],
    ),
    factsKept: await count(
      client,
      'SELECT count(*) AS n FROM checks.application_facts WHERE application_id = ANY($1::uuid[])',
      [ids],
    ),
    unpublished: await sumOverSchemas(client, 'outbox', 'published_at IS NULL'),
    pendingMessages: await count(
      client,
      "SELECT count(*) AS n FROM notifications.messages WHERE status IN ('created', 'sending', 'temporary-failure')",
    ),
    waiting: await sumOverSchemas(client, 'waiting_events'),
    deadLetters: await sumOverSchemas(client, 'dead_letters'),
  }));
}

export function isQuiet(state: PipelineState, files: number): boolean {
  return (
    state.routed === files &&
    state.acknowledged === files &&
    state.factsKept === files &&
    state.unpublished === 0 &&
    state.pendingMessages === 0 &&
    state.waiting === 0
  );
}

/**
 * The guarantees, checked from the databases and the SMTP catcher: every receipt given is a file filed once, routed
 * once, drawn at most once, acknowledged once (at most the documented duplicate, counted); no dead letter; nothing
 * left in an outbox, in `sending`, or waiting.
 */
export function verifyPipeline(
  databaseUrl: string,
  receipts: FiledReceipt[],
  mails: CaughtMail[],
): Promise<PipelineVerdict> {
  const ids = receipts.map((receipt) => receipt.id);
  return withClient(databaseUrl, async (client) => {
    const breaches: string[] = [];
    const breach = (what: string, n: number) => {
      if (n > 0) breaches.push(`${what} : ${n}`);
    };
    const filed = await client.query<{ id: string; receipt_number: string | null; status: string }>(
      'SELECT id, receipt_number, status FROM intake.applications WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const stored = new Map(filed.rows.map((row) => [row.id, row]));
    breach(
      'reçus sans dossier déposé',
      receipts.filter((r) => stored.get(r.id)?.receipt_number !== r.receiptNumber).length,
    );
    breach('reçus donnés deux fois', ids.length - new Set(ids).size);
    const submittedFiles = await count(
      client,
      'SELECT count(*) AS n FROM intake.applications WHERE receipt_number IS NOT NULL',
    );
    breach('dossiers déposés sans reçu donné', submittedFiles - new Set(ids).size);
    breach(
      'numéros de reçu en double',
      await count(
        client,
        'SELECT count(*) AS n FROM (SELECT receipt_number FROM intake.applications WHERE receipt_number IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d',
      ),
    );
    const routedTwice = await count(
      client,
      'SELECT count(*) AS n FROM (SELECT aggregate_id FROM routing.outbox WHERE subject = $1 GROUP BY 1 HAVING count(*) > 1) d',
      [ROUTED],
    );
    breach('dossiers orientés deux fois', routedTwice);
    const routed = await count(client, 'SELECT count(*) AS n FROM routing.files WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    breach('dossiers jamais orientés', ids.length - routed);
    breach(
      'dossiers tirés au sort deux fois',
      await count(
        client,
        'SELECT count(*) AS n FROM (SELECT application_id FROM checks.selections GROUP BY 1 HAVING count(*) > 1) d',
      ),
    );
    const acknowledgements = await client.query<{ id: string; application_id: string; status: string }>(
      `SELECT id, application_id, status FROM notifications.messages WHERE source_type = $1 AND channel = 'email'
         AND recipient_role = 'citizen' AND application_id = ANY($2::uuid[])`,
      [SUBMITTED, ids],
    );
    const logged = new Map<string, number>();
    for (const row of acknowledgements.rows)
      logged.set(row.application_id, (logged.get(row.application_id) ?? 0) + 1);
    breach('accusés de réception jamais journalisés', ids.filter((id) => !logged.has(id)).length);
    breach('accusés de réception journalisés deux fois', [...logged.values()].filter((n) => n > 1).length);
    breach(
      'accusés de réception non délivrés',
      acknowledgements.rows.filter((row) => row.status !== 'delivered').length,
    );
    const received = new Map<string, number>();
    for (const mail of mails)
      if (mail.messageId) received.set(mail.messageId, (received.get(mail.messageId) ?? 0) + 1);
    const copies = acknowledgements.rows.map((row) => received.get(row.id) ?? 0);
    breach('accusés de réception jamais reçus par SMTP', copies.filter((n) => n === 0).length);
    breach('accusés de réception reçus plus de deux fois', copies.filter((n) => n > 2).length);
    const state = await pipelineState(databaseUrl, ids);
    breach('lettres mortes', state.deadLetters);
    breach('événements restés dans une outbox', state.unpublished);
    breach('messages restés en cours d’envoi', state.pendingMessages);
    breach('événements encore en attente de leur prédécesseur', state.waiting);
    return {
      counts: {
        receipts: ids.length,
        filed: submittedFiles,
        routed,
        drawn: await count(
          client,
          'SELECT count(*) AS n FROM checks.selections WHERE application_id = ANY($1::uuid[])',
          [ids],
        ),
        acknowledgementsDelivered: acknowledgements.rows.filter((row) => row.status === 'delivered').length,
        smtpDuplicates: copies.filter((n) => n === 2).length,
        deadLetters: state.deadLetters,
      },
      breaches,
    };
  });
}
