import { axeViolations } from '../libs/testing/src/browser/chromium.js';
import { openSession, webRig } from './support/browser.js';
import { CitizenPages } from './support/citizen-pages.js';
import { type KeyStep, keyboardSteps, tabTo } from './support/keyboard.js';

function dateParts(offsetDays: number): [string, string, string] {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())];
}

const NEXT = 'Enregistrer et continuer';

/** Journeys 2, 3 and 4 in a real Chromium, every page checked with axe-core (WCAG 2.1 A and AA). */
describe('web: a commune files an APCR request, anyone finds a contact, the APA form by keyboard only', () => {
  const rig = webRig('web-public');
  const { audit } = rig;

  it('the accessibility check fails on a page that breaks a rule (so that its silence means something)', async () => {
    const { page, context } = await openSession(rig.browser);
    await page.setContent(
      '<html lang="fr"><head><title>t</title></head><body><main><input type="text"></main></body></html>',
    );
    expect((await axeViolations(page)).map((violation) => violation.id)).toContain('label');
    await context.close();
  });

  it('2. the secretary of a small commune files an APCR request; a commune over the threshold is refused next to its field', async () => {
    const { page, context, consoleErrors } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.follow('Aide aux petites communes rurales (APCR)');
    await pages.follow('Se connecter pour commencer');
    await pages.signInAs('Sophie Leroy');
    await pages.press('Commencer');

    expect(await pages.heading()).toBe('Commune qui fait la demande');
    await pages.select('Commune', 'Caen (14000)');
    await pages.press(NEXT);
    await pages.fill('Prénom', 'Sophie');
    await pages.fill('Nom', 'Leroy');
    await pages.choose('Fonction', 'Secrétaire de mairie');
    await pages.fill('Adresse e-mail', 'secretariat@mairie-demo.calvados.invalid');
    await pages.press(NEXT);
    await pages.choose(
      'Type de projet',
      'Projet général (bâtiment communal, voirie, accessibilité, église, cimetière…)',
    );
    await pages.fill('Intitulé du projet', 'Réfection de la toiture de l’église');
    await pages.fill(
      'Description des travaux',
      'Remplacement des ardoises et de la charpente du bas-côté nord.',
    );
    await pages.fill('Coût des travaux hors taxes (HT)', '24 000');
    await pages.date('Date prévue du début des travaux', ...dateParts(120));
    await pages.press(NEXT);
    await pages.fill('Montant de l’aide demandée au Département', '12000');
    await pages.fill('Autofinancement de la commune', '6000');
    const grant = page.getByRole('group', { name: 'Autres subventions — ligne 1' });
    await grant.getByLabel('Financeur (facultatif)').fill('État — DETR');
    await grant.getByLabel('Montant (facultatif)').fill('6000');
    await grant.getByLabel('Demandée, en attente de réponse').check();
    await pages.press(NEXT);
    await pages.date('Date de la délibération du conseil municipal', ...dateParts(-30));
    await pages.press(NEXT);

    expect(await pages.heading()).toBe('Vérifiez vos réponses avant d’envoyer votre demande');
    await page.getByLabel(/Je déclare sur l’honneur/).check();
    await pages.press('Envoyer la demande');
    // Caen has far more than 2 000 inhabitants: the commune's page again, the reason next to the field.
    expect(await pages.heading()).toBe('Commune qui fait la demande');
    expect(await pages.errorNextTo('champ-commune-inseeCode')).toMatch(/2\s000 habitants.*Caen en compte/);
    expect(await pages.errorSummary()).toEqual([expect.stringMatching(/2\s000 habitants.*Caen en compte/)]);

    await pages.select('Commune', 'Ablon (14600)');
    await pages.press(NEXT);
    expect(await pages.heading()).toBe('Vérifiez vos réponses avant d’envoyer votre demande');
    await page.getByLabel(/Je déclare sur l’honneur/).check();
    await pages.press('Envoyer la demande');
    expect(await page.locator('.govuk-panel__body strong').innerText()).toMatch(/^APCR-\d{4}-\d{6}$/);
    expect(await page.getByText(/réputée refusée/).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('3. someone not signed in finds the contact for « autonomie » in Bayeux, then for a postal code shared by several communes', async () => {
    const { page, context, consoleErrors } = await openSession(rig.browser, { width: 375 });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/contact`);
    await pages.press('Trouver mon contact');
    expect(await pages.errorSummary()).toEqual([
      'Indiquez le nom ou le code postal de votre commune',
      'Choisissez le sujet de votre question',
    ]);

    await pages.fill('Votre commune', 'bayeux');
    await pages.select('Le sujet de votre question', 'Autonomie des personnes âgées (APA)');
    await pages.press('Trouver mon contact');
    expect(await pages.heading()).toBe('Votre contact');
    expect(await page.getByText('Circonscription d’action sociale de Bayeux (démo)').count()).toBeGreaterThan(
      0,
    );
    expect(await page.getByText('02 31 00 10 01').count()).toBe(1);
    expect(await page.getByText(/Pourquoi ce service/).count()).toBe(1);

    await pages.visit(`${rig.platform.url}/contact`);
    await pages.fill('Votre commune', '14400');
    await pages.select('Le sujet de votre question', 'Autonomie des personnes âgées (APA)');
    await pages.press('Trouver mon contact');
    expect(await pages.heading()).toBe('Quelle est votre commune ?');
    expect(await page.getByRole('radio').count()).toBeGreaterThan(10);
    await page.getByLabel('Vaux-sur-Aure (14)', { exact: true }).check();
    await pages.press('Continuer');
    expect(await pages.heading()).toBe('Votre contact');
    expect(await page.getByText('Circonscription d’action sociale de Bayeux (démo)').count()).toBeGreaterThan(
      0,
    );

    await pages.visit(`${rig.platform.url}/contact?commune=Atlantis&theme=autonomie`);
    expect(await pages.errorNextTo('commune')).toContain('Atlantis');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('4. the APA form can be filled and submitted with the keyboard only (Tab, Space, Enter, arrows in a radio group)', async () => {
    const { page, context } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/demarches/apa`);
    await pages.follow('Se connecter pour commencer');
    await pages.signInAs('Claire Martin');
    const parts: KeyStep[][] = [
      [{ button: 'Commencer', enter: true }],
      [
        { id: 'champ-beneficiary-civility', space: true },
        { id: 'champ-beneficiary-firstName', type: 'Jeanne' },
        { id: 'champ-beneficiary-lastName', type: 'Martin' },
        { id: 'champ-beneficiary-birthDate-day', type: '2' },
        { id: 'champ-beneficiary-birthDate-month', type: '3' },
        { id: 'champ-beneficiary-birthDate-year', type: '1941' },
      ],
      [
        { id: 'champ-address-line1', type: '3 place Saint-Sauveur' },
        { id: 'champ-address-postalCode', type: '14000' },
        { id: 'champ-address-communeInsee', type: 'Caen' },
      ],
      [
        { id: 'champ-filer-kind', down: 1 },
        { id: 'champ-filer-firstName', type: 'Claire' },
        { id: 'champ-filer-lastName', type: 'Martin' },
        { id: 'champ-filer-email', type: 'claire.martin@demo.calvados.invalid' },
      ],
      [
        { id: 'champ-household-situation', space: true },
        { id: 'champ-household-livesWith', space: true },
      ],
      [{ id: 'champ-resources-monthlyResourcesCents', type: '1450' }],
      [
        { id: 'champ-currentHelp-homeHelp', down: 1 },
        { id: 'champ-currentHelp-nursing', down: 1 },
      ],
      [{ id: 'champ-otherBenefits-4', space: true }],
      [
        { id: 'champ-autonomy-needsHelpWashing', space: true },
        { id: 'champ-autonomy-needsHelpDressing', space: true },
        { id: 'champ-autonomy-needsHelpEating', down: 1 },
        { id: 'champ-autonomy-needsHelpMoving', down: 1 },
        { id: 'champ-autonomy-needsHelpGoingOut', space: true },
        { id: 'champ-autonomy-isolated', down: 1 },
      ],
      [{ id: 'champ-consentDataExchange', space: true }],
    ];
    for (const [index, steps] of parts.entries()) {
      await keyboardSteps(page, index === 0 ? steps : [...steps, { button: NEXT, enter: true }]);
      await audit.check(page);
      expect(await pages.errorSummary()).toEqual([]);
    }
    expect(await pages.heading()).toBe('Vérifiez vos réponses avant d’envoyer votre demande');
    expect(await page.getByText('Caen (14000)').count()).toBe(1);
    await tabTo(page, { id: 'swornStatement' });
    await page.keyboard.press('Space');
    await keyboardSteps(page, [{ button: 'Envoyer la demande', enter: true }]);
    await audit.check(page);
    expect(await page.locator('.govuk-panel__body strong').innerText()).toMatch(/^APA-\d{4}-\d{6}$/);
    await context.close();
  });
});
