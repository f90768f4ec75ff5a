import { PeriodicJob } from './periodic-job.js';

describe('PeriodicJob.runNow', () => {
  it('runs the task at once, after the run in progress, one at a time', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const job = new PeriodicJob(
      'test-job',
      async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
        runs += 1;
      },
      60_000,
      60_000,
    );
    await Promise.all([job.runNow(), job.runNow(), job.runNow()]);
    expect(runs).toBe(3);
    expect(maxRunning).toBe(1);
  });

  it('rejects with the task’s error and stays usable', async () => {
    let fail = true;
    const job = new PeriodicJob(
      'test-job',
      async () => {
        if (fail) throw new Error('boom');
      },
      60_000,
    );
    await expect(job.runNow()).rejects.toThrow('boom');
    fail = false;
    await expect(job.runNow()).resolves.toBeUndefined();
  });
});
