import { IsInt, IsNumber, IsString, Max, Min, MinLength, NotEquals, ValidateIf } from 'class-validator';
import { MessagingConfig } from '#messaging';

/** Anyone can read this one: draws under it can be predicted. Refused in production. */
export const DEV_CAMPAIGN_KEY = 'guichet-dev-campaign-key-change-me';

/** Configuration of the checks service: the platform's and the event backbone's variables (see the README). */
export class ChecksConfig extends MessagingConfig {
  /** Secret key of the campaign's draws (HMAC-SHA256): whoever holds it can redo every draw. Change it per campaign. */
  @IsString()
  @MinLength(16)
  @ValidateIf((config: ChecksConfig) => config.NODE_ENV === 'production')
  @NotEquals(DEV_CAMPAIGN_KEY, { message: 'doit être une clé secrète propre à la campagne en production' })
  CHECKS_CAMPAIGN_KEY: string = DEV_CAMPAIGN_KEY;

  /** Name of the current campaign, recorded with each selection (e.g. 2026). */
  @IsString()
  CHECKS_CAMPAIGN: string = 'campagne-2026';

  /** Probability of control of a granted file while no policy is set for its procedure. */
  @IsNumber()
  @Min(0)
  @Max(1)
  CHECKS_DEFAULT_RATE: number = 0.05;

  /** Days given to the citizen to send the evidence asked for (les-emplois: about 6 weeks; default 30). */
  @IsInt()
  @Min(1)
  CHECKS_EVIDENCE_DAYS: number = 30;

  /** Days given to answer a proposed conclusion (contradictory phase). */
  @IsInt()
  @Min(1)
  CHECKS_ANSWER_DAYS: number = 15;

  /** Days before the evidence deadline at which the citizen is reminded. */
  @IsInt()
  @Min(1)
  CHECKS_REMINDER_DAYS: number = 7;

  /** How often the deadline job looks at the cases waiting for evidence, in ms. */
  @IsInt()
  @Min(1_000)
  CHECKS_JOB_INTERVAL_MS: number = 3_600_000;
}
