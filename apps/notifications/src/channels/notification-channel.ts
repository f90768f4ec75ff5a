import type { DeliveryFailureKind } from '../messages/delivery.rules.js';

/** The channels a message may go through. SMS would be one more name and one more class. */
export type ChannelName = 'email' | 'in_app';

/** What a channel needs to send one message (its content was rendered when the message was created). */
export interface OutgoingMessage {
  id: string;
  address: string | null;
  subject: string;
  text: string;
  html: string | null;
}

/** A failed try, with its kind: temporary (retried), permanent (never), technical (ours: an admin resends). */
export class DeliveryFailure extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/**
 * A channel is a port: the delivery worker hands it a message and gets back nothing (delivered) or a
 * `DeliveryFailure`. Adding SMS = a class implementing this, registered under `NOTIFICATION_CHANNELS`, and the
 * recipients' rules naming it; nothing else changes.
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  /**
   * True when logging the message is delivering it (in-app: the row is what the person reads). Such messages are
   * logged `delivered` with their event, without a pass through the delivery worker.
   */
  readonly deliveredWhenLogged: boolean;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/** The names of the channels whose messages are delivered as they are logged. */
export function channelsDeliveredWhenLogged(channels: NotificationChannel[]): ChannelName[] {
  return channels.filter((channel) => channel.deliveredWhenLogged).map((channel) => channel.name);
}
