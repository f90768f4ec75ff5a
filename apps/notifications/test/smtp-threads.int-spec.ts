import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestSmtp, type TestSmtp } from '#testing';
import { EmailChannel } from '../src/channels/email.channel.js';
import { SmtpSendError } from '../src/channels/mail-transport.js';
import { DeliveryFailure } from '../src/channels/notification-channel.js';
import { connectionsOfThread, ThreadedMailTransport } from '../src/channels/threaded-mail-transport.js';

const settings = (url: string) => ({ url, poolSize: 3, timeoutMs: 10_000 });
const mail = (to: string) => ({
  from: 'Guichet <ne-pas-repondre@guichet.example.fr>',
  to,
  subject: 'Accusé de réception',
  text: 'Nous avons bien reçu votre demande.',
  messageId: `<${to}@guichet>`,
  headers: { 'X-Guichet-Message-Id': to },
});
const message = (id: string, address: string) => ({
  id,
  address,
  subject: 'Objet',
  text: 'Texte',
  html: null,
});

/** Why a channel's send failed: the DeliveryFailure's kind. */
async function failureKind(sending: Promise<void>): Promise<string> {
  const error: unknown = await sending.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof DeliveryFailure))
    throw new Error(`expected a DeliveryFailure, got ${String(error)}`);
  return error.kind;
}

describe('SMTP threads (real smtp-server, real worker threads)', () => {
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });

  afterAll(async () => {
    await smtp?.stop();
  });

  it('shares the pool’s connections between threads, at least one each', () => {
    expect([0, 1].map((index) => connectionsOfThread(5, 2, index))).toEqual([3, 2]);
    expect([0, 1, 2].map((index) => connectionsOfThread(2, 3, index))).toEqual([1, 1, 1]);
    expect(connectionsOfThread(5, 1, 0)).toBe(5);
  });

  it('sends each e-mail once through the threads, and brings back the server’s refusals with their codes', async () => {
    const transport = new ThreadedMailTransport(settings(smtp.url), 2);
    const channel = new EmailChannel(transport, 'Guichet <ne-pas-repondre@guichet.example.fr>');
    try {
      const addresses = Array.from({ length: 30 }, (_, index) => `personne-${index}@threads.example.fr`);
      await Promise.all(addresses.map((address) => transport.send(mail(address))));
      const received = smtp.mails
        .flatMap((caught) => caught.to)
        .filter((to) => to.endsWith('@threads.example.fr'));
      expect(received.sort()).toEqual([...addresses].sort());

      smtp.answer((caught) => {
        if (caught.to.includes('refuse@threads.example.fr')) return { code: 550, message: 'boîte inconnue' };
        if (caught.to.includes('plus-tard@threads.example.fr')) return { code: 451, message: 'réessayez' };
        return undefined;
      });
      const refused: unknown = await transport
        .send(mail('refuse@threads.example.fr'))
        .catch((error) => error);
      expect(refused).toBeInstanceOf(SmtpSendError);
      expect((refused as SmtpSendError).details).toMatchObject({ responseCode: 550 });
      expect(await failureKind(channel.send(message('m-1', 'refuse@threads.example.fr')))).toBe('permanent');
      expect(await failureKind(channel.send(message('m-2', 'plus-tard@threads.example.fr')))).toBe(
        'temporary',
      );
    } finally {
      smtp.answer(() => undefined);
      await channel.close();
    }
  });

  it('starts its threads with the first e-mail, and refuses e-mails once closed instead of losing them', async () => {
    const transport = new ThreadedMailTransport(settings(smtp.url), 2);
    await transport.send(mail('premier@threads.example.fr'));
    await transport.close();
    const refused: unknown = await transport
      .send(mail('trop-tard@threads.example.fr'))
      .catch((error) => error);
    expect(refused).toBeInstanceOf(SmtpSendError);
    expect((refused as SmtpSendError).details).toMatchObject({ code: 'ECLOSED' });
    expect(smtp.mails.flatMap((caught) => caught.to)).not.toContain('trop-tard@threads.example.fr');
    // Never used, never started: closing is immediate.
    await new ThreadedMailTransport(settings(smtp.url), 2).close();
  });

  it('fails the e-mails of a thread that dies as technical failures, and goes on with a new thread', async () => {
    // A stand-in thread that ends abruptly on a given address and accepts the others.
    const script = join(mkdtempSync(join(tmpdir(), 'guichet-smtp-thread-')), 'dying-thread.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
       parentPort.postMessage({ ready: true });
       parentPort.on('message', (request) => {
         if (request.kind === 'close') return parentPort.close();
         if (request.mail.to.startsWith('meurt')) process.exit(3);
         parentPort.postMessage({ id: request.id, accepted: true });
       });`,
    );
    const transport = new ThreadedMailTransport(settings(smtp.url), 1, pathToFileURL(script));
    const channel = new EmailChannel(transport, 'Guichet <ne-pas-repondre@guichet.example.fr>');
    try {
      const dying: unknown = await transport.send(mail('meurt@threads.example.fr')).catch((error) => error);
      expect(dying).toBeInstanceOf(SmtpSendError);
      expect((dying as SmtpSendError).details).toMatchObject({ code: 'ETHREAD' });
      expect(await failureKind(channel.send(message('m-3', 'meurt@threads.example.fr')))).toBe('technical');
      await expect(transport.send(mail('vivant@threads.example.fr'))).resolves.toBeUndefined();
    } finally {
      await channel.close();
    }
  });

  it('a thread that cannot start fails its e-mails at once, is not restarted in a loop, and the next e-mail tries again', async () => {
    // A stand-in thread that notes each start, then fails before it is ready (as a missing module would).
    const folder = mkdtempSync(join(tmpdir(), 'guichet-smtp-thread-'));
    const starts = join(folder, 'starts.log');
    const script = join(folder, 'failing-thread.mjs');
    writeFileSync(
      script,
      `import { appendFileSync } from 'node:fs';
       appendFileSync(${JSON.stringify(starts)}, 'start\\n');
       throw new Error('cannot start');`,
    );
    const startCount = () =>
      existsSync(starts) ? readFileSync(starts, 'utf8').split('\n').filter(Boolean).length : 0;
    const transport = new ThreadedMailTransport(settings(smtp.url), 1, pathToFileURL(script));
    for (const [index, to] of ['un@threads.example.fr', 'deux@threads.example.fr'].entries()) {
      const failed: unknown = await transport.send(mail(to)).catch((error) => error);
      expect(failed).toBeInstanceOf(SmtpSendError);
      expect((failed as SmtpSendError).details).toMatchObject({ code: 'ETHREAD' });
      await new Promise((done) => setTimeout(done, 300));
      expect(startCount()).toBe(index + 1);
    }
    await transport.close();
  });
});
