import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  type CheckConclusionAnsweredV1,
  type CheckEvidenceReceivedV1,
  type CheckOutcome,
  type EventEnvelope,
  NotFound,
  parisDate,
  remediesFor,
  SUBJECTS,
  ValidationFailed,
} from '#domain';
import { Outbox } from '#messaging';
import { Clock } from '#platform';
import { appendAudit } from '../audit/audit-log.repository.js';
import type { ChecksConfig } from '../checks.config.js';
import { CHECKS_CONFIG } from '../checks.tokens.js';
import { type CaseAction, type CaseStatus, assertCaseAllowed } from './case.lifecycle.js';
import { apaRecoveryPlan } from './recovery.rules.js';

/** Thrown to roll a preview back; never leaves `step`. */
const ROLLBACK = Symbol('rollback');

export interface CaseRow {
  id: string;
  application_id: string;
  origin: string;
  reason: string;
  status: CaseStatus;
  opened_at: Date;
  evidence_request: { documents: string[]; message: string; dueDate: string } | null;
  evidence: { documents: string[]; receivedAt: string } | null;
  proposal: {
    outcome: CheckOutcome;
    reason: string;
    overpaymentCents?: number;
    answerBy: string;
    evidenceMissing: boolean;
  } | null;
  answer: { answer: string; answeredAt: string } | null;
  conclusion: Record<string, unknown> | null;
}

export interface ConclusionCommand {
  outcome: CheckOutcome;
  reason: string;
  overpaymentCents?: number;
  monthlyPaymentCents?: number;
  paidOn?: string;
}

/** The control workflow; each step locks the case, checks its state (409), is logged in the audit chain and published. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(CHECKS_CONFIG) private readonly config: ChecksConfig,
  ) {}

  async get(id: string): Promise<CaseRow> {
    return this.load(this.dataSource.manager, id, false);
  }

  requestEvidence(auditor: string, id: string, documents: string[], message: string, dueDate?: string) {
    return this.step(auditor, id, 'request_evidence', false, async (manager, row, today) => {
      const due = dueDate ?? addDays(today, this.config.CHECKS_EVIDENCE_DAYS);
      if (due <= today)
        throw new ValidationFailed([{ field: 'dueDate', reason: 'doit être postérieure à aujourd’hui' }]);
      const request = { documents, message, dueDate: due };
      await this.update(manager, id, 'evidence_requested', { evidence_request: request });
      await this.outbox.publish(manager, SUBJECTS.checkEvidenceRequested, id, {
        checkId: id,
        applicationId: row.application_id,
        evidence: documents,
        message,
        dueDate: due,
      });
      return { action: 'pièces demandées', details: request };
    });
  }

  propose(auditor: string, id: string, outcome: CheckOutcome, reason: string, overpaymentCents?: number) {
    return this.step(auditor, id, 'propose', false, async (manager, row, today) => {
      const evidenceMissing = row.status === 'evidence_requested';
      if (evidenceMissing && row.evidence_request && row.evidence_request.dueDate >= today)
        throw new ValidationFailed([
          { field: 'status', reason: `les pièces sont attendues jusqu’au ${row.evidence_request.dueDate}` },
        ]);
      const proposal = {
        outcome,
        reason,
        overpaymentCents,
        answerBy: addDays(today, this.config.CHECKS_ANSWER_DAYS),
        evidenceMissing,
      };
      await this.update(manager, id, 'contradictory', { proposal });
      await this.outbox.publish(manager, SUBJECTS.checkConclusionProposed, id, {
        checkId: id,
        applicationId: row.application_id,
        proposedOutcome: outcome,
        reason,
        ...(overpaymentCents !== undefined ? { overpaymentCents } : {}),
        answerBy: proposal.answerBy,
        evidenceMissing,
      });
      return { action: 'conclusion proposée', details: proposal };
    });
  }

  /** What `conclude` would record (the recovery plan included), rolled back: shown before the auditor confirms. */
  previewConclusion(auditor: string, id: string, command: ConclusionCommand) {
    return this.conclusion(auditor, id, command, true);
  }

  conclude(auditor: string, id: string, command: ConclusionCommand) {
    return this.conclusion(auditor, id, command, false);
  }

  private conclusion(auditor: string, id: string, command: ConclusionCommand, dryRun: boolean) {
    const action: CaseAction = command.outcome === 'compliant' ? 'conclude_compliant' : 'conclude';
    return this.step(auditor, id, action, dryRun, async (manager, row, today) => {
      const procedure = await this.procedureOf(manager, row.application_id);
      const plan =
        command.outcome === 'overpayment' ||
        (command.outcome === 'fraud_suspected' && command.overpaymentCents)
          ? this.recoveryPlan(command, today)
          : undefined;
      const conclusion = {
        ...command,
        ...(plan ? { recovery: plan } : {}),
        remedies: remediesFor(procedure, false),
        concludedOn: today,
      };
      await this.update(manager, id, 'concluded', { conclusion });
      await this.outbox.publish(manager, SUBJECTS.checkConcluded, id, {
        checkId: id,
        applicationId: row.application_id,
        outcome: command.outcome,
        reason: command.reason,
        ...(plan
          ? {
              overpaymentCents: plan.overpaymentCents,
              recoverableCents: plan.recoverableCents,
              maxDeductionPerPaymentCents: plan.maxDeductionPerPaymentCents,
              recoveryTimeBarredOn: plan.recoveryTimeBarredOn,
            }
          : {}),
        remedies: conclusion.remedies,
      });
      return { action: 'conclu', details: conclusion };
    });
  }

  /** The citizen's evidence, through intake. */
  async onEvidenceReceived(
    manager: EntityManager,
    event: EventEnvelope<CheckEvidenceReceivedV1>,
  ): Promise<void> {
    const row = await this.load(manager, event.payload.checkId, true);
    if (row.status !== 'evidence_requested') return; // late or repeated: the case has moved on
    const evidence = { documents: event.payload.documents, receivedAt: event.payload.receivedAt };
    await this.update(manager, row.id, 'evidence_received', { evidence });
    await appendAudit(manager, {
      at: this.clock.now(),
      actor: 'usager',
      action: 'pièces reçues',
      applicationId: row.application_id,
      details: evidence,
    });
  }

  /** The citizen's answer in the contradictory phase, through intake. */
  async onConclusionAnswered(
    manager: EntityManager,
    event: EventEnvelope<CheckConclusionAnsweredV1>,
  ): Promise<void> {
    const row = await this.load(manager, event.payload.checkId, true);
    if (row.status !== 'contradictory' || row.answer) return;
    const answer = { answer: event.payload.answer, answeredAt: event.payload.answeredAt };
    await this.update(manager, row.id, 'contradictory', { answer });
    await appendAudit(manager, {
      at: this.clock.now(),
      actor: 'usager',
      action: 'réponse contradictoire',
      applicationId: row.application_id,
      details: answer,
    });
  }

  private recoveryPlan(command: ConclusionCommand, today: string) {
    const details = [];
    if (!command.overpaymentCents) details.push({ field: 'overpaymentCents', reason: 'requis pour un indu' });
    if (!command.monthlyPaymentCents)
      details.push({
        field: 'monthlyPaymentCents',
        reason: 'requis pour un indu (les retenues en dépendent)',
      });
    if (!command.paidOn)
      details.push({ field: 'paidOn', reason: 'requis pour un indu (la prescription en part)' });
    if (details.length > 0) throw new ValidationFailed(details);
    return apaRecoveryPlan({
      overpaymentCents: command.overpaymentCents ?? 0,
      monthlyPaymentCents: command.monthlyPaymentCents ?? 0,
      paidOn: command.paidOn ?? today,
      discoveredOn: today,
      fraud: command.outcome === 'fraud_suspected',
    });
  }

  private async step(
    auditor: string,
    id: string,
    action: CaseAction,
    dryRun: boolean,
    work: (
      manager: EntityManager,
      row: CaseRow,
      today: string,
    ) => Promise<{ action: string; details: object }>,
  ): Promise<CaseRow> {
    let result: CaseRow | undefined;
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.load(manager, id, true);
        assertCaseAllowed(row.status, action);
        const now = this.clock.now();
        const done = await work(manager, row, parisDate(now));
        await appendAudit(manager, {
          at: now,
          actor: auditor,
          action: done.action,
          applicationId: row.application_id,
          details: { checkId: id, ...done.details },
        });
        result = await this.load(manager, id, false);
        // A preview: the same checks and figures, then nothing kept (no case change, no audit entry, no event).
        if (dryRun) throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return result as CaseRow;
  }

  private async load(manager: EntityManager, id: string, lock: boolean): Promise<CaseRow> {
    const rows: CaseRow[] = await manager.query(
      `SELECT * FROM checks.cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (rows.length === 0) throw new NotFound('Contrôle inconnu.');
    return rows[0];
  }

  private async update(
    manager: EntityManager,
    id: string,
    status: CaseStatus,
    columns: Record<string, object>,
  ): Promise<void> {
    const names = Object.keys(columns);
    const sets = names.map((name, index) => `${name} = $${index + 3}`).join(', ');
    await manager.query(`UPDATE checks.cases SET status = $2${sets ? `, ${sets}` : ''} WHERE id = $1`, [
      id,
      status,
      ...names.map((name) => JSON.stringify(columns[name])),
    ]);
  }

  private async procedureOf(manager: EntityManager, applicationId: string): Promise<string> {
    const rows: { procedure: string }[] = await manager.query(
      'SELECT procedure FROM checks.application_facts WHERE application_id = $1',
      [applicationId],
    );
    return rows[0]?.procedure ?? '';
  }
}
