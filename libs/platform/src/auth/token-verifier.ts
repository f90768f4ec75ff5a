import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { Unauthenticated } from '#domain';
import { isRole, type Principal } from './principal.js';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** HS256 shared secret (local development). Ignored when a JWKS URL is given. */
  secret?: string;
  /** JWKS of the identity provider (FranceConnect, the département's SSO) in production. */
  jwksUrl?: string;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function principalFromClaims(payload: JWTPayload): Principal {
  if (!payload.sub) throw new Unauthenticated('Le jeton ne désigne aucun utilisateur.', 'INVALID_TOKEN');
  return {
    subject: payload.sub,
    roles: stringList(payload.roles).filter(isRole),
    teams: stringList(payload.teams),
  };
}

/** Verifies bearer tokens against the configured issuer: signature, issuer, audience, expiry. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.secret) this.key = new TextEncoder().encode(options.secret);
    else throw new Error('TokenVerifier needs a secret or a JWKS URL');
  }

  async verify(token: string): Promise<Principal> {
    try {
      const verify = (key: Uint8Array | JWTVerifyGetKey) =>
        typeof key === 'function'
          ? jwtVerify(token, key, {
              issuer: this.options.issuer,
              audience: this.options.audience,
              requiredClaims: ['exp', 'sub'],
            })
          : jwtVerify(token, key, {
              issuer: this.options.issuer,
              audience: this.options.audience,
              requiredClaims: ['exp', 'sub'],
            });
      const { payload } = await verify(this.key);
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      throw new Unauthenticated('Jeton invalide ou expiré : reconnectez-vous.', 'INVALID_TOKEN');
    }
  }
}
