import 'reflect-metadata';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LEGAL_DATE } from './common.js';

export class CheckOpenedV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @IsString() campaign: string;
  /** The file's selection probability and the draw compared with it: the proof of why it was selected. */
  @IsNumber() @Min(0) @Max(1) probability: number;
  @IsNumber() @Min(0) @Max(1) draw: number;
  @IsObject() factors: Record<string, number>;
}

export class CheckEvidenceRequestedV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @IsArray() @IsString({ each: true }) evidence: string[];
  @IsString() @MaxLength(2000) message: string;
  @Matches(LEGAL_DATE) dueDate: string;
}

export class CheckEvidenceReceivedV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @IsISO8601({ strict: true }) receivedAt: string;
  @IsArray() @IsString({ each: true }) documents: string[];
}

export const CHECK_OUTCOMES = ['compliant', 'corrected', 'overpayment', 'fraud_suspected'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export class CheckConcludedV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @IsIn(CHECK_OUTCOMES) outcome: CheckOutcome;
  @IsString() @MaxLength(2000) reason: string;
  @IsOptional() @IsInt() @Min(0) overpaymentCents?: number;
  /** Overpayment: what is recovered, at most per payment (20 %), and the date recovery is time-barred. */
  @IsOptional() @IsInt() @Min(0) recoverableCents?: number;
  @IsOptional() @IsInt() @Min(0) maxDeductionPerPaymentCents?: number;
  @IsOptional() @Matches(LEGAL_DATE) recoveryTimeBarredOn?: string;
  /** The remedies against the conclusion, in French (DOMAIN.md §6). */
  @IsOptional() @IsString() @MaxLength(2000) remedies?: string;
}

/** Checks reminds the citizen that the evidence deadline comes near. */
export class CheckEvidenceReminderV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @Matches(LEGAL_DATE) dueDate: string;
}

/** Contradictory phase: the proposed conclusion, which the citizen may answer by a date before it is final. */
export class CheckConclusionProposedV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @IsIn(CHECK_OUTCOMES) proposedOutcome: CheckOutcome;
  @IsString() @MaxLength(2000) reason: string;
  @IsOptional() @IsInt() @Min(0) overpaymentCents?: number;
  @Matches(LEGAL_DATE) answerBy: string;
  /** True when the evidence deadline passed without evidence (the fact is recorded). */
  @IsOptional() @IsBoolean() evidenceMissing?: boolean;
}

/** The citizen's answer to a proposed conclusion, through intake. */
export class CheckConclusionAnsweredV1 {
  @IsUUID() checkId: string;
  @IsUUID() applicationId: string;
  @IsString() @MaxLength(4000) answer: string;
  @IsISO8601({ strict: true }) answeredAt: string;
}
