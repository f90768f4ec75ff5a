import nodemailer, { type Transporter } from 'nodemailer';

/** One e-mail as nodemailer takes it (plain data: it may cross to an SMTP thread). */
export interface MailEnvelope {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What a failed SMTP exchange tells: the server's reply code, nodemailer's error code, its text. */
export interface SmtpErrorDetails {
  responseCode?: number;
  code?: string;
  message: string;
}

/** A refused or failed exchange, carrying its details (classified by the e-mail channel). */
export class SmtpSendError extends Error {
  constructor(readonly details: SmtpErrorDetails) {
    super(details.message);
    this.name = 'SmtpSendError';
  }
}

export interface SmtpConnectionSettings {
  url: string;
  /** Connections kept open and reused across messages. */
  poolSize: number;
  /** Socket timeouts. */
  timeoutMs: number;
}

/** Hands e-mails to the SMTP server: resolves once the server accepted one, rejects with a `SmtpSendError`. */
export interface MailTransport {
  send(mail: MailEnvelope): Promise<void>;
  close(): Promise<void>;
}

/** nodemailer's pooled SMTP transport, as both the in-process transport and each SMTP thread use it. */
export function pooledSmtpTransport(settings: SmtpConnectionSettings): Transporter {
  return nodemailer.createTransport({
    url: settings.url,
    pool: true,
    maxConnections: settings.poolSize,
    maxMessages: Infinity,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
}

/** Sends through `transport`, turning any failure into a `SmtpSendError` with plain, copyable details. */
export async function sendThrough(transport: Transporter, mail: MailEnvelope): Promise<void> {
  try {
    await transport.sendMail(mail);
  } catch (error) {
    const details = error as { responseCode?: unknown; code?: unknown; message?: unknown };
    throw new SmtpSendError({
      ...(typeof details.responseCode === 'number' ? { responseCode: details.responseCode } : {}),
      ...(typeof details.code === 'string' ? { code: details.code } : {}),
      message: String(details.message ?? error).slice(0, 1000),
    });
  }
}

/** The SMTP exchange in the service's own thread. */
export class InProcessMailTransport implements MailTransport {
  private readonly transport: Transporter;

  constructor(settings: SmtpConnectionSettings) {
    this.transport = pooledSmtpTransport(settings);
  }

  send(mail: MailEnvelope): Promise<void> {
    return sendThrough(this.transport, mail);
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
