import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'] };

/** The development session secret: refused when NODE_ENV is production. */
export const DEV_SESSION_SECRET = 'guichet-web-dev-session-secret-do-not-use-in-production';

/** What the web application reads at boot. Documented in the README's configuration table. */
export class WebConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3005;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Where the web application calls the API (the edge), from the server. */
  @IsUrl(URL_OPTIONS)
  API_URL: string = 'http://127.0.0.1:3000';

  /** The address people type in their browser (the edge): OIDC redirects and absolute links are built on it. */
  @IsUrl(URL_OPTIONS)
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /** The OpenID Connect issuer: the local provider, or the broker in front of FranceConnect and the staff SSO. */
  @IsUrl(URL_OPTIONS)
  OIDC_ISSUER: string = 'http://localhost:3100';

  @IsString()
  OIDC_CLIENT_ID: string = 'guichet-web';

  @IsString()
  OIDC_CLIENT_SECRET: string = 'guichet-web-dev-secret';

  /** Extra authorization parameter naming the citizens' provider at the broker (Keycloak: kc_idp_hint=franceconnect). */
  @IsOptional()
  @IsString()
  OIDC_CITIZEN_IDP_HINT?: string;

  /** Same, for the staff SSO (kc_idp_hint=proconnect). */
  @IsOptional()
  @IsString()
  OIDC_STAFF_IDP_HINT?: string;

  /** Encrypts and signs the session cookie (32 characters or more). */
  @IsString()
  @MinLength(32)
  SESSION_SECRET: string = DEV_SESSION_SECRET;

  /** Minutes of inactivity after which the session ends. */
  @IsInt()
  @Min(5)
  @Max(720)
  SESSION_IDLE_MINUTES: number = 60;

  /** The département's name, shown in the header, the titles and the legal pages. */
  @IsString()
  DEPARTEMENT_NAME: string = 'Département du Calvados';

  /** The département's logo, a URL path served by this application or an absolute URL. */
  @IsString()
  DEPARTEMENT_LOGO_URL: string = '/assets/departement/logo.svg';

  /** The service's name in the header. */
  @IsString()
  SERVICE_NAME: string = 'Guichet — démarches en ligne';

  /** Who to write to about the accessibility of the site (accessibility statement). */
  @IsString()
  ACCESSIBILITY_CONTACT: string = 'accessibilite@calvados.invalid';

  /** Largest evidence file a citizen may send, in bytes (shown before sending; the API checks it too). */
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_BYTES: number = 10 * 1024 * 1024;
}

export function refuseDevelopmentSecrets(config: WebConfig): void {
  if (config.NODE_ENV === 'production' && config.SESSION_SECRET === DEV_SESSION_SECRET) {
    throw new Error('SESSION_SECRET doit être défini en production (32 caractères ou plus).');
  }
}
