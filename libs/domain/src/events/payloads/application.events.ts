import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
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
}
