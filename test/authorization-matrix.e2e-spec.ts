import { eventually } from '#testing';
import { type Access, ACCESS_POLICY } from './authorization/access-policy.js';
import { ACTORS, type Actor, apiHeaderOf, pageJarOf } from './authorization/actors.js';
import { type AppRoute, everyRoute } from './authorization/routes.js';
import { apaFiledInCaen } from './support/files.js';
import { type RunningPlatform, startPlatform } from './support/platform.js';

type Outcome = 'ok' | 'invalid' | 'signin' | 'forbidden' | 'hidden' | 'error';

/** An id that names nothing: routes whose own resources the matrix does not create. */
const NOTHING = '00000000-0000-4000-8000-000000000000';

function pathOf(route: AppRoute, applicationId: string): string {
  const isApplication =
    /^\/(api\/applications|api\/back-office\/applications|dossiers|agents\/dossiers)\/:id/.test(route.path);
  const query = route.path === '/api/applications/:id/content' ? '?purpose=instruction' : '';
  return `${route.path
    .replace(':applicationId', applicationId)
    .replace(':id', isApplication ? applicationId : NOTHING)
    .replace(':evidenceId', NOTHING)
    .replace(':code', route.path.includes('/directory/') ? 'CAS-CAEN' : 'apa')
    .replace(':procedure', 'apa')
    .replace(':subject', 'agent-cas-caen')
    .replace(':service', 'intake')
    .replace(':part', 'beneficiary')
    .replace(':chart', 'selection')}${query}`;
}

/** Routes that end the file's life (withdrawal) are called last, so that the others see it as filed. */
function lastIfFinal(route: AppRoute): number {
  return /withdraw|retirer/.test(route.path) && route.method === 'POST' ? 1 : 0;
}

function outcomeOf(route: AppRoute, response: Response): Outcome {
  const status = response.status;
  if (status >= 500) return 'error';
  if (status === 401) return 'signin';
  if (route.app === 'web' && status >= 300 && status < 400) {
    const location = response.headers.get('location') ?? '';
    if (/^(https?:\/\/[^/]+)?\/connexion(\?|$)/.test(location)) return 'signin';
  }
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  if (status === 400) return 'invalid';
  return 'ok';
}

/** What the policy table allows as an answer to an actor on a route (see access-policy.ts). */
function expectedOutcomes(route: AppRoute, access: Access, actor: Actor): Outcome[] {
  const writes = route.method !== 'GET';
  // A forged session reads as no session: its form token belongs to no session, so any form is refused first.
  if (actor === 'forgedAdmin' && route.app === 'web' && writes) return ['forbidden'];
  if (access.allow.includes(actor)) return access.absent ? ['hidden'] : ['ok', 'invalid'];
  if (actor === 'nobody' || actor === 'forgedAdmin') return ['signin'];
  if (access.scopedOut?.includes(actor))
    return writes ? ['hidden', 'forbidden', 'invalid'] : ['hidden', 'forbidden'];
  return ['forbidden'];
}

describe('authorization matrix: every route of every application, as every kind of actor', () => {
  let platform: RunningPlatform;
  let applicationId: string;
  let routes: AppRoute[];
  /** Each actor's browser for the pages: session cookie, CSRF cookie, and the token the forms carry. */
  const browsers = new Map<Actor, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    routes = (await everyRoute()).sort((a, b) => lastIfFinal(a) - lastIfFinal(b));
    platform = await startPlatform('authorization-matrix', { web: true });
    ({ id: applicationId } = await apaFiledInCaen(platform.url));
    const agent = await apiHeaderOf('agentOwningTeam');
    await eventually(async () => {
      const answer = await fetch(`${platform.url}/api/back-office/applications/${applicationId}`, {
        headers: agent,
      });
      expect(answer.status).toBe(200);
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** An actor's browser: its session cookie, and a form's CSRF token with its cookie, as a page gives them. */
  async function browserOf(actor: Actor): Promise<{ cookie: string; csrf: string }> {
    const known = browsers.get(actor);
    if (known) return known;
    const jar = await pageJarOf(actor);
    const session = jar.header();
    const form = await fetch(`${platform.web?.url}/simulateur-apa`, { headers: { cookie: session } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const csrfCookie = form.headers.getSetCookie().find((line) => line.startsWith('guichet_csrf='));
    // The actor's own session cookie is kept (a forged one stays forged; nobody keeps the anonymous one the page
    // gave), with the CSRF cookie beside it.
    const anonymous = form.headers.getSetCookie().find((line) => line.startsWith('guichet_session='));
    const own = actor === 'nobody' ? anonymous?.split(';')[0] : session;
    const browser = { cookie: [own, csrfCookie?.split(';')[0]].filter(Boolean).join('; '), csrf };
    browsers.set(actor, browser);
    return browser;
  }

  /** Calls a route on the application that declares it, as the actor. */
  async function call(route: AppRoute, actor: Actor): Promise<Response> {
    const base = route.app === 'web' ? platform.web?.url : platform.services[route.app].url;
    const url = `${base}${pathOf(route, applicationId)}`;
    const writes = route.method !== 'GET';
    if (route.app !== 'web') {
      return fetch(url, {
        method: route.method,
        redirect: 'manual',
        headers: { ...(await apiHeaderOf(actor)), ...(writes ? { 'content-type': 'application/json' } : {}) },
        body: writes ? '{}' : undefined,
      });
    }
    const browser = await browserOf(actor);
    return fetch(url, {
      method: route.method,
      redirect: 'manual',
      headers: {
        cookie: browser.cookie,
        ...(writes ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: writes ? new URLSearchParams({ _csrf: browser.csrf }).toString() : undefined,
    });
  }

  it('has every route of every application in the policy table, and nothing else', () => {
    const declared = new Set(routes.map((route) => route.key));
    expect(routes.filter((route) => !ACCESS_POLICY[route.key]).map((route) => route.key)).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((key) => !declared.has(key))).toEqual([]);
    // The five applications are all read (a root module that lost its routes would shrink the matrix).
    expect(new Set(routes.map((route) => route.app)).size).toBe(5);
    expect(routes.length).toBeGreaterThanOrEqual(140);
  });

  it('answers each route as the policy table says, for each actor, and never with a 5xx', async () => {
    const departures: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const access = ACCESS_POLICY[route.key];
      if (!access) continue;
      for (const actor of ACTORS) {
        const response = await call(route, actor);
        await response.arrayBuffer();
        calls++;
        const outcome = outcomeOf(route, response);
        const expected = expectedOutcomes(route, access, actor);
        if (!expected.includes(outcome)) {
          departures.push(
            `${route.key} as ${actor}: ${response.status} (${outcome}), expected ${expected.join(' or ')}`,
          );
        }
      }
    }
    process.stdout.write(
      `Matrice des droits : ${routes.length} routes × ${ACTORS.length} acteurs = ${calls} appels\n`,
    );
    expect(departures).toEqual([]);
    expect(calls).toBe(routes.length * ACTORS.length);
  });

  it('refuses every form of the pages posted without its CSRF token, even from the person it serves', async () => {
    const forms = routes.filter((route) => route.app === 'web' && route.method === 'POST');
    const accepted: string[] = [];
    for (const route of forms) {
      const actor =
        ACCESS_POLICY[route.key]?.allow.find((candidate) => candidate !== 'forgedAdmin') ?? 'admin';
      const browser = await browserOf(actor);
      const response = await fetch(`${platform.web?.url}${pathOf(route, applicationId)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'confirmation=oui',
      });
      await response.arrayBuffer();
      if (response.status !== 403) accepted.push(`${route.key} as ${actor}: ${response.status}`);
    }
    expect(forms.length).toBeGreaterThanOrEqual(30);
    expect(accepted).toEqual([]);
  });
});
