import { IsNumber, IsString, Max, Min, MinLength } from 'class-validator';
import { MessagingConfig } from '#messaging';

/** Configuration of the checks service: the platform's and the event backbone's variables (see the README). */
export class ChecksConfig extends MessagingConfig {
  /** Secret key of the campaign's draws (HMAC-SHA256): whoever holds it can redo every draw. Change it per campaign. */
  @IsString()
  @MinLength(16)
  CHECKS_CAMPAIGN_KEY: string = 'guichet-dev-campaign-key-change-me';

  /** Name of the current campaign, recorded with each selection (e.g. 2026). */
  @IsString()
  CHECKS_CAMPAIGN: string = 'campagne-2026';

  /** Probability of control of a granted file while no policy is set for its procedure. */
  @IsNumber()
  @Min(0)
  @Max(1)
  CHECKS_DEFAULT_RATE: number = 0.05;
}
