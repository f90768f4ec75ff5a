import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { freePort } from '#local-infra';
import { type ServiceProcess, spawnServiceProcess } from './service-process.js';

/** The web client of the local provider, as apps/identity configures it by default. */
export const TEST_WEB_CLIENT = {
  id: 'guichet-web',
  secret: 'guichet-web-dev-secret',
  redirectUri: 'http://localhost:3000/connexion/retour',
  postLogoutRedirectUri: 'http://localhost:3000/',
} as const;

export interface TestIdentityProvider {
  /** `iss` of its tokens, `http://localhost:<port>`. */
  issuer: string;
  /** Where its keys are published (the services' AUTH_JWKS_URL). */
  jwksUrl: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/** apps/identity as its own process on a free port, its keys in a temporary folder. */
export async function startTestIdentityProvider(
  environment: Record<string, string> = {},
): Promise<TestIdentityProvider> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-identity-'));
  const issuer = `http://localhost:${port}`;
  const identity = await spawnServiceProcess(
    'apps/identity/src/main.js',
    { IDENTITY_ISSUER: issuer, IDENTITY_DATA_DIR: dataDir, ...environment },
    { port },
  );
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    process: identity,
    async stop() {
      await identity.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The cookies of one browser, carried by hand between fetch calls (redirects are followed manually). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=.*1970/i.test(attribute));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A browser: GET or POST with the jar's cookies, no automatic redirect. */
export async function browse(
  jar: CookieJar,
  url: string | URL,
  init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {},
): Promise<Response> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  jar.store(response);
  return response;
}

export function locationOf(response: Response, base: string | URL): URL {
  const location = response.headers.get('location');
  if (!location) throw new Error(`no redirect (HTTP ${response.status})`);
  return new URL(location, base);
}

/** openid-client's view of the provider, as the web application discovers it (plain http allowed locally). */
export function discoverTestProvider(issuer: string): Promise<client.Configuration> {
  return client.discovery(
    new URL(issuer),
    TEST_WEB_CLIENT.id,
    undefined,
    client.ClientSecretBasic(TEST_WEB_CLIENT.secret),
    { execute: [client.allowInsecureRequests] },
  );
}

export interface SignedIn {
  accessToken: string;
  idToken: string;
  claims: client.IDToken;
  jar: CookieJar;
}

/**
 * Signs a demo person in as the web application does: authorization code with PKCE, the sign-in page answered by
 * pressing that person's button, the code exchanged at the token endpoint.
 */
export async function signInAs(issuer: string, subject: string): Promise<SignedIn> {
  const config = await discoverTestProvider(issuer);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: TEST_WEB_CLIENT.redirectUri,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  const jar = new CookieJar();
  const interactionUrl = locationOf(await browse(jar, authorizationUrl), authorizationUrl);
  const page = await browse(jar, interactionUrl);
  if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
  await page.text();
  const loginUrl = new URL(`${interactionUrl.pathname}/login`, interactionUrl);
  const resumeUrl = locationOf(await browse(jar, loginUrl, { method: 'POST', form: { subject } }), loginUrl);
  const callbackUrl = locationOf(await browse(jar, resumeUrl), resumeUrl);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
  });
  const claims = tokens.claims();
  if (!tokens.id_token || !claims) throw new Error('no ID token');
  return { accessToken: tokens.access_token, idToken: tokens.id_token, claims, jar };
}
