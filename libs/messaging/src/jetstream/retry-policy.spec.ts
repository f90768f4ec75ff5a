import { decideAfterFailure, durableName } from './retry-policy.js';

const policy = { maxDeliver: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 };

describe('decideAfterFailure', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 5_000], // 8 000 capped at maxDelayMs
  ])('retries after delivery %i with a doubling delay of %i ms', (deliveryCount, delayMs) => {
    expect(decideAfterFailure(deliveryCount, policy)).toEqual({ action: 'retry', delayMs });
  });

  it('parks the message once it has been tried maxDeliver times', () => {
    expect(decideAfterFailure(5, policy)).toEqual({ action: 'park' });
    expect(decideAfterFailure(6, policy)).toEqual({ action: 'park' });
  });
});

describe('durableName', () => {
  it('names one consumer per service and subject, without the dots JetStream forbids', () => {
    expect(durableName('routing', 'guichet.application.submitted')).toBe(
      'routing--guichet_application_submitted',
    );
  });
});
