import { createApiClients } from '#api-client';
import { parisDate } from '#domain';
import { bearer, eventually } from '#testing';
import { PDF } from '../apps/intake/test/evidence.fixture.js';
import { openSession, webRig } from './support/browser.js';
import { apaFiledInCaen } from './support/files.js';
import { CitizenPages } from './support/citizen-pages.js';

/**
 * The auditors' pages in a real Chromium: a granted APA file controlled on purpose, the proof of its draw explained,
 * evidence asked (an empty form refused next to its fields), the citizen's PDF downloaded, a conclusion proposed,
 * an overpayment concluded with its recovery plan; the statistics with their SVG charts, tables and CSV export.
 */
describe('web for auditors: queue, case and its proof, evidence, conclusion, statistics', () => {
  const rig = webRig('web-auditors');
  const { audit } = rig;

  const clients = async (role: 'citizen' | 'agent' | 'auditor', sub: string, teams?: string[]) =>
    createApiClients({
      baseUrl: rig.platform.url,
      headers: { Authorization: await bearer(role, { sub, teams }) },
    });

  /** The demo daughter's APA request for her mother in Caen, granted by the Caen office through the API. */
  async function grantedApa(): Promise<string> {
    const daughter = await clients('citizen', 'demo-fille');
    const { id } = await apaFiledInCaen(rig.platform.url);
    const path = { params: { path: { id } } };
    const agent = await clients('agent', 'agent-cas-caen', ['CAS-CAEN']);
    await eventually(async () => {
      expect(
        (await agent.routing.POST('/api/back-office/applications/{id}/claim', path)).response.status,
      ).toBe(200);
    }, 30_000);
    await agent.routing.POST('/api/back-office/applications/{id}/evaluation', {
      ...path,
      body: { evaluatedOn: parisDate(new Date()), gir: 3 },
    });
    await agent.routing.POST('/api/back-office/applications/{id}/care-plan', {
      ...path,
      body: { planCents: 90_000 },
    });
    await eventually(async () => {
      const file = await daughter.intake.GET('/api/applications/{id}', path);
      expect(file.data?.handling.carePlan?.status).toBe('proposed');
    }, 30_000);
    await daughter.intake.POST('/api/applications/{id}/care-plan/answer', {
      ...path,
      body: { accept: true },
    });
    await eventually(async () => {
      const decided = await agent.routing.POST('/api/back-office/applications/{id}/decide', {
        ...path,
        body: { outcome: 'granted' },
      });
      expect(decided.response.status).toBe(200);
    }, 30_000);
    return id;
  }

  it('controls a granted file from the browser, from the proof of its draw to an overpayment and its recovery plan', async () => {
    const id = await grantedApa();
    const { page, context, consoleErrors } = await openSession(rig.browser, { width: 1024 });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs('Nathalie Roux', 'agent');
    // The draw is recorded when checks learns of the grant: wait for it before opening a targeted control.
    const auditorApi = await clients('auditor', 'demo-controleur');
    await eventually(async () => {
      const proof = await auditorApi.checks.GET('/api/checks/selection/{applicationId}', {
        params: { path: { applicationId: id } },
      });
      expect(proof.response.status).toBe(200);
    }, 30_000);

    await pages.visit(`${rig.platform.url}/controles/cible`);
    await pages.fill('Identifiant du dossier', id);
    await pages.fill(
      'Motif du contrôle (consigné au journal d’audit)',
      'Signalement : ressources déclarées à vérifier.',
    );
    await pages.press('Ouvrir le contrôle');
    expect(await pages.heading()).toMatch(/^Contrôle a posteriori/);
    const proof = await page.locator('ol.govuk-list--number').innerText();
    expect(proof).toMatch(/Politique de contrôle APA, version \d+/);
    expect(proof).toMatch(/Tirage : 0,\d{6}/);
    expect(proof).toContain('résultat identique');

    await pages.press('Demander les pièces');
    expect(await pages.errorSummary()).toHaveLength(2);
    await pages.fill('Pièces demandées (une par ligne)', 'Dernier avis d’imposition\nRelevé de pension');
    await pages.fill('Message au demandeur', 'Merci de transmettre ces pièces.');
    const due = parisDate(new Date(Date.now() + 20 * 86_400_000)).split('-');
    await pages.date(
      'À transmettre avant le (facultatif)',
      String(Number(due[2])),
      String(Number(due[1])),
      due[0],
    );
    await pages.press('Demander les pièces');
    expect(await page.getByText('Les pièces sont demandées au demandeur.').count()).toBe(1);
    expect(await page.getByText(`À transmettre avant le ${Number(due[2])} `, { exact: false }).count()).toBe(
      1,
    );
    const caseUrl = new URL(page.url()).pathname;

    // The citizen sends a PDF (her page is tested elsewhere); the auditor downloads it.
    const daughter = await clients('citizen', 'demo-fille');
    await eventually(async () => {
      const file = await daughter.intake.GET('/api/applications/{id}', { params: { path: { id } } });
      expect(file.data?.handling.check?.status).toBe('evidence_requested');
    }, 30_000);
    const upload = new FormData();
    upload.append(
      'file',
      new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }),
      'avis-imposition.pdf',
    );
    const sent = await fetch(`${rig.platform.url}/api/applications/${id}/evidence`, {
      method: 'POST',
      headers: { Authorization: await bearer('citizen', { sub: 'demo-fille' }) },
      body: upload,
    });
    expect(sent.status).toBe(201);
    await eventually(
      async () => {
        await pages.visit(`${rig.platform.url}${caseUrl}`);
        expect(await page.getByRole('link', { name: 'avis-imposition.pdf' }).count()).toBe(1);
      },
      30_000,
      500,
    );
    const href = (await page.getByRole('link', { name: 'avis-imposition.pdf' }).getAttribute('href')) ?? '';
    const download = await page.request.get(`${rig.platform.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('group', { name: 'Conclusion envisagée' }).getByLabel('Indu à récupérer').check();
    await page.locator('#proposition-reason').fill('Une pension de réversion n’a pas été déclarée.');
    await page.locator('#proposition-overpaymentCents').fill('900');
    await pages.press('Envoyer la proposition');
    expect(await page.getByText(/La conclusion envisagée est envoyée/).count()).toBe(1);

    const conclusion = page.getByRole('group', { name: 'Conclusion', exact: true });
    await conclusion.getByLabel('Indu à récupérer').check();
    await page
      .locator('#conclusion-reason')
      .fill('Pension de réversion non déclarée : indu de 900 € sur trois mois.');
    await page.locator('#conclusion-overpaymentCents').fill('900');
    await page.locator('#conclusion-monthlyPaymentCents').fill('771,55');
    const paid = parisDate(new Date()).split('-');
    await pages.date(
      'Date du dernier versement concerné',
      String(Number(paid[2])),
      String(Number(paid[1])),
      paid[0],
    );
    await pages.press('Conclure le contrôle');
    // Previewed as the citizen will receive it, with the recovery plan, before it is recorded.
    expect(await pages.heading()).toBe('Vérifiez la conclusion avant de la notifier');
    const previewed = await page
      .locator('.govuk-summary-card', { hasText: 'Plan de récupération' })
      .innerText();
    expect(previewed).toMatch(/Retenue maximale par versement \(20 %\)\s+154,31/);
    await pages.press('Confirmer et notifier la conclusion');
    expect(await page.getByText(/Le contrôle est conclu/).count()).toBe(1);
    const plan = await page.locator('.govuk-summary-card', { hasText: 'Plan de récupération' }).innerText();
    expect(plan).toMatch(/Indu\s+900,00/);
    expect(plan).toMatch(/Retenue maximale par versement \(20 %\)\s+154,31/);

    // The queue lists it; the statistics draw their charts and tables, and export the cases.
    await pages.visit(`${rig.platform.url}/controles`);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await pages.follow('Statistiques');
    expect(await page.getByText('Intègre').count()).toBe(1);
    for (const image of await page.locator('figure img').all()) {
      const chart = await page.request.get(new URL((await image.getAttribute('src')) ?? '', page.url()).href);
      expect(chart.status()).toBe(200);
      expect(chart.headers()['content-type']).toContain('image/svg+xml');
      expect((await chart.text()).startsWith('<svg')).toBe(true);
    }
    expect(await page.locator('table caption', { hasText: 'Taux de sélection par démarche' }).count()).toBe(
      1,
    );
    const csv = await page.request.get(
      new URL((await page.getByRole('link', { name: /Exporter/ }).getAttribute('href')) ?? '', page.url())
        .href,
    );
    expect(csv.status()).toBe(200);
    expect((await csv.text()).startsWith('id,application_id')).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('refuses the auditors’ pages to a citizen and to an agent (403)', async () => {
    for (const [name, via] of [
      ['Claire Martin', 'FranceConnect'],
      ['Karim Benali', 'agent'],
    ] as const) {
      const { page, context } = await openSession(rig.browser);
      const pages = new CitizenPages(page, audit);
      await pages.visit(`${rig.platform.url}/`);
      await pages.signInAs(name, via);
      const answer = await page.goto(`${rig.platform.url}/controles`);
      expect(answer?.status()).toBe(403);
      await audit.check(page);
      await context.close();
    }
  }, 120_000);
});
