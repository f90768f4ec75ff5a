import { parentPort, workerData } from 'node:worker_threads';
import {
  type MailEnvelope,
  pooledSmtpTransport,
  sendThrough,
  type SmtpConnectionSettings,
  type SmtpErrorDetails,
  SmtpSendError,
} from './mail-transport.js';

/** A request from the service's thread: send this e-mail, or close the pool and end. */
export type SmtpThreadRequest = { kind: 'send'; id: number; mail: MailEnvelope } | { kind: 'close' };
/** `ready` once the thread runs, then the answer to each `send`: accepted, or the failure's details. */
export type SmtpThreadAnswer =
  | { ready: true }
  | { id: number; accepted: true }
  | { id: number; accepted: false; failure: SmtpErrorDetails };

/**
 * Entry point of an SMTP thread (`worker_threads`): it owns a pooled nodemailer transport and carries the SMTP
 * exchanges (composing MIME, encoding, socket writes) off the thread that handles events and the database.
 */
if (parentPort) {
  const port = parentPort;
  const transport = pooledSmtpTransport(workerData as SmtpConnectionSettings);
  port.postMessage({ ready: true } satisfies SmtpThreadAnswer);
  port.on('message', (request: SmtpThreadRequest) => {
    if (request.kind === 'close') {
      transport.close();
      port.close();
      return;
    }
    sendThrough(transport, request.mail).then(
      () => port.postMessage({ id: request.id, accepted: true } satisfies SmtpThreadAnswer),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          accepted: false,
          failure: error instanceof SmtpSendError ? error.details : { message: String(error).slice(0, 1000) },
        } satisfies SmtpThreadAnswer),
    );
  });
}
