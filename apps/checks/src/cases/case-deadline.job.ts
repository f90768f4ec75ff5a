import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisDate, SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
import { Clock, PeriodicJob, ScheduledJob } from '#platform';
import { appendAudit } from '../audit/audit-log.repository.js';
import type { ChecksConfig } from '../checks.config.js';
import { CHECKS_CONFIG } from '../checks.tokens.js';
import { evidenceDeadlineStep } from './case-deadline.rules.js';
import type { CaseRow } from './cases.service.js';

/**
 * Every `CHECKS_JOB_INTERVAL_MS`, on the controllable Clock: reminds the citizen before the evidence deadline
 * (check.evidence-reminder) and records a missed deadline, once each, from stored state only — so a job that was
 * down catches up. Each case in its own transaction, locked and skipped when another replica holds it.
 */
@Injectable()
export class CaseDeadlineJob extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(CHECKS_CONFIG) private readonly config: ChecksConfig,
  ) {
    super();
    this.job = new PeriodicJob('CaseDeadlineJob', () => this.sweep(), config.CHECKS_JOB_INTERVAL_MS, 5_000);
  }

  private async sweep(): Promise<void> {
    const ids: { id: string }[] = await this.dataSource.query(
      "SELECT id FROM checks.cases WHERE status = 'evidence_requested' ORDER BY opened_at",
    );
    for (const { id } of ids) await this.handle(id);
  }

  private async handle(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: CaseRow[] = await manager.query(
        "SELECT * FROM checks.cases WHERE id = $1 AND status = 'evidence_requested' FOR UPDATE SKIP LOCKED",
        [id],
      );
      const row = rows[0];
      if (!row?.evidence_request) return;
      const now = this.clock.now();
      const today = parisDate(now);
      const request = row.evidence_request as CaseRow['evidence_request'] & {
        remindedOn?: string;
        overdueOn?: string;
      };
      const step = evidenceDeadlineStep(today, request.dueDate, this.config.CHECKS_REMINDER_DAYS, request);
      if (step === 'nothing') return;
      const updated =
        step === 'remind' ? { ...request, remindedOn: today } : { ...request, overdueOn: today };
      await manager.query('UPDATE checks.cases SET evidence_request = $2 WHERE id = $1', [
        id,
        JSON.stringify(updated),
      ]);
      if (step === 'remind') {
        await this.outbox.publish(manager, SUBJECTS.checkEvidenceReminder, id, {
          checkId: id,
          applicationId: row.application_id,
          dueDate: request.dueDate,
        });
      }
      await appendAudit(manager, {
        at: now,
        actor: 'système',
        action: step === 'remind' ? 'rappel des pièces' : 'échéance des pièces dépassée',
        applicationId: row.application_id,
        details: { checkId: id, dueDate: request.dueDate },
      });
    });
  }
}
