import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisDate } from '#domain';
import { Outbox } from '#messaging';
import { Clock, PeriodicJob, ScheduledJob } from '#platform';
import { clockOf, moveClock } from './application-clock.js';
import { ApplicationEntity } from './application.entity.js';
import { isClosed } from './application.lifecycle.js';
import { appendTimeline } from './applications.repository.js';
import { resumeIfAnswerTimeOver } from './decision-clock.rules.js';
import { clockResumedText } from './timeline.texts.js';

export const CLOCK_JOB_INTERVAL_MS = Symbol('CLOCK_JOB_INTERVAL_MS');

/**
 * CRPA L114-5: a request for pieces suspends the clock only for the time given to produce them. Every
 * `CLOCK_JOB_INTERVAL_MS`, this job resumes the clocks whose time to answer ran out (answered or not), tells routing
 * (`application.deadline-changed`, cause `info_request_expired`) and writes it in the timeline. It works from stored
 * state, so a job that was down catches up; each file is handled in a transaction of its own, locked with
 * `SKIP LOCKED`, and only while still due: replicas may run it together, and each resumption happens once.
 * The date comes from the platform's `Clock` (tests move it).
 */
@Injectable()
export class ClockResumptionJob extends ScheduledJob {
  private readonly logger = new Logger(ClockResumptionJob.name);
  protected readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(CLOCK_JOB_INTERVAL_MS) intervalMs: number,
  ) {
    super();
    this.job = new PeriodicJob(
      'ClockResumptionJob',
      () => this.resumeDue().then(() => undefined),
      intervalMs,
      Math.min(5_000, intervalMs),
    );
  }

  /** Resumes every clock whose time to answer is over; returns how many. */
  async resumeDue(): Promise<number> {
    const today = parisDate(this.clock.now());
    let resumed = 0;
    for (;;) {
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM intake.applications
         WHERE clock_suspended_on IS NOT NULL AND clock_resumes_after IS NOT NULL AND clock_resumes_after < $1::date
           AND status IN ('submitted', 'in_review', 'info_requested')
         ORDER BY clock_resumes_after, id LIMIT 100`,
        [today],
      );
      let handled = 0;
      for (const { id } of due) {
        try {
          if (await this.resumeOne(id, today)) handled += 1;
        } catch (error) {
          this.logger.error({ err: error, applicationId: id }, 'Could not resume the decision clock');
        }
      }
      resumed += handled;
      // Stop when nothing more is due, or when this run could not move any of the remaining ones.
      if (due.length < 100 || handled === 0) return resumed;
    }
  }

  private resumeOne(id: string, today: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [application] = await manager
        .createQueryBuilder(ApplicationEntity, 'a')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('a.id = :id', { id })
        .getMany();
      // A withdrawn or decided file has no clock any more.
      if (!application || isClosed(application.status)) return false;
      const answerBy = application.clockResumesAfter;
      const clock = resumeIfAnswerTimeOver(clockOf(application), today);
      if (!clock || !answerBy || !clock.deadline) return false;
      await moveClock(manager, this.outbox, application, clock, 'info_request_expired');
      await manager.save(application);
      await appendTimeline(
        manager,
        application.id,
        'clock_resumed',
        clockResumedText(answerBy, clock.deadline),
      );
      this.logger.log(
        { applicationId: id, decisionDeadline: clock.deadline },
        'Decision clock resumed (CRPA L114-5)',
      );
      return true;
    });
  }
}
