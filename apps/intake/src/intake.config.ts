import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { MessagingConfig } from '#messaging';
import { EnvBoolean } from '#platform';

/** Configuration of the intake service: the platform's and the backbone's variables, and the procedures' settings. */
export class IntakeConfig extends MessagingConfig {
  /** INSEE codes of the départements served, comma-separated (e.g. `14`). */
  @Matches(/^(\d{2,3}|2[AB])(,(\d{2,3}|2[AB]))*$/, {
    message: 'doit être une liste de codes de départements (ex. 14 ou 14,50)',
  })
  SERVED_DEPARTEMENTS: string = '14';

  /** Drafts never submitted are deleted this many days after their last change. */
  @IsInt()
  @Min(1)
  DRAFT_RETENTION_DAYS: number = 90;

  /** How often the job resuming suspended decision clocks runs (CRPA L114-5), in milliseconds. */
  @IsInt()
  @Min(1_000)
  CLOCK_JOB_INTERVAL_MS: number = 3_600_000;

  /** APCR: a commune may file when its population municipale is below this figure. */
  @IsInt()
  @Min(1)
  APCR_POPULATION_THRESHOLD: number = 2_000;

  /** APCR: communes nouvelles above the threshold are admitted (rules of 2020). */
  @EnvBoolean()
  @IsBoolean()
  APCR_ADMIT_COMMUNES_NOUVELLES: boolean = true;

  /** Evidence files (after-the-fact controls): the local folder they are stored in. */
  @IsString()
  EVIDENCE_DIR: string = '.data/evidence';

  /** Evidence files: the largest accepted, in bytes (at most 20 MB). */
  @IsInt()
  @Min(1)
  @Max(20 * 1_048_576)
  EVIDENCE_MAX_BYTES: number = 10 * 1_048_576;
}
