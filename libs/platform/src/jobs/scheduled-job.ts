import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { PeriodicJob } from './periodic-job.js';

/**
 * A Nest provider that runs a PeriodicJob with the application: started at bootstrap, stopped (waiting for a run in
 * progress) at shutdown, and `runNow()` for tests and operators. A job only says what it runs and how often.
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly job: PeriodicJob;

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
