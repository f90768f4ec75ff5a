import { generateKeyPair, SignJWT } from 'jose';
import { bearer, signInAs } from '#testing';
import { type RunningPlatform, startPlatform } from './support/platform.js';

/** The services started as `npm start` starts them: behind the local identity provider. */
describe('signing in through the local identity provider', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform('sign-in', { identity: true });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const applications = (authorization: string) =>
    fetch(`${platform.url}/api/applications`, { headers: { authorization } });

  it("lets Claire Martin list her applications with the provider's access token", async () => {
    const { accessToken } = await signInAs(platform.identityUrl ?? '', 'demo-fille');
    const response = await applications(`Bearer ${accessToken}`);
    expect(response.status).toBe(200);
  });

  it("refuses a token with the provider's issuer and audience signed by another key", async () => {
    // The provider's own key id, so that only the signature can tell the forgery.
    const jwks = (await (await fetch(`${platform.identityUrl}/jwks`)).json()) as { keys: { kid: string }[] };
    const kid = jwks.keys[0].kid;
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ roles: ['citizen'], teams: [] })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setSubject('demo-fille')
      .setIssuer(platform.identityUrl ?? '')
      .setAudience('guichet')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await applications(`Bearer ${forged}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
  });

  it('still accepts the development tokens in test', async () => {
    expect((await applications(await bearer('citizen'))).status).toBe(200);
  });
});
