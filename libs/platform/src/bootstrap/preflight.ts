import pg from 'pg';
import { connect } from '@nats-io/transport-node';

/** Hides the password of a connection URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(URL illisible)';
  }
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Thrown when a dependency of the service cannot be reached at boot. Its message says which and why. */
export class DependencyUnreachable extends Error {}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`pas de réponse après ${timeoutMs / 1000} s (${what})`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkPostgres(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await withTimeout(
      client.connect().then(() => client.query('SELECT 1')),
      timeoutMs,
      'PostgreSQL',
    );
  } catch (error) {
    throw new DependencyUnreachable(
      `PostgreSQL injoignable (DATABASE_URL=${redactUrl(url)}) : ${reason(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkNats(url: string, timeoutMs: number): Promise<void> {
  try {
    const connection = await withTimeout(
      connect({ servers: url.split(','), timeout: timeoutMs, reconnect: false }),
      timeoutMs + 1000,
      'NATS',
    );
    await connection.close();
  } catch (error) {
    throw new DependencyUnreachable(`NATS injoignable (NATS_URL=${redactUrl(url)}) : ${reason(error)}`);
  }
}
