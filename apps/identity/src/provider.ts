import { randomBytes } from 'node:crypto';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { demoPerson } from './demo-persons.js';
import { type IdentityConfig, urlList } from './identity.config.js';
import { errorPage, logoutPage, postLogoutPage, securityHeaders } from './pages.js';
import type { PrivateJwks } from './signing-keys.js';

/** Everything the web application may ask for, and is granted at once (a first-party client: no consent page). */
export const SCOPE = 'openid profile email';

/**
 * The resource indicator of the API (RFC 8707). It must be an absolute URI, which an audience such as `guichet` is
 * not: then `urn:guichet`. The access tokens carry the audience itself.
 */
export function apiResource(audience: string): string {
  return URL.canParse(audience) && !audience.includes('#') ? audience : `urn:${audience}`;
}

function html(ctx: KoaContextWithOIDC, status: number, body: string, config: IdentityConfig): void {
  for (const [name, value] of Object.entries(securityHeaders(config))) ctx.set(name, value);
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = body;
}

/** The OpenID Connect provider: one client (the web application), the demo persons, JWT access tokens for the API. */
export function createIdentityProvider(config: IdentityConfig, jwks: PrivateJwks): Provider {
  const resource = apiResource(config.ACCESS_TOKEN_AUDIENCE);
  const configuration: Configuration = {
    clients: [
      {
        client_id: config.WEB_CLIENT_ID,
        client_secret: config.WEB_CLIENT_SECRET,
        client_name: 'Guichet',
        redirect_uris: urlList(config.WEB_REDIRECT_URIS),
        post_logout_redirect_uris: urlList(config.WEB_POST_LOGOUT_REDIRECT_URIS),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: SCOPE,
      },
    ],
    jwks,
    // Signs the provider's cookies. New at each start: a restart only ends the sessions on this provider.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['given_name', 'family_name'], email: ['email', 'email_verified'] },
    // The ID token carries the claims of the scopes too (the access token is for the API, not for userinfo).
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    ttl: {
      AccessToken: config.ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    findAccount(_ctx, subject) {
      const person = demoPerson(subject);
      if (!person) return undefined;
      return {
        accountId: person.subject,
        claims: () => ({
          sub: person.subject,
          given_name: person.givenName,
          family_name: person.familyName,
          email: person.email,
          email_verified: true,
        }),
      };
    },
    // Roles and teams in the access tokens, read by the services (libs/platform's TokenVerifier).
    extraTokenClaims(_ctx, token) {
      const person = demoPerson(token.accountId);
      return person ? { roles: [person.role], teams: [...person.teams] } : undefined;
    },
    // First-party client: everything it asks for is granted when the person has signed in.
    async loadExistingGrant(ctx) {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope(SCOPE);
      grant.addResourceScope(resource, SCOPE);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError(ctx, out) {
      html(ctx, ctx.status >= 400 ? ctx.status : 400, errorPage(out.error, out.error_description), config);
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // A plain authorization request (no `resource`) is for the API; the token request reuses what was granted.
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator) {
          if (indicator !== resource) throw new errors.InvalidTarget('ressource inconnue');
          return {
            audience: config.ACCESS_TOKEN_AUDIENCE,
            scope: SCOPE,
            accessTokenTTL: config.ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          html(ctx, 200, logoutPage(form), config);
        },
        postLogoutSuccessSource(ctx) {
          html(ctx, 200, postLogoutPage(urlList(config.WEB_POST_LOGOUT_REDIRECT_URIS)[0]), config);
        },
      },
    },
  };
  return new Provider(config.IDENTITY_ISSUER, configuration);
}
