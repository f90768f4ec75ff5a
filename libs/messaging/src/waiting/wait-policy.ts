export interface WaitPolicy {
  /** Delay before the first redelivery of a waiting event; it doubles up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long an event may wait for its predecessor before it is parked as a dead letter. */
  maxWaitMs: number;
}

export type WaitDecision = { action: 'wait'; delayMs: number } | { action: 'park' };

/**
 * An event that arrived early (`waits` times so far, 1-based, for `waitedMs` since its first wait): redelivered
 * soon — its predecessor is usually a few milliseconds behind — then less often, and parked only past maxWaitMs.
 */
export function decideWhileWaiting(waits: number, waitedMs: number, policy: WaitPolicy): WaitDecision {
  if (waitedMs >= policy.maxWaitMs) return { action: 'park' };
  const delayMs = Math.min(policy.baseDelayMs * 2 ** Math.min(waits - 1, 30), policy.maxDelayMs);
  return { action: 'wait', delayMs };
}

/** Tries spent by failures: deliveries minus the ones that only waited (waiting never spends a try). */
export function failedTries(deliveryCount: number, waits: number): number {
  return Math.max(1, deliveryCount - waits);
}
