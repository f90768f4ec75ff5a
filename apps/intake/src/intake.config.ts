import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DEFAULT_RETENTION_YEARS, retentionProblems, type RetentionYears } from '#domain';
import { MessagingConfig } from '#messaging';
import { ConfigurationError, EnvBoolean } from '#platform';

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

  /** Closed files: years after the last action before the answers and the owner are removed (README, retention). */
  @IsInt()
  @Min(1)
  RETENTION_FILE_CONTENT_YEARS: number = DEFAULT_RETENTION_YEARS.fileContent;

  /** … before the file's timeline is deleted. */
  @IsInt()
  @Min(1)
  RETENTION_TIMELINE_YEARS: number = DEFAULT_RETENTION_YEARS.timeline;

  /** … before the log of who read the file is deleted. */
  @IsInt()
  @Min(1)
  RETENTION_ACCESS_LOG_YEARS: number = DEFAULT_RETENTION_YEARS.accessLog;

  /** … before the evidence sent for a control is deleted (2 years at least: CASF L232-25). */
  @IsInt()
  @Min(1)
  RETENTION_EVIDENCE_YEARS: number = DEFAULT_RETENTION_YEARS.evidence;

  /** … before checks anonymises the control case and its audit entries (2 years at least: CASF L232-25). */
  @IsInt()
  @Min(1)
  RETENTION_CONTROL_CASE_YEARS: number = DEFAULT_RETENTION_YEARS.controlCase;

  /** … before routing deletes its back-office copy. */
  @IsInt()
  @Min(1)
  RETENTION_ROUTING_COPY_YEARS: number = DEFAULT_RETENTION_YEARS.routingCopy;

  /** … before notifications deletes the messages about the file. */
  @IsInt()
  @Min(1)
  RETENTION_MESSAGES_YEARS: number = DEFAULT_RETENTION_YEARS.messages;

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

  /** Evidence files (after-the-fact controls): stored in a local folder (`local`) or an S3-compatible store (`s3`). */
  @IsIn(['local', 's3'])
  EVIDENCE_STORAGE: 'local' | 's3' = 'local';

  /** Evidence files, `local`: the folder they are stored in (shared by the replicas, backed up). */
  @IsString()
  EVIDENCE_DIR: string = '.data/evidence';

  /** Evidence files, `s3`: the bucket (it must exist). */
  @ValidateIf((config: IntakeConfig) => config.EVIDENCE_STORAGE === 's3')
  @IsString({ message: 'est obligatoire avec EVIDENCE_STORAGE=s3' })
  @MinLength(3, { message: 'doit être le nom d’un compartiment (3 caractères au moins)' })
  EVIDENCE_S3_BUCKET?: string;

  /** Evidence files, `s3`: the store's address; unset for AWS S3 itself. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'doit être une URL http(s)://…' })
  EVIDENCE_S3_ENDPOINT?: string;

  /** Evidence files, `s3`: the region (any value for most self-hosted stores). */
  @IsString()
  EVIDENCE_S3_REGION: string = 'us-east-1';

  /** Evidence files, `s3`: access key; unset to use the SDK's chain (AWS_ACCESS_KEY_ID…, a role). */
  @IsOptional()
  @IsString()
  EVIDENCE_S3_ACCESS_KEY_ID?: string;

  /** Evidence files, `s3`: secret key, required with the access key. */
  @ValidateIf((config: IntakeConfig) => config.EVIDENCE_S3_ACCESS_KEY_ID !== undefined)
  @IsString({ message: 'est obligatoire avec EVIDENCE_S3_ACCESS_KEY_ID' })
  EVIDENCE_S3_SECRET_ACCESS_KEY?: string;

  /** Evidence files, `s3`: path-style addresses (endpoint/bucket/key), as MinIO and most self-hosted stores need. */
  @EnvBoolean()
  @IsBoolean()
  EVIDENCE_S3_FORCE_PATH_STYLE: boolean = true;

  /** Evidence files: the largest accepted, in bytes (at most 20 MB). */
  @IsInt()
  @Min(1)
  @Max(20 * 1_048_576)
  EVIDENCE_MAX_BYTES: number = 10 * 1_048_576;
}

/** The retention periods of the configuration, checked against the rules they must follow (CASF L232-25…). */
export function retentionYearsOf(config: IntakeConfig): RetentionYears {
  const years: RetentionYears = {
    fileContent: config.RETENTION_FILE_CONTENT_YEARS,
    timeline: config.RETENTION_TIMELINE_YEARS,
    accessLog: config.RETENTION_ACCESS_LOG_YEARS,
    evidence: config.RETENTION_EVIDENCE_YEARS,
    controlCase: config.RETENTION_CONTROL_CASE_YEARS,
    routingCopy: config.RETENTION_ROUTING_COPY_YEARS,
    messages: config.RETENTION_MESSAGES_YEARS,
  };
  const problems = retentionProblems(years);
  if (problems.length > 0) {
    throw new ConfigurationError(
      problems.map(({ category, reason }) => ({
        variable: `RETENTION_${category.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_YEARS`,
        reason,
      })),
    );
  }
  return years;
}
