/** z for a two-sided 99 % normal interval. */
const Z_99 = 2.576;

export interface RateCheck {
  /** The probability the policy gave these files (mean of their recorded probabilities). */
  expectedRate: number;
  /** Where the observed rate should fall 99 times in 100: expected ± 2.576 · √(p(1−p)/n), within [0, 1]. */
  interval99: { low: number; high: number };
  /** The observed selection rate lies in that interval. */
  withinInterval: boolean;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The selection rate observed over `drawn` files against the policy's probability: the binomial 99 % interval by
 * its normal approximation (what an auditor shows to prove the draw is not steered). Pure.
 */
export function rateCheck(selected: number, drawn: number, expectedRate: number): RateCheck {
  if (drawn === 0)
    return { expectedRate: round(expectedRate), interval99: { low: 0, high: 1 }, withinInterval: true };
  const halfWidth = Z_99 * Math.sqrt((expectedRate * (1 - expectedRate)) / drawn);
  const low = Math.max(0, expectedRate - halfWidth);
  const high = Math.min(1, expectedRate + halfWidth);
  const observed = selected / drawn;
  return {
    expectedRate: round(expectedRate),
    interval99: { low: round(low), high: round(high) },
    withinInterval: observed >= low - 1e-12 && observed <= high + 1e-12,
  };
}
