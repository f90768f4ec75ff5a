import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort, type LocalNats, startLocalNats } from '#local-infra';

export interface TestNats {
  url: string;
  /** Stops the server (the JetStream store stays on disk). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same store. */
  start(): Promise<void>;
}

async function deleteStreams(url: string): Promise<void> {
  const connection = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(connection);
    for await (const name of jsm.streams.names()) await jsm.streams.delete(name);
  } finally {
    await connection.close();
  }
}

/**
 * A real nats-server with JetStream for one test file, on a free port with its own store. With TEST_NATS_URL set,
 * that server is used instead (its streams are deleted first; it cannot be stopped by a test).
 */
export async function startTestNats(): Promise<TestNats> {
  const shared = process.env.TEST_NATS_URL;
  if (shared) {
    await deleteStreams(shared);
    const refuse = () =>
      Promise.reject(new Error('This test needs its own nats-server: unset TEST_NATS_URL'));
    return { url: shared, stop: refuse, start: refuse };
  }
  const storeDir = mkdtempSync(join(tmpdir(), 'guichet-nats-'));
  const port = await freePort();
  let server: LocalNats | undefined = await startLocalNats(storeDir, port);
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      if (!server) server = await startLocalNats(storeDir, port);
    },
  };
}
