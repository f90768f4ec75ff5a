import type { NotificationChannel } from './notification-channel.js';

/**
 * In-app: the message row is the notification (`GET /api/notifications` reads it), so it is logged `delivered`
 * with its event. A resent message still goes through the worker, where sending only marks it delivered.
 */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app' as const;
  readonly deliveredWhenLogged = true;

  async send(): Promise<void> {
    // Stored already: nothing to carry.
  }
}
