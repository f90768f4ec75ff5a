export interface RetryPolicy {
  maxDeliver: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'park' };

/**
 * After a failed delivery (1-based count): retry later with a doubling delay, or park the message as a dead
 * letter once it has been tried `maxDeliver` times.
 */
export function decideAfterFailure(deliveryCount: number, policy: RetryPolicy): FailureDecision {
  if (deliveryCount >= policy.maxDeliver) return { action: 'park' };
  const delayMs = Math.min(policy.baseDelayMs * 2 ** (deliveryCount - 1), policy.maxDelayMs);
  return { action: 'retry', delayMs };
}

/** Durable consumer name of a (service, subject) handler; JetStream forbids dots in names. */
export function durableName(service: string, subject: string): string {
  return `${service}--${subject.replace(/[.*>]/g, '_')}`;
}
