/**
 * The delivery log's rules, pure (after GOV.UK Notify's statuses). A message moves one way:
 *
 *   created → sending → delivered | temporary-failure | permanent-failure | technical-failure
 *   temporary-failure → sending (the next try, after a growing delay), until the limit: then permanent-failure
 *
 * delivered, permanent-failure and technical-failure are final: an admin's "resend" makes a new message (a copy
 * pointing at the first), it never moves a final status back.
 */
export const MESSAGE_STATUSES = [
  'created',
  'sending',
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const FAILURE_STATUSES: readonly MessageStatus[] = ['permanent-failure', 'technical-failure'];

const NEXT: Record<MessageStatus, readonly MessageStatus[]> = {
  created: ['sending'],
  sending: ['delivered', 'temporary-failure', 'permanent-failure', 'technical-failure'],
  'temporary-failure': ['sending'],
  delivered: [],
  'permanent-failure': [],
  'technical-failure': [],
};

export function canMove(from: MessageStatus, to: MessageStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: MessageStatus): boolean {
  return NEXT[status].length === 0;
}

/** How a channel says a try went. */
export type DeliveryFailureKind = 'temporary' | 'permanent' | 'technical';

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

/** Delay before try `attempt + 1` after `attempt` tries: base, 2×base, 4×base… capped at max. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, attempt - 1), policy.maxMs);
}

/** The status after a failed try number `attempt`: a temporary failure past the limit becomes permanent. */
export function statusAfterFailure(
  kind: DeliveryFailureKind,
  attempt: number,
  policy: RetryPolicy,
): MessageStatus {
  if (kind === 'permanent') return 'permanent-failure';
  if (kind === 'technical') return 'technical-failure';
  return attempt >= policy.maxAttempts ? 'permanent-failure' : 'temporary-failure';
}

/**
 * An SMTP error's kind (RFC 5321 §4.2.1): a 4yz reply is transient (try again later), a 5yz reply permanent. No reply
 * at all (connection refused, timeout, dropped) is temporary too: the server may come back. Anything else is ours.
 */
export function classifySmtpError(error: { responseCode?: number; code?: string }): DeliveryFailureKind {
  const reply = error.responseCode;
  if (typeof reply === 'number' && reply >= 400 && reply < 500) return 'temporary';
  if (typeof reply === 'number' && reply >= 500 && reply < 600) return 'permanent';
  const network = [
    'ECONNECTION',
    'ETIMEDOUT',
    'ESOCKET',
    'ECONNREFUSED',
    'ECONNRESET',
    'EDNS',
    'ETLS',
    'EPROTOCOL',
  ];
  if (error.code && network.includes(error.code)) return 'temporary';
  return 'technical';
}
