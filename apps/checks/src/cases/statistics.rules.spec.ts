import { rateCheck } from './statistics.rules.js';

describe('a selection rate against the policy’s probability (binomial 99 % interval)', () => {
  it('puts 52 selections in 1 000 files drawn at 5 % inside 5 % ± 2.576·√(0.05·0.95/1 000) = [3.22 %, 6.78 %]', () => {
    expect(rateCheck(52, 1_000, 0.05)).toEqual({
      expectedRate: 0.05,
      interval99: { low: 0.0322, high: 0.0678 },
      withinInterval: true,
    });
  });

  it('flags 90 selections in 1 000 at 5 %: a steered draw, or a policy not the one recorded', () => {
    expect(rateCheck(90, 1_000, 0.05).withinInterval).toBe(false);
  });

  it('keeps the interval within [0, 1] and says nothing of an empty period', () => {
    expect(rateCheck(1, 1, 1).interval99).toEqual({ low: 1, high: 1 });
    expect(rateCheck(0, 0, 0.05)).toEqual({
      expectedRate: 0.05,
      interval99: { low: 0, high: 1 },
      withinInterval: true,
    });
  });
});
