import { connect, type NatsConnection } from '@nats-io/transport-node';

/** Opens the service's connection to NATS; it reconnects forever once established. */
export async function connectNats(url: string, name: string, timeoutMs = 10_000): Promise<NatsConnection> {
  return connect({
    servers: url.split(',').map((server) => server.trim()),
    name,
    timeout: timeoutMs,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
  });
}

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
