import { classifySmtpError } from '../messages/delivery.rules.js';
import { type MailTransport, SmtpSendError } from './mail-transport.js';
import { DeliveryFailure, type NotificationChannel, type OutgoingMessage } from './notification-channel.js';

/**
 * E-mail over SMTP: nodemailer's pooled transport (connections kept open and reused across messages), in the
 * service's thread or in SMTP threads (`SMTP_THREADS`). A refusal is classified by its reply: 4xx temporary,
 * 5xx permanent.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  readonly deliveredWhenLogged = false;

  constructor(
    private readonly transport: MailTransport,
    private readonly from: string,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.address) throw new DeliveryFailure('technical', 'no e-mail address');
    try {
      await this.transport.send({
        from: this.from,
        to: message.address,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${message.id}@guichet>`,
        headers: { 'X-Guichet-Message-Id': message.id },
      });
    } catch (error) {
      const details =
        error instanceof SmtpSendError ? error.details : { message: String(error).slice(0, 1000) };
      throw new DeliveryFailure(classifySmtpError(details), details.message);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
