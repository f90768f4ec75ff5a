import type { Page } from 'playwright-core';
import { createApiClients } from '#api-client';
import { bearer, eventually } from '#testing';
import { openSession, webRig } from './support/browser.js';
import { apaFiledInCaen } from './support/files.js';
import { CitizenPages } from './support/citizen-pages.js';

/**
 * The agents' pages in a real Chromium: the Caen office's inbox, a file read with its reason, claimed, evaluated,
 * the care plan and the decision previewed by the API's own rules before they are recorded; a supervisor deciding
 * at the same moment is told the file was decided meanwhile; another office's agent gets « page not found ».
 */
describe('web for agents: inbox, file, care plan and decision previewed, concurrent decision, other team', () => {
  const rig = webRig('web-staff');
  const { audit } = rig;

  const filedInCaen = () => apaFiledInCaen(rig.platform.url);

  async function staffPage(
    name: string,
  ): Promise<{ page: Page; pages: CitizenPages; close: () => Promise<void> }> {
    const { page, context } = await openSession(rig.browser, { width: 1024 });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs(name, 'agent');
    return { page, pages, close: () => context.close() };
  }

  it('the Caen agent finds the file in her inbox, reads it with a reason, evaluates, proposes the plan and grants, previewed', async () => {
    const { id, receiptNumber } = await filedInCaen();
    const { page, pages, close } = await staffPage('Karim Benali');
    await eventually(
      async () => {
        await pages.visit(`${rig.platform.url}/agents/dossiers`);
        expect(await page.getByRole('link', { name: receiptNumber }).count()).toBe(1);
      },
      30_000,
      500,
    );
    await pages.follow(receiptNumber);
    expect(await page.getByText(/règle|équipe par défaut/).count()).toBeGreaterThan(0);

    // The content is read with its reason (logged, shown to the citizen).
    await pages.press('Consulter');
    expect(await pages.errorNextTo('purpose')).toContain('Choisissez pourquoi');
    await page.getByLabel(/Pourquoi le consultez-vous/).selectOption('instruction');
    await pages.press('Consulter');
    expect(await pages.heading()).toBe('Contenu du dossier');
    expect(await page.getByText('Jeanne').count()).toBeGreaterThan(0);
    await pages.follow('Retour');

    // APA: a request for information restarts the clock (CASF R232-23), as the form says.
    expect(await page.getByText(/le délai de décision repartira de zéro/).count()).toBe(1);
    await pages.press('Prendre en charge');
    expect(await page.getByText('Vous avez pris le dossier en charge.').count()).toBe(1);
    // Given back to the team, then taken again; the inbox finds it by its commune.
    await pages.press('Rendre le dossier à l’équipe');
    expect(await page.getByText('Le dossier est rendu à la bannette de l’équipe.').count()).toBe(1);
    await pages.press('Prendre en charge');
    await pages.visit(`${rig.platform.url}/agents/dossiers?commune=14118`);
    expect(await page.getByRole('link', { name: receiptNumber }).count()).toBe(1);
    await pages.follow(receiptNumber);
    await page.getByLabel('GIR 3', { exact: true }).check();
    await pages.press('Enregistrer l’évaluation');
    await pages.fill('Montant mensuel du plan d’aide', '900');
    await pages.press('Voir la participation et l’APA');
    // CASF R232-11 for 1 500 € a month and a 900 € plan (GIR 3): the API's own calculator, nothing recorded yet.
    expect(await pages.heading()).toBe('Vérifiez le plan d’aide avant de le proposer');
    const plan = await page.locator('.govuk-summary-list').innerText();
    expect(plan).toMatch(/Participation du bénéficiaire\s+128,45/);
    expect(plan).toMatch(/APA versée chaque mois\s+771,55/);
    await pages.press('Proposer ce plan au bénéficiaire');
    expect(await page.getByText('Le plan d’aide est proposé au bénéficiaire.').count()).toBe(1);

    // The daughter accepts (her page is tested elsewhere); then the decision, previewed as she will read it.
    const daughter = createApiClients({
      baseUrl: rig.platform.url,
      headers: { Authorization: await bearer('citizen', { sub: 'demo-fille' }) },
    });
    await eventually(async () => {
      const file = await daughter.intake.GET('/api/applications/{id}', { params: { path: { id } } });
      expect(file.data?.handling.carePlan?.status).toBe('proposed');
    }, 30_000);
    const accepted = await daughter.intake.POST('/api/applications/{id}/care-plan/answer', {
      params: { path: { id } },
      body: { accept: true },
    });
    expect(accepted.response.status).toBe(200);
    await eventually(
      async () => {
        await pages.visit(`${rig.platform.url}/agents/dossiers/${id}`);
        expect(await page.getByText(/accepté par le bénéficiaire/).count()).toBe(1);
      },
      30_000,
      500,
    );
    await page.getByLabel('Refuser (motif obligatoire)').check();
    await pages.press('Voir la décision avant de la notifier');
    expect(await pages.errorNextTo('reason')).toContain('Un refus doit être motivé');
    await page.getByLabel('Accorder').check();
    await pages.press('Voir la décision avant de la notifier');
    const preview = await page.locator('.govuk-inset-text').innerText();
    expect(preview).toContain('Votre demande est accordée.');
    expect(preview).toMatch(/Montant : 771,55/);
    expect(preview).toContain('L134-2');

    // A supervisor previews a refusal of the same file at the same moment; the agent confirms first.
    const supervisor = await staffPage('Marc Duval');
    await supervisor.pages.visit(`${rig.platform.url}/agents/dossiers`);
    const load = await supervisor.page.locator('table', { hasText: 'Équipe CAS-CAEN' }).innerText();
    expect(load).toMatch(/Agent CAS-CAEN \(démo\)\s+1/);
    await supervisor.pages.visit(`${rig.platform.url}/agents/dossiers/${id}`);
    await supervisor.page.getByLabel('Refuser (motif obligatoire)').check();
    await supervisor.pages.fill('Motif (lu par le demandeur)', 'Ressources mal déclarées.');
    await supervisor.pages.press('Voir la décision avant de la notifier');
    await pages.press('Confirmer et notifier la décision');
    expect(await page.getByText('La décision est enregistrée et notifiée.').count()).toBe(1);
    await supervisor.pages.press('Confirmer et notifier la décision');
    expect(await supervisor.page.getByText(/Ce dossier a été décidé entre-temps/).count()).toBe(1);
    await supervisor.close();

    // What the daughter reads is what the preview said.
    await eventually(async () => {
      const file = await daughter.intake.GET('/api/applications/{id}', { params: { path: { id } } });
      expect(file.data?.handling.decision?.amountCents).toBe(77_155);
    }, 30_000);
    await close();
  }, 240_000);

  it('an agent of another office opening the Caen file gets « page not found »; a citizen opening the inbox gets 403', async () => {
    const { id } = await filedInCaen();
    await eventually(async () => {
      const agent = createApiClients({
        baseUrl: rig.platform.url,
        headers: { Authorization: await bearer('agent', { sub: 'agent-cas-caen', teams: ['CAS-CAEN'] }) },
      });
      const file = await agent.routing.GET('/api/back-office/applications/{id}', {
        params: { path: { id } },
      });
      expect(file.response.status).toBe(200);
    }, 30_000);
    const bocage = await staffPage('Élodie Lefèvre');
    const answer = await bocage.page.goto(`${rig.platform.url}/agents/dossiers/${id}`);
    expect(answer?.status()).toBe(404);
    await audit.check(bocage.page);
    expect(await bocage.pages.heading()).toBe('Page introuvable');
    await bocage.close();

    const { page, context } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs('Claire Martin');
    const refused = await page.goto(`${rig.platform.url}/agents/dossiers`);
    expect(refused?.status()).toBe(403);
    await audit.check(page);
    await context.close();
  }, 120_000);
});
