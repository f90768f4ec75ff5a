import { ManualClock, SystemClock } from './clock.js';

describe('Clock', () => {
  it('the system clock tells the time of the machine', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a manual clock moves only when told, and hands out copies', () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const seen = clock.now();
    seen.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
    clock.advanceDays(61);
    expect(clock.now().toISOString()).toBe('2026-05-02T09:00:00.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
