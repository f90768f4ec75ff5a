import createClient, { type Client } from 'openapi-fetch';
import type { paths as ChecksPaths } from './generated/checks.js';
import type { paths as IntakePaths } from './generated/intake.js';
import type { paths as NotificationsPaths } from './generated/notifications.js';
import type { paths as RoutingPaths } from './generated/routing.js';

/** One typed client per service, all through the same base URL (the edge), generated from `openapi/*.json`. */
export interface ApiClients {
  intake: Client<IntakePaths>;
  routing: Client<RoutingPaths>;
  checks: Client<ChecksPaths>;
  notifications: Client<NotificationsPaths>;
}

export interface ApiClientOptions {
  /** The edge's address: every service answers under it. */
  baseUrl: string;
  /** The signed-in person's access token; none for public operations. */
  accessToken?: string;
  /** Headers sent with every request (e.g. the correlation id). */
  headers?: Record<string, string>;
  /** A fetch of one's own (tests, timeouts). */
  fetch?: typeof globalThis.fetch;
}

export function createApiClients(options: ApiClientOptions): ApiClients {
  const headers: Record<string, string> = { ...options.headers };
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  const shared = { baseUrl: options.baseUrl, headers, fetch: options.fetch };
  return {
    intake: createClient<IntakePaths>(shared),
    routing: createClient<RoutingPaths>(shared),
    checks: createClient<ChecksPaths>(shared),
    notifications: createClient<NotificationsPaths>(shared),
  };
}
