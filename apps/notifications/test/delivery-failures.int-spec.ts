import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { bearer, eventsOnStream, eventually, query } from '#testing';
import { type NotificationsUnderTest, startNotifications, submitted } from './notifications.harness.js';

describe('notifications: SMTP failures, retries and resending', () => {
  let n: NotificationsUnderTest;

  beforeAll(async () => {
    n = await startNotifications('notifications_failures');
  });
  afterAll(() => n?.stop());

  async function fileFor(email: string) {
    const id = uuidv7();
    const event = await n.send(
      SUBJECTS.applicationSubmitted,
      id,
      submitted(id, { applicant: { subject: `citizen-${id}`, email } }),
    );
    const rows = await n.settled(event.id, 2);
    return { event, email: rows.find((row) => row.channel === 'email')! };
  }

  it('an SMTP 4xx is retried with growing delays, then delivered', async () => {
    let refusals = 0;
    n.smtp.answer((mail) =>
      mail.to.includes('busy@example.fr') && refusals++ < 2
        ? { code: 451, message: 'Try again later' }
        : undefined,
    );
    const { email } = await fileFor('busy@example.fr');
    expect(email).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(n.smtp.attempts.filter((a) => a.to.includes('busy@example.fr')).map((a) => a.code)).toEqual([
      451, 451, 250,
    ]);
    expect(n.smtp.mails.filter((mail) => mail.messageId === email.id)).toHaveLength(1);
  });

  it('an outcome that cannot be saved at once (database refusing) is saved later: the e-mail is not sent twice', async () => {
    // While the refusal stands, saving an e-mail as delivered fails, as it would with PostgreSQL restarting.
    await query(
      n.databaseUrl,
      `CREATE FUNCTION notifications.refuse_delivered() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'database restarting'; END $$;
       CREATE TRIGGER refuse_delivered BEFORE UPDATE ON notifications.messages FOR EACH ROW
       WHEN (NEW.status = 'delivered' AND NEW.channel = 'email') EXECUTE FUNCTION notifications.refuse_delivered()`,
    );
    const id = uuidv7();
    const event = await n.send(
      SUBJECTS.applicationSubmitted,
      id,
      submitted(id, { applicant: { subject: `citizen-${id}`, email: 'outage@example.fr' } }),
    );
    const sent = await eventually(async () => {
      const mail = n.smtp.mails.find((caught) => caught.to.includes('outage@example.fr'));
      expect(mail).toBeDefined();
      return mail!;
    });
    const pending = (await n.messages(event.id)).find((row) => row.channel === 'email');
    expect(pending?.status).toBe('sending');

    await query(n.databaseUrl, 'DROP TRIGGER refuse_delivered ON notifications.messages');
    const [saved] = (await n.settled(event.id, 2)).filter((row) => row.channel === 'email');
    expect(saved).toMatchObject({ id: sent.messageId, status: 'delivered', attempts: 1 });
    expect(n.smtp.mails.filter((mail) => mail.messageId === saved.id)).toHaveLength(1);
  });

  it('the in-app copy is delivered as it is logged, in the same statement, whatever becomes of the e-mail', async () => {
    n.smtp.answer((mail) =>
      mail.to.includes('slow@example.fr') ? { code: 451, message: 'Try again later' } : undefined,
    );
    const id = uuidv7();
    const event = await n.send(
      SUBJECTS.applicationSubmitted,
      id,
      submitted(id, { applicant: { subject: `citizen-${id}`, email: 'slow@example.fr' } }),
    );
    const rows = await eventually(async () => {
      const logged = await n.messages(event.id);
      expect(logged).toHaveLength(2);
      return logged;
    });
    expect(rows.find((row) => row.channel === 'in_app')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(rows.find((row) => row.channel === 'email')?.status).not.toBe('delivered');
  });

  it('files submitted and routed at the same moment: the citizen hears of each once, the team is kept', async () => {
    const files = Array.from({ length: 12 }, () => uuidv7());
    const events = await Promise.all(
      files.flatMap((id) => [
        n.send(
          SUBJECTS.applicationSubmitted,
          id,
          submitted(id, { applicant: { subject: `citizen-${id}`, email: `c-${id.slice(-8)}@example.fr` } }),
        ),
        n.send(SUBJECTS.applicationRouted, id, {
          applicationId: id,
          teamCode: 'apa-bessin',
          contact: { name: 'Pôle APA du Bessin' },
          reason: 'règle APA, Bayeux',
        }),
      ]),
    );
    for (const [index, id] of files.entries()) {
      for (const event of events.slice(2 * index, 2 * index + 2)) {
        const rows = await n.settled(event.id, 2);
        expect(rows.map((row) => `${row.channel} ${row.address ?? row.recipient_subject}`).sort()).toEqual([
          `email c-${id.slice(-8)}@example.fr`,
          `in_app citizen-${id}`,
        ]);
      }
    }
    const teams: { team_code: string }[] = await n.service.app
      .get(DataSource)
      .query('SELECT team_code FROM notifications.application_contacts WHERE application_id = ANY($1)', [
        files,
      ]);
    expect(teams.map((row) => row.team_code)).toEqual(files.map(() => 'apa-bessin'));
  });

  it('an SMTP 5xx is a permanent failure, never retried, announced as notification.failed', async () => {
    n.smtp.answer((mail) =>
      mail.to.includes('nobody@example.fr') ? { code: 550, message: 'No such user' } : undefined,
    );
    const { email } = await fileFor('nobody@example.fr');
    expect(email).toMatchObject({ status: 'permanent-failure', attempts: 1 });
    const failed = await eventually(async () => {
      const events = await eventsOnStream(n.nats.url, SUBJECTS.notificationFailed, 300);
      const found = events.find(
        (event) => (event.payload as { notificationId: string }).notificationId === email.id,
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(failed.payload).toMatchObject({ channel: 'email', attempts: 1 });
  });

  it('a 4xx that lasts becomes permanent at the configured limit (3 tries)', async () => {
    n.smtp.answer((mail) =>
      mail.to.includes('full@example.fr') ? { code: 452, message: 'Mailbox full' } : undefined,
    );
    const { email } = await fileFor('full@example.fr');
    expect(email).toMatchObject({ status: 'permanent-failure', attempts: 3 });
  });

  it('admin lists the failures and resends one: a new message, the first keeps its status', async () => {
    const admin = await bearer('admin');
    const list = await request(n.service.url)
      .get('/api/admin/notifications/messages')
      .set('Authorization', admin)
      .expect(200);
    const failed = list.body.items.find((item: { address: string }) => item.address === 'nobody@example.fr');
    expect(failed).toMatchObject({
      status: 'permanent-failure',
      lastError: expect.stringContaining('No such user'),
    });
    expect(list.body.items.every((item: { status: string }) => item.status.endsWith('failure'))).toBe(true);

    n.smtp.answer(() => undefined);
    const resent = await request(n.service.url)
      .post(`/api/admin/notifications/messages/${failed.id}/resend`)
      .set('Authorization', admin)
      .expect(201);
    expect(resent.body).toMatchObject({ resendOf: failed.id, status: expect.any(String) });
    await eventually(async () => {
      const again = await request(n.service.url)
        .get(`/api/admin/notifications/messages/${resent.body.id}`)
        .set('Authorization', admin);
      expect(again.body.status).toBe('delivered');
    });
    const first = await request(n.service.url)
      .get(`/api/admin/notifications/messages/${failed.id}`)
      .set('Authorization', admin);
    expect(first.body.status).toBe('permanent-failure');

    const delivered = await request(n.service.url)
      .post(`/api/admin/notifications/messages/${resent.body.id}/resend`)
      .set('Authorization', admin)
      .expect(409);
    expect(delivered.body.error.code).toBe('MESSAGE_NOT_FAILED');
    await request(n.service.url)
      .post(`/api/admin/notifications/messages/${uuidv7()}/resend`)
      .set('Authorization', admin)
      .expect(404);
    const bad = await request(n.service.url)
      .get('/api/admin/notifications/messages?status=lost')
      .set('Authorization', admin)
      .expect(400);
    expect(bad.body.error.details[0].field).toBe('status');
    await request(n.service.url)
      .get('/api/admin/notifications/messages')
      .set('Authorization', await bearer('agent'))
      .expect(403);
  });
});
