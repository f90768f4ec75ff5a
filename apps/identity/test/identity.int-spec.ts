import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import { TokenVerifier } from '#platform';
import {
  browse,
  CookieJar,
  discoverTestProvider,
  locationOf,
  runToExit,
  signInAs,
  startTestIdentityProvider,
  TEST_WEB_CLIENT,
  type TestIdentityProvider,
} from '#testing';

describe('the local identity provider (apps/identity)', () => {
  let identity: TestIdentityProvider;

  beforeAll(async () => {
    identity = await startTestIdentityProvider();
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('serves its discovery document under the configured issuer, with the endpoints the web and services use', async () => {
    const response = await fetch(`${identity.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: identity.issuer,
      authorization_endpoint: `${identity.issuer}/auth`,
      token_endpoint: `${identity.issuer}/token`,
      jwks_uri: `${identity.issuer}/jwks`,
      end_session_endpoint: `${identity.issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('signs Claire Martin in (code + PKCE): her access token is a JWT for the API that the services accept', async () => {
    const signedIn = await signInAs(identity.issuer, 'demo-fille');
    expect(signedIn.claims).toMatchObject({
      iss: identity.issuer,
      sub: 'demo-fille',
      aud: TEST_WEB_CLIENT.id,
      given_name: 'Claire',
      family_name: 'Martin',
      email: 'claire.martin@demo.calvados.invalid',
    });

    expect(decodeProtectedHeader(signedIn.accessToken)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = decodeJwt(signedIn.accessToken);
    expect(claims).toMatchObject({
      iss: identity.issuer,
      sub: 'demo-fille',
      aud: 'guichet',
      roles: ['citizen'],
      teams: [],
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);

    const verifier = new TokenVerifier({
      audience: 'guichet',
      environment: 'production',
      provider: { issuer: identity.issuer, jwksUrl: identity.jwksUrl },
    });
    await expect(verifier.verify(signedIn.accessToken)).resolves.toEqual({
      subject: 'demo-fille',
      roles: ['citizen'],
      teams: [],
    });
  });

  it("gives the Caen agent's token the agent role and the CAS-CAEN team", async () => {
    const signedIn = await signInAs(identity.issuer, 'agent-cas-caen');
    expect(decodeJwt(signedIn.accessToken)).toMatchObject({
      sub: 'agent-cas-caen',
      roles: ['agent'],
      teams: ['CAS-CAEN'],
    });
  });

  it('shows a French, self-contained sign-in page with one button per demo person', async () => {
    const config = await discoverTestProvider(identity.issuer);
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: TEST_WEB_CLIENT.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const jar = new CookieJar();
    const page = await browse(jar, locationOf(await browse(jar, authorizationUrl), authorizationUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('Fournisseur d’identité de démonstration');
    expect(html).toContain('Se connecter en tant que Claire Martin');
    expect(html).toContain('Fille qui fait la demande d’APA pour sa mère');
    expect(html.match(/<form method="post"/g)?.length).toBeGreaterThanOrEqual(7);
    expect(html).not.toMatch(/<script|style=|https?:\/\//);
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${identity.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: TEST_WEB_CLIENT.id,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: TEST_WEB_CLIENT.redirectUri,
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const back = locationOf(response, url);
    expect(back.origin + back.pathname).toBe(TEST_WEB_CLIENT.redirectUri);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('answers an unknown client with the French error page', async () => {
    const response = await fetch(`${identity.issuer}/auth?client_id=inconnu&response_type=code&scope=openid`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Une erreur est survenue');
  });

  it('asks « Se déconnecter de Guichet ? » at the end-session endpoint, then sends the person back to the web', async () => {
    const signedIn = await signInAs(identity.issuer, 'demo-fille');
    const config = await discoverTestProvider(identity.issuer);
    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: signedIn.idToken,
      post_logout_redirect_uri: TEST_WEB_CLIENT.postLogoutRedirectUri,
    });
    const page = await browse(signedIn.jar, endSession);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Se déconnecter de Guichet ?');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirm = await browse(signedIn.jar, new URL(action, endSession), {
      method: 'POST',
      form: { xsrf, logout: 'yes' },
    });
    expect(locationOf(confirm, endSession).href).toBe(TEST_WEB_CLIENT.postLogoutRedirectUri);
  });
});

describe('the local identity provider in production', () => {
  it('refuses to start, saying why in French', async () => {
    const result = await runToExit(
      'apps/identity/src/main.js',
      { PATH: process.env.PATH, NODE_ENV: 'production' },
      15_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('interdit en production');
  });
});
