import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { frenchDate, parisDate, SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
import { Clock } from '#platform';
import { BACK_OFFICE_SETTINGS, type BackOfficeSettings } from '../back-office.settings.js';
import { CarePlansService } from '../care-plans/care-plans.service.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { FileEntity } from '../files/file.entity.js';
import { OPEN_STATUSES } from '../files/file.lifecycle.js';
import { appendHistory } from '../files/files.repository.js';
import { daysLeft, silenceApplies, warningDue } from './deadline.rules.js';

export interface SweepReport {
  carePlansRefused: number;
  tacitDecisions: number;
  warnings: number;
}

const BATCH = 200;
const OPEN_CLOCK = `status = ANY($1) AND decision_deadline IS NOT NULL AND suspended_on IS NULL`;

/**
 * What the deadline job does on each run, from stored state only — every file due and not yet handled — so a job
 * that was down catches up on what it missed, and replicas share the work. Each file is handled in its own
 * transaction under its row lock (`FOR UPDATE SKIP LOCKED`, condition checked again under the lock): a file an agent
 * is deciding is skipped and looked at on the next run, and an agent finds a file the job decided already decided.
 */
@Injectable()
export class DeadlineSweep {
  private readonly logger = new Logger('DeadlineJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly decisions: DecisionsService,
    private readonly carePlans: CarePlansService,
    @Inject(BACK_OFFICE_SETTINGS) private readonly settings: BackOfficeSettings,
  ) {}

  async sweep(): Promise<SweepReport> {
    const today = parisDate(this.clock.now());
    const report: SweepReport = {
      carePlansRefused: await this.unansweredCarePlans(today),
      tacitDecisions: await this.silence(today),
      warnings: await this.warnings(today),
    };
    if (report.carePlansRefused + report.tacitDecisions + report.warnings > 0) {
      this.logger.log({ ...report, today }, 'deadline job: files handled');
    }
    return report;
  }

  /** CASF R232-7: a care plan not answered by `answerBy` counts as refused. */
  private unansweredCarePlans(today: string): Promise<number> {
    const condition = `status = ANY($1) AND care_plan->>'status' = 'proposed' AND care_plan->>'answerBy' < $2`;
    return this.forEachDue(condition, [OPEN_STATUSES, today], async (manager, file) => {
      await this.carePlans.recordRefusalBySilence(manager, file, this.clock.now());
      return true;
    });
  }

  /** The silence rule on every open file whose deadline has passed with the clock running. */
  private silence(today: string): Promise<number> {
    return this.forEachDue(
      `${OPEN_CLOCK} AND decision_deadline < $2`,
      [OPEN_STATUSES, today],
      async (manager, file) => {
        if (!silenceApplies(today, file)) return false;
        await this.decisions.decideTacitly(manager, file, this.clock.now());
        return true;
      },
    );
  }

  /** Warnings to the owning team, once per (file, deadline, threshold). */
  private warnings(today: string): Promise<number> {
    const largest = Math.max(...this.settings.warningDays, 0);
    const condition = `${OPEN_CLOCK} AND decision_deadline >= $2::date AND decision_deadline <= $2::date + $3::int`;
    return this.forEachDue(condition, [OPEN_STATUSES, today, largest], async (manager, file) => {
      const deadline = file.decisionDeadline as string;
      const warned: { threshold_days: number }[] = await manager.query(
        'SELECT threshold_days FROM routing.deadline_warnings WHERE file_id = $1 AND deadline = $2',
        [file.id, deadline],
      );
      const left = daysLeft(today, deadline);
      const due = warningDue(
        left,
        this.settings.warningDays,
        warned.map((row) => row.threshold_days),
      );
      if (!due.notify) return false;
      const now = this.clock.now();
      for (const threshold of due.thresholds) {
        await manager.query(
          `INSERT INTO routing.deadline_warnings (file_id, deadline, threshold_days, warned_at)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [file.id, deadline, threshold, now],
        );
      }
      await appendHistory(manager, {
        fileId: file.id,
        at: now,
        kind: 'deadline_approaching',
        actor: 'system',
        text:
          `Date limite de décision le ${frenchDate(deadline)} : ${left === 0 ? 'c’est aujourd’hui' : `plus que ${left} jour${left > 1 ? 's' : ''}`}` +
          (file.silenceMeans === 'granted'
            ? ' ; sans décision, la demande sera réputée acceptée.'
            : ' ; sans décision, la demande sera réputée refusée.'),
        details: { deadline, daysLeft: left, thresholds: due.thresholds },
      });
      await this.outbox.publish(manager, SUBJECTS.applicationDeadlineApproaching, file.id, {
        applicationId: file.id,
        procedure: file.procedure,
        teamCode: file.teamCode,
        decisionDeadline: deadline,
        daysLeft: left,
      });
      return true;
    });
  }

  /**
   * Candidates are read in pages by id; each is then locked with the same condition, `SKIP LOCKED`, in a transaction
   * of its own: a failure on one file is logged and does not stop the others.
   */
  private async forEachDue(
    condition: string,
    params: unknown[],
    handle: (manager: EntityManager, file: FileEntity) => Promise<boolean>,
  ): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let handled = 0;
    const n = params.length;
    for (;;) {
      const candidates: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM routing.files WHERE ${condition} AND id > $${n + 1} ORDER BY id LIMIT ${BATCH}`,
        [...params, after],
      );
      for (const { id } of candidates) {
        try {
          const done = await this.dataSource.transaction(async (manager) => {
            const locked: unknown[] = await manager.query(
              `SELECT id FROM routing.files WHERE ${condition} AND id = $${n + 1} FOR UPDATE SKIP LOCKED`,
              [...params, id],
            );
            if (locked.length === 0) return false;
            const file = await manager.findOneByOrFail(FileEntity, { id });
            return handle(manager, file);
          });
          if (done) handled += 1;
        } catch (error) {
          this.logger.error(
            { err: error, applicationId: id },
            'deadline job: a file failed; retried on the next run',
          );
        }
      }
      if (candidates.length < BATCH) return handled;
      after = candidates[candidates.length - 1].id;
    }
  }
}
