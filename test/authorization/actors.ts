import { DEV_TOKEN_ISSUER, type Role, signDevToken } from '#platform';
import { bearer, CookieJar } from '#testing';
import { SealedCookie } from '../../apps/web/src/session/sealed-cookie.js';
import { SESSION_COOKIE } from '../../apps/web/src/session/session.middleware.js';
import type { WebSession } from '../../apps/web/src/session/web-session.js';
import { DEV_SESSION_SECRET } from '../../apps/web/src/web.config.js';

/** The kinds of caller the matrix tries every route as (issue « Security and privacy »). */
export const ACTORS = [
  'nobody',
  'owner',
  'otherCitizen',
  'agentOwningTeam',
  'agentOtherTeam',
  'supervisorOtherTeam',
  'auditor',
  'admin',
  'forgedAdmin',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Who each actor is. The file of the matrix is the owner's APA request in Caen, routed to CAS-CAEN. */
const IDENTITIES: Record<Exclude<Actor, 'nobody'>, { role: Role; subject: string; teams: string[] }> = {
  owner: { role: 'citizen', subject: 'demo-fille', teams: [] },
  otherCitizen: { role: 'citizen', subject: 'demo-secretaire-mairie', teams: [] },
  agentOwningTeam: { role: 'agent', subject: 'agent-cas-caen', teams: ['CAS-CAEN'] },
  agentOtherTeam: { role: 'agent', subject: 'agent-cas-bocage', teams: ['CAS-BOCAGE'] },
  supervisorOtherTeam: { role: 'supervisor', subject: 'superviseur-bocage', teams: ['CAS-BOCAGE'] },
  auditor: { role: 'auditor', subject: 'demo-controleur', teams: [] },
  admin: { role: 'admin', subject: 'demo-admin', teams: [] },
  forgedAdmin: { role: 'admin', subject: 'demo-admin', teams: [] },
};

/** The Authorization header of an actor on the API; the forged admin's token is signed with a key nobody trusts. */
export async function apiHeaderOf(actor: Actor): Promise<Record<string, string>> {
  if (actor === 'nobody') return {};
  const identity = IDENTITIES[actor];
  if (actor === 'forgedAdmin') {
    const token = await signDevToken({
      ...identity,
      issuer: DEV_TOKEN_ISSUER,
      audience: 'guichet',
      secret: 'a-key-that-is-not-the-platforms-key-0123456789',
    });
    return { authorization: `Bearer ${token}` };
  }
  return { authorization: await bearer(identity.role, { sub: identity.subject, teams: identity.teams }) };
}

/**
 * A browser session of an actor on the pages: the session cookie the web application seals after sign-in, holding
 * the actor's access token (sealed here with the development secret the test platform runs with; the sign-in itself
 * is tested in sign-in.e2e-spec.ts). The forged admin's cookie is sealed with another secret; nobody has none.
 */
export async function pageJarOf(actor: Actor): Promise<CookieJar> {
  const jar = new CookieJar();
  if (actor === 'nobody') return jar;
  const identity = IDENTITIES[actor];
  const authorization = await apiHeaderOf(actor);
  const session: WebSession = {
    sid: `matrix-${actor}`,
    person: { subject: identity.subject, roles: [identity.role], teams: identity.teams, givenName: actor },
    accessToken: authorization.authorization.replace(/^Bearer /, ''),
    tokenExpiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
  const secret =
    actor === 'forgedAdmin' ? 'another-session-secret-that-is-not-the-web-one' : DEV_SESSION_SECRET;
  const sealed = await new SealedCookie<WebSession>(secret, 'session').seal(session, 3600);
  jar.store(new Response(null, { headers: { 'set-cookie': `${SESSION_COOKIE}=${sealed}; Path=/` } }));
  return jar;
}
