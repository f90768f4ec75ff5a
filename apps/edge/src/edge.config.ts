import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'] };

/** A budget: `<requests>/<seconds>` (see rate-budgets.ts). */
const BUDGET = /^\s*\d{1,9}\s*\/\s*\d{1,7}\s*$/;
const BUDGET_MESSAGE = 'attendu « requêtes/secondes », par exemple 120/60';
const budget = () => Matches(BUDGET, { message: BUDGET_MESSAGE });

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

  /**
   * Who may tell the client's address in X-Forwarded-For (proxy-addr syntax: addresses, CIDR ranges, or `loopback`,
   * `linklocal`, `uniquelocal`, comma-separated). The web application calls the API on its visitors' behalf and
   * forwards their address: it must be listed. Requests from anyone else are counted by their own address.
   */
  @IsString()
  TRUSTED_PROXIES: string = 'loopback';

  /** Public reads (catalogue, contacts), per address. */
  @budget()
  RATE_LIMIT_PUBLIC_READ: string = '120/60';

  /** The APA estimate, per address. */
  @budget()
  RATE_LIMIT_ESTIMATE: string = '30/60';

  /** Sign-in pages (each starts an OpenID Connect round), per address. */
  @budget()
  RATE_LIMIT_SIGN_IN: string = '30/600';

  /** New drafts, per address and per signed-in person. */
  @budget()
  RATE_LIMIT_DRAFT_CREATION: string = '120/3600';

  @budget()
  RATE_LIMIT_DRAFT_CREATION_PER_PERSON: string = '30/3600';

  /** Submissions (sworn statements), per address and per person. */
  @budget()
  RATE_LIMIT_SUBMISSION: string = '60/3600';

  @budget()
  RATE_LIMIT_SUBMISSION_PER_PERSON: string = '10/3600';

  /** Uploads (supporting documents, answers to a control), per address and per person. */
  @budget()
  RATE_LIMIT_UPLOAD: string = '240/3600';

  @budget()
  RATE_LIMIT_UPLOAD_PER_PERSON: string = '60/3600';

  /** Multiplies every budget (a load test sets 1000; 0 turns the limits off, for a platform behind its own limiter). */
  @IsInt()
  @Min(0)
  RATE_LIMIT_MULTIPLIER: number = 1;
}
