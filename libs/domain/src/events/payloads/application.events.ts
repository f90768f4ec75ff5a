import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RETENTION_CATEGORIES, type RetentionCategory } from '../../retention/retention.policy.js';
import { INSEE_CODE, LEGAL_DATE, PROCEDURE_CODE, PublicContact, Recipient } from './common.js';

/** Facts a procedure hands to routing and checks: small scalar values only (no identity, no free text). */
export type ApplicationFacts = Record<string, string | number | boolean>;

export class ApplicationSubmittedV1 {
  @IsUUID() applicationId: string;
  @Matches(PROCEDURE_CODE) procedure: string;
  @IsString() receiptNumber: string;
  @IsISO8601({ strict: true }) submittedAt: string;
  /** Legal decision deadline, a calendar date in Europe/Paris. */
  @Matches(LEGAL_DATE) decisionDeadline: string;
  @IsIn(['granted', 'rejected']) silenceMeans: 'granted' | 'rejected';
  /** Commune the file belongs to (beneficiary's home, or the filing commune). */
  @Matches(INSEE_CODE) communeInsee: string;
  @ValidateNested() @Type(() => Recipient) applicant: Recipient;
  @IsObject() facts: ApplicationFacts;
}

export class ApplicationWithdrawnV1 {
  @IsUUID() applicationId: string;
  @Matches(PROCEDURE_CODE) procedure: string;
  @IsISO8601({ strict: true }) withdrawnAt: string;
  @ValidateNested() @Type(() => Recipient) applicant: Recipient;
}

export class ApplicationComplementedV1 {
  @IsUUID() applicationId: string;
  @Matches(PROCEDURE_CODE) procedure: string;
  @IsOptional() @IsUUID() requestId?: string;
  @IsISO8601({ strict: true }) complementedAt: string;
  /** The citizen's answer, for the agent who asked. */
  @IsOptional() @IsString() @MaxLength(4000) answer?: string;
  /** New decision deadline when the procedure restarts the clock on a complete file. */
  @IsOptional() @Matches(LEGAL_DATE) decisionDeadline?: string;
}

export class ApplicationRoutedV1 {
  @IsUUID() applicationId: string;
  @IsString() teamCode: string;
  @ValidateNested() @Type(() => PublicContact) contact: PublicContact;
  /** Why this team, in plain French (e.g. "règle APA pour la commune de Bayeux"). */
  @IsString() @MaxLength(500) reason: string;
  /** True when no rule covered the file and it went to the default team (to be looked at). */
  @IsOptional() @IsBoolean() defaultTeam?: boolean;
}

export class ApplicationAssignedV1 {
  @IsUUID() applicationId: string;
  @IsString() teamCode: string;
  @IsString() agentId: string;
  @IsISO8601({ strict: true }) assignedAt: string;
}

export class ApplicationInfoRequestedV1 {
  @IsUUID() applicationId: string;
  @IsUUID() requestId: string;
  @IsString() @MaxLength(2000) message: string;
  @Matches(LEGAL_DATE) answerBy: string;
  /** What the request does to the decision clock, as the procedure says. */
  @IsIn(['suspends', 'restarts', 'none']) clockEffect: 'suspends' | 'restarts' | 'none';
}

export const DECISION_OUTCOMES = [
  'granted',
  'rejected',
  'closed',
  'deemed_granted',
  'deemed_rejected',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export class ApplicationDecidedV1 {
  @IsUUID() applicationId: string;
  @IsIn(DECISION_OUTCOMES) outcome: DecisionOutcome;
  @IsString() @MaxLength(2000) reason: string;
  /** Monthly amount (APA) or grant amount (APCR), in integer cents, where there is one. */
  @IsOptional() @IsInt() @Min(0) amountCents?: number;
  @IsISO8601({ strict: true }) decidedAt: string;
  @IsString() @MaxLength(2000) remedies: string;
  /** APA: the GIR the decision rests on, the monthly care plan and the beneficiary's participation. */
  @IsOptional() @IsInt() @Min(1) @Max(6) gir?: number;
  @IsOptional() @IsInt() @Min(0) planCents?: number;
  @IsOptional() @IsInt() @Min(0) participationCents?: number;
  /** The amounts use parameters (MTP, SMIC) not yet published for that date: the last known ones, provisionally. */
  @IsOptional() @IsBoolean() provisionalParameters?: boolean;
}

/**
 * Intake owns the decision clock: it tells the others each time the deadline moves (a request for more suspends or
 * restarts it, an answer resumes it). `decisionDeadline` is null while a restart-on-answer request is open.
 */
export class ApplicationDeadlineChangedV1 {
  @IsUUID() applicationId: string;
  @IsOptional() @Matches(LEGAL_DATE) decisionDeadline: string | null;
  /** Set while the clock is suspended (CRPA L114-5): the date it stopped. */
  @IsOptional() @Matches(LEGAL_DATE) suspendedOn?: string | null;
  @IsIn(['info_requested', 'complemented', 'info_request_expired'])
  cause: 'info_requested' | 'complemented' | 'info_request_expired';
}

/** Routing warns the owning team that a file's decision deadline comes near (e.g. 15 and 3 days before). */
export class ApplicationDeadlineApproachingV1 {
  @IsUUID() applicationId: string;
  @Matches(PROCEDURE_CODE) procedure: string;
  @IsString() teamCode: string;
  @Matches(LEGAL_DATE) decisionDeadline: string;
  @IsInt() @Min(0) daysLeft: number;
}

/**
 * APA (CASF R232-7): after the home evaluation, the proposed care plan is sent to the beneficiary, who has 10 days to
 * accept it or ask for changes; no answer counts as a refusal of the plan.
 */
export class ApplicationCarePlanProposedV1 {
  @IsUUID() applicationId: string;
  @IsUUID() planId: string;
  @Matches(LEGAL_DATE) evaluatedOn: string;
  @IsInt() @Min(1) @Max(6) gir: number;
  @IsInt() @Min(0) planCents: number;
  @IsInt() @Min(0) participationCents: number;
  @IsInt() @Min(0) apaCents: number;
  @Matches(LEGAL_DATE) answerBy: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() provisionalParameters?: boolean;
}

/** The beneficiary's answer to a proposed care plan, through intake. */
export class ApplicationCarePlanAnsweredV1 {
  @IsUUID() applicationId: string;
  @IsUUID() planId: string;
  @IsIn(['accepted', 'changes_requested']) answer: 'accepted' | 'changes_requested';
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @IsISO8601({ strict: true }) answeredAt: string;
}

/**
 * Intake says that the time of some categories of a closed file's data is over (README « Security and privacy »):
 * each service purges or anonymises its own copy of those categories. No personal data: ids and category names.
 */
export class ApplicationRetentionDueV1 {
  @IsUUID() applicationId: string;
  @IsIn(RETENTION_CATEGORIES, { each: true }) categories: RetentionCategory[];
  /** The file's last action, from which the periods are counted. */
  @IsISO8601({ strict: true }) lastActionAt: string;
}
