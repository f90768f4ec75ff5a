import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { decodeJwt } from 'jose';
import { PageError } from '../errors/page-errors.js';
import type { SignedInPerson, WebSession } from '../session/web-session.js';
import type { WebConfig } from '../web.config.js';
import { WEB_CONFIG } from '../web.tokens.js';

/** What the browser carries between leaving for the provider and coming back (sealed cookie, 10 minutes). */
export interface SignInTransaction {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

/** Who signs in: citizens through FranceConnect, staff through the département's SSO (one broker in production). */
export type Audience = 'citizen' | 'staff';

export const CALLBACK_PATH = '/connexion/retour';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Sign-in with OpenID Connect: authorization code + PKCE (openid-client), discovery done once, lazily. */
@Injectable()
export class OidcClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  private discover(): Promise<oidc.Configuration> {
    const insecure = this.config.OIDC_ISSUER.startsWith('http:');
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.OIDC_ISSUER),
        this.config.OIDC_CLIENT_ID,
        this.config.OIDC_CLIENT_SECRET,
        undefined,
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new PageError('unavailable', `identity provider: ${String(error)}`);
      });
    return this.configuration;
  }

  private callbackUrl(): string {
    return new URL(CALLBACK_PATH, this.config.PUBLIC_BASE_URL).href;
  }

  async start(
    audience: Audience,
    returnTo: string,
  ): Promise<{ url: string; transaction: SignInTransaction }> {
    const configuration = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const transaction: SignInTransaction = {
      codeVerifier,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      returnTo,
    };
    const hint = audience === 'citizen' ? this.config.OIDC_CITIZEN_IDP_HINT : this.config.OIDC_STAFF_IDP_HINT;
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl(),
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
      ...(hint ? { kc_idp_hint: hint } : {}),
    });
    return { url: url.href, transaction };
  }

  /** Exchanges the code for the tokens: the session to keep. */
  async finish(callbackPathAndQuery: string, transaction: SignInTransaction): Promise<WebSession> {
    const configuration = await this.discover();
    const current = new URL(callbackPathAndQuery, this.config.PUBLIC_BASE_URL);
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    const access = decodeJwt(tokens.access_token);
    const person: SignedInPerson = {
      subject: String(access.sub ?? idClaims?.sub),
      givenName: typeof idClaims?.given_name === 'string' ? idClaims.given_name : undefined,
      familyName: typeof idClaims?.family_name === 'string' ? idClaims.family_name : undefined,
      roles: stringList(access.roles),
      teams: stringList(access.teams),
    };
    const expiresIn = tokens.expiresIn() ?? 3600;
    return {
      sid: oidc.randomState(),
      person,
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      tokenExpiresAt: Math.floor(Date.now() / 1000) + expiresIn,
    };
  }

  /** Where to send the browser to end the provider's session too; home when the provider cannot be reached. */
  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const home = new URL('/', this.config.PUBLIC_BASE_URL).href;
    try {
      const configuration = await this.discover();
      return oidc.buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: home,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    } catch {
      return '/';
    }
  }
}
