import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type MailEnvelope,
  type MailTransport,
  type SmtpConnectionSettings,
  SmtpSendError,
} from './mail-transport.js';
import type { SmtpThreadAnswer, SmtpThreadRequest } from './smtp-thread.js';

interface Waiting {
  resolve: () => void;
  reject: (error: SmtpSendError) => void;
}

interface SmtpThread {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/** Time a closing thread gets to end its SMTP sessions before it is stopped. */
const CLOSE_GRACE_MS = 5_000;

/**
 * The compiled entry of an SMTP thread. From the TypeScript sources (Jest), a thread cannot load `.ts` on Node 20:
 * it runs the compiled file under `dist/`, which `npm test` builds before Jest starts.
 */
export function smtpThreadEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./smtp-thread.js', here);
  const source = relative(process.cwd(), fileURLToPath(new URL('./smtp-thread.ts', here)));
  return pathToFileURL(resolve(process.cwd(), 'dist', source.replace(/\.ts$/, '.js')));
}

/** How many of the pool's connections thread `index` of `threads` keeps (at least one each). */
export function connectionsOfThread(poolSize: number, threads: number, index: number): number {
  return Math.max(1, Math.floor(poolSize / threads) + (index < poolSize % threads ? 1 : 0));
}

/**
 * SMTP exchanges in worker threads (`SMTP_THREADS`), each with its share of the connection pool: composing and
 * writing e-mails no longer competes with the event handlers and the database work of the service's thread. An
 * e-mail goes to the thread with the fewest in flight. A thread that dies fails its e-mails in flight as technical
 * failures (the server may have accepted some: an admin resend may then duplicate one) and is replaced; one that
 * could not even start (its file missing) is not restarted in a loop: the next e-mail tries again.
 */
export class ThreadedMailTransport implements MailTransport {
  /** Started with the first e-mail: a process whose delivery worker is off never starts them. */
  private threads: SmtpThread[] = [];
  private nextId = 0;
  private closing = false;

  /** `entry` is the thread's script: the SMTP thread, or a stand-in in tests. */
  constructor(
    private readonly settings: SmtpConnectionSettings,
    private readonly count: number,
    private readonly entry: URL = smtpThreadEntry(),
  ) {}

  send(mail: MailEnvelope): Promise<void> {
    if (this.closing) {
      return Promise.reject(
        new SmtpSendError({ code: 'ECLOSED', message: 'envoi SMTP fermé (arrêt du service)' }),
      );
    }
    if (this.threads.length === 0) {
      this.threads = Array.from({ length: this.count }, (_, index) => this.start(index));
    }
    const thread = this.threads.reduce((least, candidate) =>
      candidate.waiting.size < least.waiting.size ? candidate : least,
    );
    const id = ++this.nextId;
    return new Promise<void>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ kind: 'send', id, mail } satisfies SmtpThreadRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.threads.map(async ({ worker }) => {
        const exited = new Promise<void>((done) => worker.once('exit', () => done()));
        worker.postMessage({ kind: 'close' } satisfies SmtpThreadRequest);
        const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private start(index: number): SmtpThread {
    const worker = new Worker(this.entry, {
      workerData: {
        ...this.settings,
        poolSize: connectionsOfThread(this.settings.poolSize, this.count, index),
      } satisfies SmtpConnectionSettings,
    });
    const thread: SmtpThread = { worker, waiting: new Map() };
    let started = false;
    worker.on('message', (answer: SmtpThreadAnswer) => {
      if ('ready' in answer) {
        started = true;
        return;
      }
      const waiting = thread.waiting.get(answer.id);
      if (!waiting) return;
      thread.waiting.delete(answer.id);
      if (answer.accepted) waiting.resolve();
      else waiting.reject(new SmtpSendError(answer.failure));
    });
    let failure = 'fin inattendue';
    worker.on('error', (error) => {
      failure = error.message;
    });
    worker.once('exit', (code) => {
      const lost = new SmtpSendError({
        code: 'ETHREAD',
        message: `fil d’envoi SMTP arrêté pendant l’envoi (${failure}, code ${code})`,
      });
      for (const waiting of thread.waiting.values()) waiting.reject(lost);
      thread.waiting.clear();
      const position = this.threads.indexOf(thread);
      if (this.closing || position < 0) return;
      if (started) this.threads[position] = this.start(index);
      else this.threads.splice(position, 1);
    });
    return thread;
  }
}
