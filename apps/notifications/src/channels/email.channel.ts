import nodemailer, { type Transporter } from 'nodemailer';
import { classifySmtpError } from '../messages/delivery.rules.js';
import { DeliveryFailure, type NotificationChannel, type OutgoingMessage } from './notification-channel.js';

export interface EmailSettings {
  url: string;
  from: string;
  poolSize: number;
  /** Socket timeouts, below DELIVERY_STALE_SENDING_MS so that a live sender never looks dead. */
  timeoutMs: number;
}

/** E-mail over SMTP with nodemailer's pooled transport (connections kept open and reused across messages). */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    this.transport = nodemailer.createTransport({
      url: settings.url,
      pool: true,
      maxConnections: settings.poolSize,
      maxMessages: Infinity,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.address) throw new DeliveryFailure('technical', 'no e-mail address');
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: message.address,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${message.id}@guichet>`,
        headers: { 'X-Guichet-Message-Id': message.id },
      });
    } catch (error) {
      const details = error as { responseCode?: number; code?: string; message?: string };
      throw new DeliveryFailure(classifySmtpError(details), String(details.message ?? error).slice(0, 1000));
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
