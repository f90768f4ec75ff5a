import pg from 'pg';
import { createApiClients } from '#api-client';
import { createEvent, SUBJECTS } from '#domain';
import { bearer, eventually, publishEvent } from '#testing';
import { openSession, webRig } from './support/browser.js';
import { CitizenPages } from './support/citizen-pages.js';
import { apaFiledInCaen } from './support/files.js';

/**
 * The citizen's copy of their data (GDPR art. 15), read in Chromium and downloaded as JSON; and the retention of a
 * closed file across the services (GDPR art. 5-1-e) once intake announces that its time is over: routing deletes its
 * copy, checks anonymises the control and its audit entries (the chain still verifies), notifications deletes the
 * messages. Intake's own purge and its announcements are tested with a controllable clock in
 * apps/intake/test/retention.int-spec.ts; here the announcement is published as intake publishes it.
 */
describe('privacy: the right of access, and retention across the services', () => {
  const rig = webRig('privacy', { smtp: true });
  const { audit } = rig;

  const as = async (role: 'citizen' | 'agent' | 'auditor', sub: string, teams?: string[]) =>
    createApiClients({
      baseUrl: rig.platform.url,
      headers: { Authorization: await bearer(role, { sub, teams }) },
    });

  /** An APA file of the demo daughter, routed to Caen, read once by its team, under a targeted control. */
  async function fileUnderControl(): Promise<{ id: string; receiptNumber: string; checkId: string }> {
    const { id, receiptNumber } = await apaFiledInCaen(rig.platform.url);
    const agent = await as('agent', 'agent-cas-caen', ['CAS-CAEN']);
    await eventually(async () => {
      const read = await agent.intake.GET('/api/applications/{id}/content', {
        params: { path: { id }, query: { purpose: 'instruction' } },
      });
      expect(read.response.status).toBe(200);
    }, 30_000);
    const auditor = await as('auditor', 'demo-controleur');
    const opened = await auditor.checks.POST('/api/checks/cases', {
      body: { applicationId: id, reason: 'Contrôle ciblé : ressources déclarées par Mme Martin à vérifier' },
    });
    expect(opened.response.status).toBe(201);
    return { id, receiptNumber, checkId: opened.data?.checkId ?? '' };
  }

  it('shows a signed-in citizen everything held about their files, and gives it as JSON; the copy is logged', async () => {
    const { id, receiptNumber } = await fileUnderControl();
    const daughter = await as('citizen', 'demo-fille');
    // The control's opening reaches the file's timeline and the citizen's messages.
    await eventually(async () => {
      const messages = await daughter.notifications.GET('/api/notifications');
      expect(messages.data?.items.some((item) => item.applicationId === id)).toBe(true);
    }, 30_000);

    const { page, context } = await openSession(rig.browser, { width: 375 });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/mes-demarches`);
    await pages.signInAs('Claire Martin');
    await page.getByRole('link', { name: 'Voir ou télécharger toutes mes données personnelles' }).click();
    await audit.check(page);
    expect(await pages.heading()).toBe('Mes données personnelles');
    const text = await page.locator('main').innerText();
    expect(text).toContain(receiptNumber);
    expect(text).toMatch(/Vos réponses/);
    expect(text).toMatch(/Historique du dossier/);
    expect(text).toMatch(/Consultations de votre dossier par les services[\s\S]*CAS|Caen/);
    expect(text).toMatch(/Messages reçus/);

    const download = await page.request.get(`${rig.platform.url}/mes-donnees/copie.json`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    const copy = (await download.json()) as {
      person: { subject: string };
      files: { application: { id: string; data: object }; timeline: unknown[]; readings: string[] }[];
      notifications: { applicationId: string | null }[];
    };
    expect(copy.person.subject).toBe('demo-fille');
    const file = copy.files.find((candidate) => candidate.application.id === id);
    expect(file?.application.data).toMatchObject({ beneficiary: expect.any(Object) });
    expect(file?.timeline.length).toBeGreaterThan(0);
    expect(file?.readings.length).toBeGreaterThanOrEqual(1);
    expect(copy.notifications.some((message) => message.applicationId === id)).toBe(true);
    // Logged: that a copy was given, never what it holds.
    const logs = rig.platform.web?.stdout() ?? '';
    expect(logs).toMatch(/copie des données personnelles téléchargée/);
    expect(logs).not.toMatch(/Claire|Martin|demo\.calvados/);
    await context.close();
  });

  it('purges or anonymises each service’s copy when intake announces the time is over, once, the audit chain intact', async () => {
    const { id, checkId } = await fileUnderControl();
    const database = new pg.Client({ connectionString: rig.platform.databaseUrl });
    await database.connect();
    const rows = async (sql: string) => Number((await database.query(sql, [id])).rows[0].count);
    try {
      await eventually(async () => {
        expect(await rows('SELECT count(*) FROM routing.files WHERE id = $1')).toBe(1);
        expect(await rows('SELECT count(*) FROM checks.audit_log WHERE application_id = $1')).toBeGreaterThan(
          0,
        );
        // Every message about the file so far (the control's opening included) is written and sent.
        expect(
          await rows(
            `SELECT count(*) FROM notifications.messages WHERE application_id = $1 AND template = 'check.opened/citizen' AND channel = 'email' AND status = 'delivered'`,
          ),
        ).toBe(1);
        expect(
          await rows(
            `SELECT count(*) FROM notifications.messages WHERE application_id = $1 AND status NOT IN ('delivered', 'permanent-failure', 'technical-failure')`,
          ),
        ).toBe(0);
      }, 30_000);
      // What intake publishes for a file closed long ago; published twice, as a redelivery or a replayed run would.
      for (let time = 0; time < 2; time++) {
        const event = createEvent(
          SUBJECTS.applicationRetentionDue,
          id,
          {
            applicationId: id,
            categories: ['routingCopy', 'messages', 'controlCase'],
            lastActionAt: '2020-01-15T10:00:00.000Z',
          },
          { correlationId: `retention-${time}` },
        );
        await publishEvent(rig.platform.nats.url, event);
      }
      await eventually(async () => {
        expect(await rows('SELECT count(*) FROM routing.files WHERE id = $1')).toBe(0);
        expect(await rows('SELECT count(*) FROM notifications.messages WHERE application_id = $1')).toBe(0);
        expect(
          await rows('SELECT count(*) FROM notifications.application_contacts WHERE application_id = $1'),
        ).toBe(0);
        expect(
          await rows(
            `SELECT count(*) FROM checks.audit_log WHERE application_id = $1 AND details <> '{}'::jsonb`,
          ),
        ).toBe(0);
      }, 30_000);
      // The entries are still there, the chain holds, the case keeps its figures but no free text.
      expect(await rows('SELECT count(*) FROM checks.audit_log WHERE application_id = $1')).toBeGreaterThan(
        0,
      );
      const auditor = await as('auditor', 'demo-controleur');
      const verdict = await auditor.checks.GET('/api/checks/audit/verify');
      expect(verdict.data).toMatchObject({ intact: true });
      const checkCase = await auditor.checks.GET('/api/checks/cases/{id}', {
        params: { path: { id: checkId } },
      });
      expect(JSON.stringify(checkCase.data)).not.toContain('Mme Martin');
      // The back office no longer has the file; the citizen's messages about it are gone.
      const agent = await as('agent', 'agent-cas-caen', ['CAS-CAEN']);
      const copy = await agent.routing.GET('/api/back-office/applications/{id}', {
        params: { path: { id } },
      });
      expect(copy.response.status).toBe(404);
      const daughter = await as('citizen', 'demo-fille');
      const messages = await daughter.notifications.GET('/api/notifications', {
        params: { query: { pageSize: 500 } },
      });
      expect(messages.data?.items.filter((item) => item.applicationId === id)).toEqual([]);
    } finally {
      await database.end();
    }
  });

  it('wrote no name, e-mail address or birth date of the files above in any log', () => {
    const logs = [
      ...Object.values(rig.platform.services).map((service) => service.stdout()),
      rig.platform.web?.stdout() ?? '',
    ].join('\n');
    expect(logs.length).toBeGreaterThan(10_000);
    for (const personal of [
      'Jeanne',
      'Martin',
      'Lefèvre',
      '1941-03-14',
      'marie.dupont@example.fr',
      'Dupont',
    ]) {
      expect([personal, logs.includes(personal)]).toEqual([personal, false]);
    }
  });
});
