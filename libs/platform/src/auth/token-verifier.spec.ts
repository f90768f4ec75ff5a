import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import { loadConfig } from '../config/load-config.js';
import { DEV_AUTH_SECRET, ServiceConfig } from '../config/service-config.js';
import { signDevToken } from './dev-token.js';
import { DEV_TOKEN_ISSUER, TokenVerifier } from './token-verifier.js';

const ISSUER = 'http://localhost:3100';
const AUDIENCE = 'guichet';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface ProviderKeys {
  privateKey: PrivateKey;
  jwks: JSONWebKeySet;
}

async function providerKeys(kid: string): Promise<ProviderKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwks: { keys: [jwk] } };
}

function providerToken(
  keys: ProviderKeys,
  kid: string,
  claims: { iss?: string; aud?: string; exp?: number | string } = {},
): Promise<string> {
  return new SignJWT({ roles: ['agent'], teams: ['CAS-CAEN'], scope: 'openid profile email' })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
    .setSubject('agent-cas-caen')
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '1h')
    .sign(keys.privateKey);
}

function devToken(): Promise<string> {
  return signDevToken({
    role: 'citizen',
    subject: 'dev-citizen',
    issuer: DEV_TOKEN_ISSUER,
    audience: AUDIENCE,
    secret: DEV_AUTH_SECRET,
  });
}

describe('TokenVerifier', () => {
  let keys: ProviderKeys;

  beforeAll(async () => {
    keys = await providerKeys('key-1');
  });

  const verifier = (environment: 'development' | 'test' | 'production' = 'test') =>
    new TokenVerifier({
      audience: AUDIENCE,
      environment,
      provider: { issuer: ISSUER, keys: createLocalJWKSet(keys.jwks) },
      developmentSecret: DEV_AUTH_SECRET,
    });

  it("accepts the identity provider's token, with its subject, roles and teams", async () => {
    await expect(verifier().verify(await providerToken(keys, 'key-1'))).resolves.toEqual({
      subject: 'agent-cas-caen',
      roles: ['agent'],
      teams: ['CAS-CAEN'],
    });
  });

  it('refuses a token of the provider made for another audience', async () => {
    const token = await providerToken(keys, 'key-1', { aud: 'another-api' });
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('refuses a token of an issuer it does not know, even signed with the known key', async () => {
    const token = await providerToken(keys, 'key-1', { iss: 'https://elsewhere.example' });
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it("refuses a token claiming the provider's issuer but signed by another key", async () => {
    const other = await providerKeys('key-1');
    await expect(verifier().verify(await providerToken(other, 'key-1'))).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });

  it('refuses an expired token', async () => {
    const oneMinuteAgo = Math.floor(Date.now() / 1000) - 60;
    const token = await providerToken(keys, 'key-1', { exp: oneMinuteAgo });
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('refuses what is not a token', async () => {
    await expect(verifier().verify('not-a-jwt')).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('accepts a development token in test and development', async () => {
    const token = await devToken();
    const expected = { subject: 'dev-citizen', roles: ['citizen'], teams: [] };
    await expect(verifier('test').verify(token)).resolves.toEqual(expected);
    await expect(verifier('development').verify(token)).resolves.toEqual(expected);
  });

  it('refuses a development token in production, though it knows the secret', async () => {
    const production = verifier('production');
    expect(production.issuers()).toEqual([ISSUER]);
    await expect(production.verify(await devToken())).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('refuses a token signed with the development secret under the provider issuer (no HS256 there)', async () => {
    const token = await signDevToken({
      role: 'admin',
      subject: 'intruder',
      issuer: ISSUER,
      audience: AUDIENCE,
      secret: DEV_AUTH_SECRET,
    });
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('cannot be built in production without the JWKS of a provider', () => {
    expect(
      () => new TokenVerifier({ audience: AUDIENCE, environment: 'production', developmentSecret: 'x' }),
    ).toThrow(/JWKS/);
  });

  describe('with the JWKS served over HTTP', () => {
    let server: Server;
    let jwksUrl: string;

    beforeAll(async () => {
      server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(keys.jwks));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });

    afterAll(async () => {
      await new Promise((done) => server.close(done));
    });

    it('fetches the keys from AUTH_JWKS_URL (as a service configures it)', async () => {
      const config = loadConfig(ServiceConfig, {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://unused/unused',
        NATS_URL: 'nats://unused',
        AUTH_ISSUER: ISSUER,
        AUTH_JWKS_URL: jwksUrl,
      });
      const fromConfig = TokenVerifier.fromConfig(config);
      await expect(fromConfig.verify(await providerToken(keys, 'key-1'))).resolves.toMatchObject({
        subject: 'agent-cas-caen',
        roles: ['agent'],
      });
      await expect(fromConfig.verify(await devToken())).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    });
  });
});
