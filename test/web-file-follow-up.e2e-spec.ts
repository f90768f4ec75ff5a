import { createApiClients } from '#api-client';
import { parisDate } from '#domain';
import { bearer, eventually } from '#testing';
import { PDF } from '../apps/intake/test/evidence.fixture.js';
import { openSession, webRig } from './support/browser.js';
import { apaFiledInCaen } from './support/files.js';
import { CitizenPages } from './support/citizen-pages.js';

const inDays = (days: number) => parisDate(new Date(Date.now() + days * 86_400_000));

/**
 * What the person answers from their file's page, in a real Chromium: a request for information, the care plan,
 * the evidence of a control and its proposed conclusion; the messages; the withdrawal. Staff act through the API
 * (their pages are the next issue). Every page visited passes axe-core.
 */
describe('web: following a file and answering from its page', () => {
  const rig = webRig('web-follow-up');
  const { audit } = rig;

  const as = async (role: 'citizen' | 'agent' | 'auditor', sub: string, teams?: string[]) =>
    createApiClients({
      baseUrl: rig.platform.url,
      headers: { Authorization: await bearer(role, { sub, teams }) },
    });

  /** An APA request filed by the demo daughter through the API, routed to the Caen office. */
  async function fileForMother(): Promise<string> {
    const daughter = await as('citizen', 'demo-fille');
    const { id } = await apaFiledInCaen(rig.platform.url);
    await eventually(async () => {
      const file = await daughter.intake.GET('/api/applications/{id}', { params: { path: { id } } });
      expect(file.data?.handling.team?.code).toBe('CAS-CAEN');
    }, 30_000);
    return id;
  }

  async function handlingOf(id: string) {
    const daughter = await as('citizen', 'demo-fille');
    const file = await daughter.intake.GET('/api/applications/{id}', { params: { path: { id } } });
    return file.data?.handling ?? {};
  }

  it('answers a request for information, accepts the care plan, reads the decision, sends evidence and answers the control', async () => {
    const id = await fileForMother();
    const agent = await as('agent', 'agent-cas-caen', ['CAS-CAEN']);
    const path = { params: { path: { id } } };
    expect((await agent.routing.POST('/api/back-office/applications/{id}/claim', path)).response.status).toBe(
      200,
    );
    const asked = await agent.routing.POST('/api/back-office/applications/{id}/request-info', {
      ...path,
      body: {
        message: 'Merci de préciser les horaires de passage de l’aide à domicile.',
        answerBy: inDays(15),
      },
    });
    expect(asked.response.status).toBe(200);
    await agent.intake.GET('/api/applications/{id}/content', {
      ...path,
      params: { ...path.params, query: { purpose: 'instruction' } },
    });
    await eventually(async () => expect((await handlingOf(id)).infoRequest).toBeDefined(), 30_000);

    const { page, context, consoleErrors } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs('Claire Martin');
    await pages.visit(`${rig.platform.url}/dossiers/${id}`);
    const asking = page.locator('.govuk-inset-text', {
      hasText: 'Merci de préciser les horaires de passage',
    });
    expect(await asking.count()).toBe(1);
    expect(
      await page
        .getByText(/un agent instructeur .* a consulté votre dossier pour : instruction de la demande/)
        .count(),
    ).toBe(1);

    await pages.press('Envoyer ma réponse');
    expect(await pages.errorNextTo('message')).toContain('Écrivez votre réponse');
    await pages.fill('Votre réponse', 'Le matin, de 9 h à 11 h, du lundi au vendredi.');
    await pages.press('Envoyer ma réponse');
    expect(
      await page.getByText('Votre réponse a été envoyée à l’équipe qui instruit votre dossier.').count(),
    ).toBe(1);

    // The home visit and the care plan, then her acceptance.
    await eventually(async () => expect((await handlingOf(id)).infoRequest).toBeUndefined(), 30_000);
    expect(
      (
        await agent.routing.POST('/api/back-office/applications/{id}/evaluation', {
          ...path,
          body: { evaluatedOn: inDays(0), gir: 3 },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await agent.routing.POST('/api/back-office/applications/{id}/care-plan', {
          ...path,
          body: { planCents: 90_000, description: 'Aide au lever et à la toilette, 20 heures par mois.' },
        })
      ).response.status,
    ).toBe(200);
    await eventually(async () => expect((await handlingOf(id)).carePlan?.status).toBe('proposed'), 30_000);
    await pages.visit(`${rig.platform.url}/dossiers/${id}`);
    expect(await page.getByText('900,00 €').count()).toBeGreaterThan(0);
    await page.getByLabel('Oui, j’accepte le plan d’aide').check();
    await pages.press('Envoyer ma réponse');
    expect(await page.getByText('Votre réponse sur le plan d’aide a été envoyée.').count()).toBe(1);

    // The decision, with its reasons and remedies.
    await eventually(async () => expect((await handlingOf(id)).carePlan?.status).toBe('accepted'), 30_000);
    const decided = await agent.routing.POST('/api/back-office/applications/{id}/decide', {
      ...path,
      body: { outcome: 'granted' },
    });
    expect(decided.response.status).toBe(200);
    await eventually(async () => expect((await handlingOf(id)).decision).toBeDefined(), 30_000);
    await pages.visit(`${rig.platform.url}/dossiers/${id}`);
    expect(await page.getByRole('heading', { name: 'Demande accordée' }).count()).toBe(1);
    expect(await page.getByText('Voies et délais de recours').count()).toBe(1);

    // A targeted control: evidence asked, a wrong file refused next to the field, the PDF accepted.
    const auditor = await as('auditor', 'demo-controleur');
    const opened = await auditor.checks.POST('/api/checks/cases', {
      body: { applicationId: id, reason: 'Contrôle ciblé de démonstration' },
    });
    expect(opened.response.status).toBe(201);
    const checkId = opened.data?.checkId ?? '';
    const evidenceAsked = await auditor.checks.POST('/api/checks/cases/{id}/evidence-request', {
      params: { path: { id: checkId } },
      body: {
        documents: ['Dernier avis d’imposition'],
        message: 'Merci d’envoyer le dernier avis d’imposition.',
      },
    });
    expect(evidenceAsked.response.status).toBe(201);
    await eventually(
      async () => expect((await handlingOf(id)).check?.status).toBe('evidence_requested'),
      30_000,
    );
    await pages.visit(`${rig.platform.url}/dossiers/${id}`);
    expect(await page.getByText(/Taille maximale : 10 Mo/).count()).toBe(1);
    await page.getByLabel('Justificatif').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('pas un justificatif'),
    });
    await pages.press('Envoyer le justificatif');
    expect(await pages.errorSummary()).toHaveLength(1);
    expect(await page.locator('#evidence-error').count()).toBe(1);
    await page
      .getByLabel('Justificatif')
      .setInputFiles({ name: 'avis-imposition.pdf', mimeType: 'application/pdf', buffer: PDF });
    await pages.press('Envoyer le justificatif');
    expect(await page.getByText('Votre justificatif a été envoyé.').count()).toBe(1);

    // The auditor's proposed conclusion, answered from the page.
    await eventually(async () => {
      const controlCase = await auditor.checks.GET('/api/checks/cases/{id}', {
        params: { path: { id: checkId } },
      });
      expect(JSON.stringify(controlCase.data)).toContain('avis-imposition.pdf');
    }, 30_000);
    const proposed = await auditor.checks.POST('/api/checks/cases/{id}/proposal', {
      params: { path: { id: checkId } },
      body: { outcome: 'corrected', reason: 'Les ressources déclarées omettaient une pension de réversion.' },
    });
    expect(proposed.response.status).toBe(201);
    await eventually(async () => expect((await handlingOf(id)).check?.status).toBe('contradictory'), 30_000);
    await pages.visit(`${rig.platform.url}/dossiers/${id}`);
    const proposal = page.locator('.govuk-inset-text', { hasText: 'omettaient une pension de réversion' });
    expect(await proposal.count()).toBe(1);
    await pages.fill('Votre réponse', 'J’avais oublié cette pension ; je la déclare désormais.');
    await pages.press('Envoyer ma réponse');
    expect(await page.getByText('Votre réponse au contrôle a été envoyée.').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('reads the in-app messages and marks one read; withdraws a file after a confirmation page', async () => {
    const id = await fileForMother();
    const { page, context } = await openSession(rig.browser, { width: 375 });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs('Claire Martin');

    await eventually(
      async () => {
        await pages.visit(`${rig.platform.url}/messages`);
        expect(await page.getByRole('button', { name: /Marquer comme lu/ }).count()).toBeGreaterThan(0);
      },
      30_000,
      500,
    );
    const unreadBefore = await page.getByRole('button', { name: /Marquer comme lu/ }).count();
    await page
      .getByRole('button', { name: /Marquer comme lu/ })
      .first()
      .click();
    await audit.check(page);
    expect(await page.getByRole('button', { name: /Marquer comme lu/ }).count()).toBe(unreadBefore - 1);

    await pages.visit(`${rig.platform.url}/dossiers/${id}`);
    await pages.follow('Retirer ma demande');
    expect(await pages.heading()).toMatch(/Voulez-vous vraiment retirer votre demande APA-/);
    await pages.follow('Non, garder ma demande');
    await pages.follow('Retirer ma demande');
    await pages.fill('Pourquoi retirez-vous votre demande ? (facultatif)', 'Ma mère entre en établissement.');
    await pages.press('Oui, retirer ma demande');
    expect(await page.getByText('Votre demande a été retirée.').count()).toBe(1);
    expect(await page.locator('.govuk-tag', { hasText: 'Retirée' }).count()).toBe(1);
    await context.close();
  }, 120_000);
});
