import { KeyedScheduler } from './keyed-scheduler.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedScheduler', () => {
  it('keeps the order of tasks that share a key', async () => {
    const scheduler = new KeyedScheduler(4);
    const done: string[] = [];
    await scheduler.schedule('A', async () => {
      await tick(30);
      done.push('A1');
    });
    await scheduler.schedule('A', async () => {
      done.push('A2');
    });
    await scheduler.drain();
    expect(done).toEqual(['A1', 'A2']);
  });

  it('runs tasks of different keys in parallel, never more than the limit at once', async () => {
    const scheduler = new KeyedScheduler(2);
    let running = 0;
    let peak = 0;
    const started = Date.now();
    for (const key of ['A', 'B', 'C', 'D']) {
      await scheduler.schedule(key, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick(50);
        running -= 1;
      });
    }
    await scheduler.drain();
    expect(peak).toBe(2);
    // Four tasks of 50 ms, two at a time: about 100 ms, far from the 200 ms of one at a time.
    expect(Date.now() - started).toBeLessThan(190);
  });

  it('goes on after a task fails', async () => {
    const scheduler = new KeyedScheduler(1);
    const done: string[] = [];
    await scheduler.schedule('A', async () => {
      throw new Error('boom');
    });
    await scheduler.schedule('A', async () => {
      done.push('after');
    });
    await scheduler.drain();
    expect(done).toEqual(['after']);
  });
});
