import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  subject: string;
  /** The `X-Guichet-Message-Id` header: the delivery log's message id. */
  messageId: string | undefined;
  /** When the server accepted it (ms since the epoch). */
  receivedAt: number;
  raw: string;
}

/** An answer the test server gives to a message instead of accepting it: an SMTP reply code and its text. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

export interface TestSmtp {
  url: string;
  /** Every message accepted so far. */
  mails: CaughtMail[];
  /** Every message that reached DATA, accepted or refused (with the code answered). */
  attempts: { to: string[]; code: number }[];
  /** Decides each message's answer: a refusal, or undefined to accept (250). */
  answer(policy: (mail: Omit<CaughtMail, 'raw' | 'receivedAt'>) => SmtpRefusal | undefined): void;
  stop(): Promise<void>;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) on a free loopback port, without TLS or
 * authentication, that keeps what it accepts and can answer 4xx/5xx as a test decides.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: CaughtMail[] = [];
  const attempts: { to: string[]; code: number }[] = [];
  let policy: (mail: Omit<CaughtMail, 'raw' | 'receivedAt'>) => SmtpRefusal | undefined = () => undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = raw.split(/\r?\n\r?\n/, 1)[0];
        const mail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? '',
          messageId: /^X-Guichet-Message-Id: (.*)$/im.exec(headers)?.[1]?.trim(),
        };
        const refusal = policy(mail);
        attempts.push({ to: mail.to, code: refusal?.code ?? 250 });
        if (refusal) {
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        mails.push({ ...mail, receivedAt: Date.now(), raw });
        callback();
      });
    },
  });
  // A client that dies mid-conversation (a killed notifications replica) resets its connection: not the server's end.
  server.on('error', () => undefined);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    attempts,
    answer(next) {
      policy = next;
    },
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
