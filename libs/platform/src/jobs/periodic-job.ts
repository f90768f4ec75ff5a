import { Logger } from '@nestjs/common';

/**
 * Runs a task every `intervalMs` (first run after `firstDelayMs`), one run at a time, logging failures without
 * stopping. Replicas may run the same job: tasks must be idempotent (a DELETE of expired rows is). A task should work
 * from stored state (every row due and not yet handled), not from what happened since the last run: a job that was
 * down then catches up by itself.
 */
export class PeriodicJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly name: string,
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly firstDelayMs = 30_000,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer = setTimeout(() => this.tick(), this.firstDelayMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * Runs the task now, after the run in progress if any (tests, an operator). Rejects with the task's error, and
   * does not disturb the schedule.
   */
  async runNow(): Promise<void> {
    while (this.running) await this.running;
    const run = this.task();
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      await run;
    } finally {
      this.running = undefined;
    }
  }

  private tick(): void {
    this.running = this.task()
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, `${this.name} failed; next run as scheduled`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.timer) {
          this.timer = setTimeout(() => this.tick(), this.intervalMs);
          this.timer.unref();
        }
      });
  }
}
