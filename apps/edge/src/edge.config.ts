import { IsInt, IsOptional, IsUrl, Max, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'] };

/** The edge only needs where each service listens. */
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

  /** The web application (the pages): every path outside /api and /docs goes there. Unset: those paths are 404. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  WEB_URL?: string;
}
