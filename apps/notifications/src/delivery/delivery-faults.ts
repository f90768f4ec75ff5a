import { Logger } from '@nestjs/common';

export type FaultPoint = 'after-claim' | 'after-accepted' | 'after-saved';

/**
 * A fault-injection point for the crash tests: with `DELIVERY_FAULT=<point>` (honoured only when NODE_ENV=test),
 * the process kills itself with SIGKILL the first time the sender reaches that point (for an e-mail) — after a message is claimed,
 * after the SMTP server accepted it, or after its status was saved.
 */
export class DeliveryFaults {
  constructor(private readonly point: FaultPoint | undefined) {}

  reached(point: FaultPoint, channel?: string): void {
    if (this.point !== point || (channel !== undefined && channel !== 'email')) return;
    new Logger(DeliveryFaults.name).error(`Fault injection: killing the process ${point}`);
    process.kill(process.pid, 'SIGKILL');
  }
}
