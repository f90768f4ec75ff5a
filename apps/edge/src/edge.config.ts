import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'] };

/** Where each service listens, and what the door lets in. */
export class EdgeConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsUrl(URL_OPTIONS)
  INTAKE_URL: string = 'http://127.0.0.1:3001';

  @IsUrl(URL_OPTIONS)
  ROUTING_URL: string = 'http://127.0.0.1:3002';

  @IsUrl(URL_OPTIONS)
  CHECKS_URL: string = 'http://127.0.0.1:3003';

  @IsUrl(URL_OPTIONS)
  NOTIFICATIONS_URL: string = 'http://127.0.0.1:3004';

  /** The public address: HTTPS there makes every answer carry Strict-Transport-Security. */
  @IsUrl(URL_OPTIONS)
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /** Origins (scheme://host[:port], comma-separated) whose pages may call the API from a browser (CORS). */
  @IsString()
  CORS_ALLOWED_ORIGINS: string = '';

  /** The web application (the pages): every path outside /api and /docs goes there. Unset: those paths are 404. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  WEB_URL?: string;
}
