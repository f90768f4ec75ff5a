import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ApplicationFacts, DecisionOutcome } from '#domain';
import type { FileStatus } from './file.lifecycle.js';

/** The open request for more information, as the agent sent it. */
export interface InfoRequest {
  requestId: string;
  message: string;
  answerBy: string;
  requestedAt: string;
  by: string;
}

/** APA (CASF R232-7): the home evaluation by the medico-social team. */
export interface HomeEvaluation {
  evaluatedOn: string;
  /** AGGIR grid, 1 (most dependent) to 6. */
  gir: number;
  by: string;
}

export type CarePlanStatus = 'proposed' | 'accepted' | 'changes_requested' | 'refused_by_silence';

/** APA (CASF R232-7): the care plan proposed to the beneficiary, with the calculator's figures. */
export interface CarePlan {
  planId: string;
  gir: number;
  planCents: number;
  participationCents: number;
  apaCents: number;
  description?: string;
  proposedOn: string;
  answerBy: string;
  status: CarePlanStatus;
  provisionalParameters: boolean;
  answeredAt?: string;
  comment?: string;
}

export interface Decision {
  outcome: DecisionOutcome;
  reason: string;
  remedies: string;
  decidedAt: string;
  by: string | null;
  amountCents?: number;
  gir?: number;
  planCents?: number;
  participationCents?: number;
  provisionalParameters?: boolean;
}

/**
 * A file as the back office works it: learnt from intake's events (no personal data: ids, codes, dates, small
 * facts), routed to a team, then claimed, instructed and decided. Table `routing.files`.
 */
@Entity({ name: 'files' })
export class FileEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  procedure: string;

  @Column('text', { name: 'receipt_number' })
  receiptNumber: string;

  @Column('text', { name: 'commune_insee' })
  communeInsee: string;

  @Column('text', { name: 'team_code' })
  teamCode: string;

  /** No rule covered the file: it went to the default team and is flagged in the inbox. */
  @Column('boolean', { name: 'default_team' })
  defaultTeam: boolean;

  @Column('text', { name: 'routing_reason' })
  routingReason: string;

  @Column('text')
  status: FileStatus;

  /** Subject of the agent in charge, or null while nobody has taken the file. */
  @Column('text', { nullable: true })
  assignee: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  /** The date the file counts as complete (filing, or the answer that restarts the clock): APA's 30-day care plan. */
  @Column('date', { name: 'complete_on' })
  completeOn: string;

  /** From intake, the clock's owner; null while a restart-on-answer request is open. */
  @Column('date', { name: 'decision_deadline', nullable: true })
  decisionDeadline: string | null;

  /** Set while a request for more suspends the clock. */
  @Column('date', { name: 'suspended_on', nullable: true })
  suspendedOn: string | null;

  @Column('text', { name: 'silence_means' })
  silenceMeans: 'granted' | 'rejected';

  @Column('jsonb')
  facts: ApplicationFacts;

  @Column('jsonb', { name: 'info_request', nullable: true })
  infoRequest: InfoRequest | null;

  @Column('jsonb', { nullable: true })
  evaluation: HomeEvaluation | null;

  @Column('jsonb', { name: 'care_plan', nullable: true })
  carePlan: CarePlan | null;

  @Column('jsonb', { nullable: true })
  decision: Decision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
