import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicJob } from '#platform';
import { BACK_OFFICE_SETTINGS, type BackOfficeSettings } from '../back-office.settings.js';
import { DeadlineSweep } from './deadline-sweep.service.js';

/**
 * Runs the deadline sweep every `DEADLINE_JOB_INTERVAL_MS` on every replica (the sweep is replica safe), reading the
 * date from the `Clock` port (tests move it). `runNow()` runs it at once (tests, an operator).
 */
@Injectable()
export class DeadlineJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    private readonly sweep: DeadlineSweep,
    @Inject(BACK_OFFICE_SETTINGS) settings: BackOfficeSettings,
  ) {
    this.job = new PeriodicJob(
      'DeadlineJob',
      async () => {
        await this.sweep.sweep();
      },
      settings.deadlineJobIntervalMs,
      Math.min(5_000, settings.deadlineJobIntervalMs),
    );
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  runNow(): Promise<void> {
    return this.job.runNow();
  }
}
