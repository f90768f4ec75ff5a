import { DEV_AUTH_SECRET, DEV_TOKEN_ISSUER, type Role, signDevToken } from '#platform';

/** An `Authorization` header value for a test caller, signed with the local development secret. */
export async function bearer(role: Role, options: { sub?: string; teams?: string[] } = {}): Promise<string> {
  const token = await signDevToken({
    role,
    subject: options.sub ?? `test-${role}`,
    teams: options.teams,
    issuer: DEV_TOKEN_ISSUER,
    audience: 'guichet',
    secret: DEV_AUTH_SECRET,
  });
  return `Bearer ${token}`;
}
