import { decideWhileWaiting, failedTries } from './wait-policy.js';

const policy = { baseDelayMs: 200, maxDelayMs: 5_000, maxWaitMs: 3_600_000 };

describe('decideWhileWaiting: an event that arrived before the one it needs', () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [6, 5_000], // 6 400 capped
    [500, 5_000],
  ])('after its wait n° %i, comes again in %i ms', (waits, delayMs) => {
    expect(decideWhileWaiting(waits, 10_000, policy)).toEqual({ action: 'wait', delayMs });
  });

  it('waits however many times it came, as long as the bound has not passed', () => {
    expect(decideWhileWaiting(10_000, policy.maxWaitMs - 1, policy).action).toBe('wait');
  });

  it('is a dead letter once it has waited EVENT_WAIT_MAX_MS', () => {
    expect(decideWhileWaiting(3, policy.maxWaitMs, policy)).toEqual({ action: 'park' });
  });
});

describe('failedTries: waiting never spends a try', () => {
  it('counts only the deliveries that failed', () => {
    expect(failedTries(12, 10)).toBe(2);
    expect(failedTries(1, 0)).toBe(1);
  });

  it('counts at least the failure at hand', () => {
    expect(failedTries(3, 3)).toBe(1);
  });
});
