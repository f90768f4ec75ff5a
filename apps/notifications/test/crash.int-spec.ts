import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, SUBJECTS } from '#domain';
import {
  bearer,
  createTestDatabase,
  eventually,
  publishEvent,
  spawnServiceProcess,
  startTestNats,
  startTestSmtp,
  type TestNats,
  type TestSmtp,
} from '#testing';
import { submitted } from './notifications.harness.js';

/**
 * A process killed while sending. The message is claimed (`sending`, committed) before the SMTP exchange, so a kill
 * before the server accepts it costs nothing: the next process sends it once. A kill between the server's acceptance
 * and the saved status cannot be told from a kill before it: the message is sent again — at most one duplicate.
 */
describe('notifications: a process killed while sending', () => {
  let nats: TestNats;
  let smtp: TestSmtp;
  let environment: Record<string, string>;

  beforeAll(async () => {
    nats = await startTestNats();
    smtp = await startTestSmtp();
    environment = {
      DATABASE_URL: await createTestDatabase('notifications_crash'),
      NATS_URL: nats.url,
      SMTP_URL: smtp.url,
      DELIVERY_POLL_MS: '50',
      DELIVERY_STALE_SENDING_MS: '1000',
      EVENT_ACK_WAIT_MS: '2000',
    };
  });
  afterAll(async () => {
    await smtp?.stop();
    await nats?.stop();
  });

  async function killedAt(
    fault: 'after-claim' | 'after-accepted' | 'after-saved',
    variables: Record<string, string> = {},
  ): Promise<number> {
    const first = await spawnServiceProcess('apps/notifications/src/main.js', {
      ...environment,
      ...variables,
      DELIVERY_FAULT: fault,
    });
    const id = uuidv7();
    const email = `${fault}@example.fr`;
    await publishEvent(
      nats.url,
      createEvent(
        SUBJECTS.applicationSubmitted,
        id,
        submitted(id, { applicant: { subject: `c-${id}`, email } }),
        {
          correlationId: `crash-${fault}`,
        },
      ),
    );
    expect(await first.exited).toBeNull(); // killed by SIGKILL at the fault point
    const second = await spawnServiceProcess('apps/notifications/src/main.js', {
      ...environment,
      ...variables,
    });
    try {
      const admin = await bearer('admin');
      const message = await eventually(async () => {
        const answer = await request(second.url)
          .get(`/api/admin/notifications/messages?status=delivered&applicationId=${id}`)
          .set('Authorization', admin)
          .expect(200);
        const row = answer.body.items.find((item: { channel: string }) => item.channel === 'email');
        expect(row).toBeDefined();
        return row as { id: string };
      }, 45_000);
      await new Promise((done) => setTimeout(done, 500)); // a late duplicate would show by now
      return smtp.mails.filter((mail) => mail.messageId === message.id).length;
    } finally {
      await second.stop();
    }
  }

  it('killed after the claim, before SMTP: sent once by the next process', async () => {
    expect(await killedAt('after-claim')).toBe(1);
  }, 60_000);

  it('killed after the claim, the stale delay far away: sent once the dead worker’s heartbeat has lapsed', async () => {
    // 10 minutes of DELIVERY_STALE_SENDING_MS: only the dead worker's silent heartbeat (15 s) can free the message.
    expect(await killedAt('after-claim', { DELIVERY_STALE_SENDING_MS: '600000' })).toBe(1);
  }, 90_000);

  it('killed between the SMTP acceptance and the saved status: at most one duplicate', async () => {
    const copies = await killedAt('after-accepted');
    expect(copies).toBeGreaterThanOrEqual(1);
    expect(copies).toBeLessThanOrEqual(2);
  }, 60_000);

  it('killed after the saved status: never sent again', async () => {
    expect(await killedAt('after-saved')).toBe(1);
  }, 60_000);
});
