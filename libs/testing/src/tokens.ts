import { DEV_AUTH_SECRET, type Role, signDevToken } from '#platform';

/** An `Authorization` header value for a test caller, signed with the local development secret. */
export async function bearer(role: Role, options: { sub?: string; teams?: string[] } = {}): Promise<string> {
  const token = await signDevToken({
    role,
    subject: options.sub ?? `test-${role}`,
    teams: options.teams,
    issuer: 'guichet-dev',
    audience: 'guichet',
    secret: DEV_AUTH_SECRET,
  });
  return `Bearer ${token}`;
}
