import { SUBJECTS } from '#domain';
import { bearer, eventsOnStream, eventually } from '#testing';
import { openSession, webRig } from './support/browser.js';
import { APA_PARTS, CitizenPages } from './support/citizen-pages.js';
import { readableMail } from './support/mail.js';

/**
 * Citizens in a real Chromium, against the five services, the identity provider, PostgreSQL, NATS and an SMTP
 * server as real processes. Every page visited passes axe-core (WCAG 2.1 A and AA) with no violation.
 */
describe('web for citizens, in a browser', () => {
  const rig = webRig('web-citizen', { smtp: true });
  const { audit } = rig;
  const DAUGHTER_EMAIL = 'claire.martin@demo.calvados.invalid';

  /** Journey 1 (and 5 without JavaScript): the daughter files an APA request for her mother. */
  async function fileApaForMother(javaScriptEnabled: boolean): Promise<void> {
    const { page, context, consoleErrors } = await openSession(rig.browser, {
      javaScriptEnabled,
      width: 375,
    });
    if (!javaScriptEnabled) audit.markWithoutJavaScript(page);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.follow('Allocation personnalisée d’autonomie (APA) à domicile');
    await pages.follow('Se connecter pour commencer');
    await pages.signInAs('Claire Martin');
    expect(await pages.heading()).toBe('Allocation personnalisée d’autonomie (APA) à domicile');
    await pages.press('Commencer');

    // Two parts, then she stops and signs out.
    expect(await pages.heading()).toBe('Identité de la personne âgée');
    await APA_PARTS.beneficiary(pages);
    await pages.press('Enregistrer et continuer');
    expect(await pages.heading()).toBe('Adresse de la personne âgée');
    await APA_PARTS.address(pages);
    await pages.press('Enregistrer et continuer');
    expect(await pages.heading()).toBe('Qui fait la demande');
    const draftPath = new URL(page.url()).pathname;
    const applicationId = draftPath.split('/')[2];
    await pages.signOut();

    // Back later: « Mes démarches » resumes where she stopped.
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs('Claire Martin');
    await pages.visit(`${rig.platform.url}/mes-demarches`);
    await pages.follow('Allocation personnalisée d’autonomie (APA) à domicile');
    // The task list: two parts done, the third to do.
    expect(await page.locator('.govuk-task-list__item').count()).toBe(10);
    expect(await page.getByText('Vous avez terminé 2 étapes sur 9.').count()).toBe(1);
    await pages.follow('Qui fait la demande');
    expect(new URL(page.url()).pathname).toBe(draftPath);

    // A mistake: a birth date in the future, shown next to the field and in the summary.
    await pages.follow('Retour');
    await pages.follow('Retour');
    expect(await pages.heading()).toBe('Identité de la personne âgée');
    await pages.date('Date de naissance', '2', '3', '2090');
    await pages.press('Enregistrer et continuer');
    expect(await pages.errorNextTo('champ-beneficiary-birthDate')).toContain(
      'ne peut pas être une date future',
    );
    expect(await pages.errorSummary()).toEqual([expect.stringContaining('Date de naissance')]);
    await pages.date('Date de naissance', '2', '3', '1941');
    await pages.press('Enregistrer et continuer');
    await pages.press('Enregistrer et continuer');

    // The rest of the parts (the spouse's is not asked of a person living alone).
    await APA_PARTS.filer(pages, DAUGHTER_EMAIL);
    await pages.press('Enregistrer et continuer');
    for (const part of ['household', 'resources', 'currentHelp', 'otherBenefits', 'autonomy'] as const) {
      await (APA_PARTS[part] as (pages: CitizenPages) => Promise<void>)(pages);
      await pages.press('Enregistrer et continuer');
    }
    await APA_PARTS.consentDataExchange(pages);
    await pages.press('Enregistrer et continuer');

    // Check answers, change one.
    expect(await pages.heading()).toBe('Vérifiez vos réponses avant d’envoyer votre demande');
    expect(await page.getByText('1 450,00 €').count()).toBeGreaterThan(0);
    await pages.follow('Modifier Ressources mensuelles du foyer');
    await APA_PARTS.resources(pages, '1500');
    await pages.press('Enregistrer et continuer');
    expect(await pages.heading()).toBe('Vérifiez vos réponses avant d’envoyer votre demande');
    expect(await page.getByText('1 500,00 €').count()).toBeGreaterThan(0);

    // The sworn statement, and a double click on « Envoyer »: one receipt.
    await page.getByLabel(/Je déclare sur l’honneur/).check();
    await page.getByRole('button', { name: 'Envoyer la demande' }).dblclick();
    // Without JavaScript the browser sends the form twice and aborts the first navigation: wait for where it lands
    // (waitForURL fails on the aborted one, depending on timing).
    await eventually(async () => expect(page.url()).toMatch(/\/recepisse$/), 30_000);
    await page.waitForLoadState('load');
    await audit.check(page);
    const receiptNumber = (await page.locator('.govuk-panel__body strong').innerText()).trim();
    expect(receiptNumber).toMatch(/^APA-\d{4}-\d{6}$/);
    expect(await page.getByText('Date limite de décision').count()).toBeGreaterThan(0);
    expect(await page.getByText(/réputée acceptée/).count()).toBeGreaterThan(0);

    const api = await fetch(`${rig.platform.url}/api/applications`, {
      headers: { Authorization: await bearer('citizen', { sub: 'demo-fille' }) },
    }).then((answer) => answer.json() as Promise<{ items: { id: string; receiptNumber: string | null }[] }>);
    expect(api.items.filter((item) => item.receiptNumber === receiptNumber)).toHaveLength(1);
    const submitted = await eventsOnStream(rig.platform.nats.url, SUBJECTS.applicationSubmitted);
    expect(submitted.filter((event) => event.aggregateId === applicationId)).toHaveLength(1);

    // Within seconds, the file's page names the Caen office.
    await pages.follow('la page de votre dossier');
    await eventually(
      async () => {
        await page.reload();
        expect(
          await page.getByText('Circonscription d’action sociale de Caen (démo)').count(),
        ).toBeGreaterThan(0);
      },
      30_000,
      500,
    );
    await audit.check(page);

    // The acknowledgement reached the catcher once.
    const acknowledgements = () =>
      rig.smtp.mails.filter(
        (mail) =>
          mail.to.includes(DAUGHTER_EMAIL) &&
          readableMail(mail.raw).includes('Nous avons bien reçu votre demande') &&
          readableMail(mail.raw).includes(receiptNumber),
      );
    await eventually(() => expect(acknowledgements().length).toBeGreaterThan(0), 30_000, 200);
    expect(acknowledgements()).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }

  it('1. the daughter files an APA request for her mother: resumes, corrects, checks, submits once, follows', async () => {
    await fileApaForMother(true);
  }, 300_000);

  it('5. the same journey works with JavaScript disabled', async () => {
    await fileApaForMother(false);
  }, 300_000);
});
