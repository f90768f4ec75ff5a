import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob, ScheduledJob } from '#platform';
import { BACK_OFFICE_SETTINGS, type BackOfficeSettings } from '../back-office.settings.js';
import { DeadlineSweep } from './deadline-sweep.service.js';

/**
 * Runs the deadline sweep every `DEADLINE_JOB_INTERVAL_MS` on every replica (the sweep is replica safe), reading the
 * date from the `Clock` port (tests move it). `runNow()` runs it at once (tests, an operator).
 */
@Injectable()
export class DeadlineJob extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(
    private readonly sweep: DeadlineSweep,
    @Inject(BACK_OFFICE_SETTINGS) settings: BackOfficeSettings,
  ) {
    super();
    this.job = new PeriodicJob(
      'DeadlineJob',
      async () => {
        await this.sweep.sweep();
      },
      settings.deadlineJobIntervalMs,
      Math.min(5_000, settings.deadlineJobIntervalMs),
    );
  }
}
