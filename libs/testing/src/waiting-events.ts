import { eventually } from './eventually.js';
import { query } from './test-database.js';

/** Variables that make a service's retry budget small and its waits quick, for out-of-order tests. */
export const SHORT_RETRY_BUDGET = {
  EVENT_MAX_DELIVER: '2',
  EVENT_RETRY_BASE_MS: '50',
  EVENT_WAIT_RETRY_BASE_MS: '50',
  EVENT_WAIT_RETRY_MAX_MS: '200',
} as const;

/**
 * Waits until a service has let an event wait (NotYet) more times than its whole retry budget — a failure would be
 * a dead letter by then — and returns what the event waits for.
 */
export async function waitedPastRetryBudget(
  databaseUrl: string,
  schema: string,
  eventId: string,
  budget = Number(SHORT_RETRY_BUDGET.EVENT_MAX_DELIVER),
): Promise<string> {
  return eventually(async () => {
    const [row] = await query<{ waits: number; awaited: string }>(
      databaseUrl,
      `SELECT waits, awaited FROM "${schema}".waiting_events WHERE event_id = $1`,
      [eventId],
    );
    if (!row || row.waits <= 2 * budget)
      throw new Error(`event ${eventId} has waited ${row?.waits ?? 0} times`);
    return row.awaited;
  }, 30_000);
}

/** Waits until no event waits any more in a service, and returns its dead letters (what a test expects empty). */
export async function settledWithoutWaiting(
  databaseUrl: string,
  schema: string,
): Promise<{ error: string }[]> {
  await eventually(async () => {
    const rows = await query(databaseUrl, `SELECT event_id FROM "${schema}".waiting_events`);
    if (rows.length > 0) throw new Error(`${rows.length} events still wait`);
  }, 30_000);
  return query<{ error: string }>(databaseUrl, `SELECT error FROM "${schema}".dead_letters`);
}
