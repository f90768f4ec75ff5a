import {
  canMove,
  classifySmtpError,
  isFinal,
  MESSAGE_STATUSES,
  retryDelayMs,
  statusAfterFailure,
} from './delivery.rules.js';

const policy = { maxAttempts: 4, baseMs: 1_000, maxMs: 5_000 };

describe('delivery rules (GOV.UK Notify statuses)', () => {
  it('statuses only move forward: nothing goes back to created, final statuses stay final', () => {
    for (const status of MESSAGE_STATUSES) expect(canMove(status, 'created')).toBe(false);
    for (const status of ['delivered', 'permanent-failure', 'technical-failure'] as const) {
      expect(isFinal(status)).toBe(true);
      for (const other of MESSAGE_STATUSES) expect(canMove(status, other)).toBe(false);
    }
    expect(canMove('created', 'delivered')).toBe(false); // always through sending (claimed before SMTP)
    expect(canMove('temporary-failure', 'sending')).toBe(true);
  });

  it('retries wait 1 s, 2 s, 4 s, then the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });

  it('a temporary failure is retried up to the limit, then permanent; 5xx and our own errors are never retried', () => {
    expect(statusAfterFailure('temporary', 3, policy)).toBe('temporary-failure');
    expect(statusAfterFailure('temporary', 4, policy)).toBe('permanent-failure');
    expect(statusAfterFailure('permanent', 1, policy)).toBe('permanent-failure');
    expect(statusAfterFailure('technical', 1, policy)).toBe('technical-failure');
  });

  it('SMTP replies (RFC 5321 §4.2.1): 4yz transient, 5yz permanent, no reply transient, the rest technical', () => {
    expect(classifySmtpError({ responseCode: 451 })).toBe('temporary');
    expect(classifySmtpError({ responseCode: 550 })).toBe('permanent');
    expect(classifySmtpError({ code: 'ECONNECTION' })).toBe('temporary');
    expect(classifySmtpError({ code: 'EENVELOPE' })).toBe('technical');
    expect(classifySmtpError({})).toBe('technical');
  });
});
