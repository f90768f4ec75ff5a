import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { MessagingConfig } from '#messaging';
import { EnvBoolean } from '#platform';

/** Configuration of the routing service: the platform's and the event backbone's variables (see the README). */
export class RoutingConfig extends MessagingConfig {
  // — Back office and deadlines —

  /** How often the deadline job looks for warnings to send, unanswered care plans and tacit decisions, in ms. */
  @IsInt()
  @Min(1_000)
  DEADLINE_JOB_INTERVAL_MS: number = 60_000;

  /** Days before the decision deadline at which the owning team is warned, comma-separated. */
  @Matches(/^\d{1,3}(,\d{1,3})*$/, { message: 'doit être une liste de nombres de jours (ex. 15,3)' })
  DEADLINE_WARNING_DAYS: string = '15,3';

  /** APCR: highest share of the project's cost excluding tax a grant may cover, in percent (⚠ local rules). */
  @IsInt()
  @Min(1)
  @Max(100)
  APCR_MAX_RATE_PERCENT: number = 80;

  /** APCR: highest grant, in cents (⚠ local rules). */
  @IsInt()
  @Min(1)
  APCR_MAX_GRANT_CENTS: number = 5_000_000;

  /** Back-office inbox: largest page size an agent may ask for. */
  @IsInt()
  @Min(1)
  @Max(500)
  BACK_OFFICE_MAX_PAGE_SIZE: number = 100;

  // — Directory —

  /** Load the demo directory of the Calvados on a first start (empty directory). */
  @EnvBoolean()
  @IsBoolean()
  DIRECTORY_DEMO: boolean = true;

  /** How often a replica checks whether the directory changed elsewhere, in ms. */
  @IsInt()
  @Min(500)
  DIRECTORY_REFRESH_MS: number = 5_000;
}
