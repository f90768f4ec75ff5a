import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DecisionOutcome, PublicContact } from '#domain';
import type { RuleFinding, SilenceMeans } from '../procedures/procedure.js';
import type { ApplicationStatus } from './application.lifecycle.js';

/** What intake keeps of the back office's work, learnt from events (never read from routing's tables). */
export interface ApplicationHandling {
  team?: { code: string; contact: PublicContact };
  agentAssigned?: boolean;
  infoRequest?: { requestId: string; message: string; answerBy: string };
  decision?: {
    outcome: DecisionOutcome;
    /** A decision by silence (deemed granted / deemed rejected), not an agent's. */
    tacit: boolean;
    reason: string;
    amountCents?: number;
    remedies: string;
    decidedAt: string;
    /** APA: the GIR, the monthly plan and the participation the decision rests on. */
    gir?: number;
    planCents?: number;
    participationCents?: number;
    /** The amounts use parameters past the last known revaluation (CASF R232-10). */
    provisionalParameters?: boolean;
  };
  /** APA (CASF R232-7): the care plan proposed after the home evaluation, and the beneficiary's answer. */
  carePlan?: {
    planId: string;
    evaluatedOn: string;
    gir: number;
    planCents: number;
    participationCents: number;
    apaCents: number;
    answerBy: string;
    description?: string;
    provisionalParameters?: boolean;
    status: 'proposed' | 'accepted' | 'changes_requested';
    answeredAt?: string;
    requestedChanges?: string;
  };
  check?: {
    checkId: string;
    status: 'open' | 'evidence_requested' | 'contradictory' | 'concluded';
    dueDate?: string;
    outcome?: string;
    /** Contradictory phase: the proposed conclusion, the date to answer by, and the answer once given. */
    proposal?: { outcome: string; reason: string; answerBy: string };
    answeredAt?: string;
  };
}

/** A citizen's file: a draft until submitted, then followed until it is closed. Table `intake.applications`. */
@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  procedure: string;

  /** Subject (login id) of the citizen who owns the file. */
  @Column('text', { name: 'owner_subject' })
  ownerSubject: string;

  @Column('text')
  status: ApplicationStatus;

  /** The form, partial while a draft. */
  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text', { name: 'receipt_number', nullable: true })
  receiptNumber: string | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('date', { name: 'decision_deadline', nullable: true })
  decisionDeadline: string | null;

  @Column('date', { name: 'clock_suspended_on', nullable: true })
  clockSuspendedOn: string | null;

  /** While suspended: the last day given to answer; the clock resumes by itself after it (CRPA L114-5). */
  @Column('date', { name: 'clock_resumes_after', nullable: true })
  clockResumesAfter: string | null;

  @Column('text', { name: 'silence_means', nullable: true })
  silenceMeans: SilenceMeans | null;

  @Column('jsonb', { default: () => "'[]'" })
  warnings: RuleFinding[];

  /** Key under the procedure's annual limit, with the year (`2026:14001:general`), once filed. */
  @Column('text', { name: 'quota_key', nullable: true })
  quotaKey: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  handling: ApplicationHandling;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
