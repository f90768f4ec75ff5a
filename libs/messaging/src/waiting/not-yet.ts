/**
 * What a handler throws when its event arrived before the one it depends on (another subject, so another consumer:
 * JetStream orders events per consumer only) — e.g. `application.routed` before `application.submitted`.
 * The transport keeps the event waiting: redelivered with a short delay, without spending its tries, until
 * EVENT_WAIT_MAX_MS has passed; only then is it a dead letter. `awaited` names what it waits for (logged).
 */
export class NotYet extends Error {
  override readonly name = 'NotYet';

  constructor(readonly awaited: string) {
    super(`not yet: waiting for ${awaited}`);
  }
}

/** Recognises a NotYet even when it crossed a module boundary (another copy of this class). */
export function isNotYet(error: unknown): error is NotYet {
  return (
    error instanceof NotYet ||
    (error instanceof Error &&
      error.name === 'NotYet' &&
      typeof (error as { awaited?: unknown }).awaited === 'string')
  );
}
