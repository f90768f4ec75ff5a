/**
 * What time it is, as a port: jobs and rules that depend on the date read it here, so that tests can move time
 * (the silence rule two months later, a warning 15 days before a deadline) without waiting for it. The platform
 * provides the system clock; a module or a test overrides the `Clock` provider with another one.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's clock: the default everywhere. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to: for tests and demonstrations. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }
}
