import 'reflect-metadata';
import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'] };
/** Comma-separated http(s) URLs. */
const URL_LIST = /^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/;

/** The local OpenID Connect provider (demo persons). Documented in the README, "Signing in". */
export class IdentityConfig {
  /** Refused when `production`: this provider signs anyone in with one click. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** HTTP port. */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3100;

  /** `iss` of the tokens and base of every endpoint, as the browser and the web application reach it. */
  @IsUrl(URL_OPTIONS, { message: 'doit être une URL http(s)://…' })
  IDENTITY_ISSUER: string = 'http://localhost:3100';

  /** Folder of the signing keys (`jwks.json`, created at first start), so that restarts keep tokens valid. */
  @IsString()
  IDENTITY_DATA_DIR: string = '.data/identity';

  /** The web application, the one client. */
  @IsString()
  WEB_CLIENT_ID: string = 'guichet-web';

  /** Its secret (`client_secret_basic` at the token endpoint). */
  @IsString()
  WEB_CLIENT_SECRET: string = 'guichet-web-dev-secret';

  /** Where the web application may be sent back after sign-in, comma-separated. */
  @Matches(URL_LIST, { message: 'doit être une liste d’URL http(s)://… séparées par des virgules' })
  WEB_REDIRECT_URIS: string = 'http://localhost:3000/connexion/retour';

  /** Where the web application may be sent back after sign-out, comma-separated. */
  @Matches(URL_LIST, { message: 'doit être une liste d’URL http(s)://… séparées par des virgules' })
  WEB_POST_LOGOUT_REDIRECT_URIS: string = 'http://localhost:3000/';

  /** `aud` of the access tokens: the services' AUTH_AUDIENCE. */
  @IsString()
  ACCESS_TOKEN_AUDIENCE: string = 'guichet';

  /** Lifetime of an access token. */
  @IsInt()
  @Min(5)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS: number = 3600;
}

export function urlList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
