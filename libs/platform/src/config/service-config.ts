import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

export const DEV_AUTH_SECRET = 'guichet-dev-secret-do-not-use-in-production';

/** Variables every service reads. Documented in the README's configuration table. */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  /** Unset means production: the development token secret is only accepted when this says development or test. */
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 0;

  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'doit être une URL postgres://utilisateur:motdepasse@hôte:port/base',
  })
  DATABASE_URL: string;

  /** Connections of the service's PostgreSQL pool. */
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 20;

  @Matches(/^(nats|tls):\/\/[^\s]+$/, {
    message: 'doit être une URL nats://hôte:port (plusieurs séparées par des virgules)',
  })
  NATS_URL: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** The public address of the HTTP entry (the edge), written as `servers` in the OpenAPI documents. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'doit être une URL http(s)://…' })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /**
   * `iss` of the identity provider's tokens (the local oidc-provider, the broker in production), verified against
   * AUTH_JWKS_URL. Development tokens always carry `guichet-dev`.
   */
  @IsString()
  AUTH_ISSUER: string = 'guichet-dev';

  /** `aud` every token must carry. */
  @IsString()
  AUTH_AUDIENCE: string = 'guichet';

  /**
   * HS256 secret of the development tokens (`npm run token`, tests; issuer `guichet-dev`). They are accepted only
   * when NODE_ENV is development or test, whatever this says.
   */
  @IsString()
  AUTH_SECRET: string = DEV_AUTH_SECRET;

  /** JWKS of the identity provider whose issuer is AUTH_ISSUER. Required in production. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  AUTH_JWKS_URL?: string;

  /** Name of this replica in logs (the container's hostname in compose). */
  @IsString()
  SERVICE_INSTANCE: string = `${process.pid}`;

  /** Seconds a service waits for PostgreSQL and NATS at boot before giving up. */
  @IsInt()
  @Min(1)
  @Max(300)
  CONNECT_TIMEOUT_SECONDS: number = 10;

  /** Deepest nesting of objects and arrays a JSON body may have (the forms need 5); deeper is refused with 400. */
  @IsInt()
  @Min(4)
  @Max(1000)
  HTTP_BODY_MAX_DEPTH: number = 32;
}
