import type { NotificationChannel } from './notification-channel.js';

/**
 * In-app: the message row is the notification (`GET /api/notifications` reads it), so sending only marks it
 * delivered. It goes through the same log and worker as e-mail, so both channels share one status model.
 */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app' as const;

  async send(): Promise<void> {
    // Stored already: nothing to carry.
  }
}
