import {
  createRemoteJWKSet,
  decodeJwt,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { Unauthenticated } from '#domain';
import type { ServiceConfig } from '../config/service-config.js';
import { isRole, type Principal } from './principal.js';

/** `iss` of the development tokens that `npm run token` and the tests sign with the shared secret. */
export const DEV_TOKEN_ISSUER = 'guichet-dev';

/** Algorithms of the identity provider's keys (RSA or elliptic-curve signatures, never a shared secret). */
const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

export interface TokenVerifierOptions {
  /** `aud` every token must carry. */
  audience: string;
  /** NODE_ENV: development tokens are honoured only in `development` and `test`. */
  environment: 'development' | 'test' | 'production';
  /** The identity provider (the local oidc-provider, the broker in production): its `iss` and its keys. */
  provider?: {
    issuer: string;
    /** Where the provider publishes its JWKS (fetched when needed, cached, refetched for an unknown `kid`). */
    jwksUrl?: string;
    /** A key set given directly instead of a URL (tests: jose's `createLocalJWKSet`). */
    keys?: JWTVerifyGetKey;
  };
  /** HS256 secret of the development tokens (issuer `guichet-dev`). Ignored in production. */
  developmentSecret?: string;
}

type VerificationKey =
  | { kind: 'key-set'; keys: JWTVerifyGetKey; algorithms: string[] }
  | { kind: 'secret'; secret: Uint8Array; algorithms: string[] };

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

/**
 * Verifies bearer tokens: the key is chosen by the token's issuer (read before any check), then signature, issuer,
 * audience and expiry are verified with that key only. Tokens of the identity provider are checked against its JWKS;
 * development tokens against the shared secret, and only outside production.
 */
export class TokenVerifier {
  private readonly keysByIssuer = new Map<string, VerificationKey>();

  constructor(private readonly options: TokenVerifierOptions) {
    const provider = options.provider;
    if (provider && (provider.keys || provider.jwksUrl)) {
      const keys = provider.keys ?? createRemoteJWKSet(new URL(provider.jwksUrl ?? ''));
      this.keysByIssuer.set(provider.issuer, { kind: 'key-set', keys, algorithms: PROVIDER_ALGORITHMS });
    }
    const developmentAllowed = options.environment === 'development' || options.environment === 'test';
    if (developmentAllowed && options.developmentSecret && !this.keysByIssuer.has(DEV_TOKEN_ISSUER)) {
      this.keysByIssuer.set(DEV_TOKEN_ISSUER, {
        kind: 'secret',
        secret: new TextEncoder().encode(options.developmentSecret),
        algorithms: ['HS256'],
      });
    }
    if (this.keysByIssuer.size === 0) {
      throw new Error(
        'TokenVerifier needs the JWKS of an identity provider, or a development secret outside production',
      );
    }
  }

  /** The verifier of a service's configuration (AUTH_ISSUER, AUTH_JWKS_URL, AUTH_AUDIENCE, AUTH_SECRET, NODE_ENV). */
  static fromConfig(config: ServiceConfig): TokenVerifier {
    return new TokenVerifier({
      audience: config.AUTH_AUDIENCE,
      environment: config.NODE_ENV,
      provider: config.AUTH_JWKS_URL
        ? { issuer: config.AUTH_ISSUER, jwksUrl: config.AUTH_JWKS_URL }
        : undefined,
      developmentSecret: config.AUTH_SECRET,
    });
  }

  /** Issuers whose tokens this verifier accepts. */
  issuers(): string[] {
    return [...this.keysByIssuer.keys()];
  }

  async verify(token: string): Promise<Principal> {
    try {
      const issuer = decodeJwt(token).iss;
      const key = issuer === undefined ? undefined : this.keysByIssuer.get(issuer);
      if (!issuer || !key) throw new Error('unknown issuer');
      const options: JWTVerifyOptions = {
        issuer,
        audience: this.options.audience,
        algorithms: key.algorithms,
        requiredClaims: ['exp', 'sub'],
      };
      const { payload } =
        key.kind === 'key-set'
          ? await jwtVerify(token, key.keys, options)
          : await jwtVerify(token, key.secret, options);
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      throw new Unauthenticated('Jeton invalide ou expiré : reconnectez-vous.', 'INVALID_TOKEN');
    }
  }
}
