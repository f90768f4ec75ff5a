export type ServiceName = 'intake' | 'routing' | 'checks' | 'notifications';

/**
 * The API contract's path prefixes (DESIGN.md, "HTTP API") and the service that owns each. The longest matching
 * prefix wins; a prefix matches the path itself or the path followed by `/` or `?`.
 */
export const ROUTES: readonly { prefix: string; service: ServiceName }[] = [
  { prefix: '/api/procedures', service: 'intake' },
  { prefix: '/api/applications', service: 'intake' },
  { prefix: '/api/access-log', service: 'intake' },
  { prefix: '/api/admin/intake', service: 'intake' },
  { prefix: '/docs/intake', service: 'intake' },
  { prefix: '/api/contacts', service: 'routing' },
  { prefix: '/api/directory', service: 'routing' },
  { prefix: '/api/back-office', service: 'routing' },
  { prefix: '/api/admin/routing', service: 'routing' },
  { prefix: '/docs/routing', service: 'routing' },
  { prefix: '/api/checks', service: 'checks' },
  { prefix: '/api/sampling-policies', service: 'checks' },
  { prefix: '/api/admin/checks', service: 'checks' },
  { prefix: '/docs/checks', service: 'checks' },
  { prefix: '/api/notifications', service: 'notifications' },
  { prefix: '/api/admin/notifications', service: 'notifications' },
  { prefix: '/docs/notifications', service: 'notifications' },
];

function matches(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}

/** The service that owns a request path, or undefined when no route of the contract matches. */
export function serviceFor(path: string): ServiceName | undefined {
  const candidates = ROUTES.filter((route) => matches(path, route.prefix));
  candidates.sort((a, b) => b.prefix.length - a.prefix.length);
  return candidates[0]?.service;
}
