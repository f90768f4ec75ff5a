import type { Browser } from 'playwright-core';
import { freePort } from '#local-infra';
import {
  type ServiceProcess,
  spawnServiceProcess,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '#testing';
import { DEFAULT_PROCEDURES } from '../apps/intake/src/procedures/procedure.registry.js';
import { engineeringProcedure } from '../apps/intake/test/engineering/engineering.procedure.js';
import { type IntakeUnderTest, startIntake } from '../apps/intake/test/intake.harness.js';
import { AccessibilityAudit, launchChromium, openSession } from './support/browser.js';
import { CitizenPages } from './support/citizen-pages.js';

/**
 * A third procedure is a folder in intake and nothing in apps/web: intake runs here with its test fixture
 * (`ingenierie`), the web application (built as it is) serves its start page, its parts, the check-answers page and
 * the receipt from what `GET /api/procedures/ingenierie` says.
 */
describe('web: a procedure added in intake gets its pages with no change in apps/web', () => {
  let intake: IntakeUnderTest;
  let identity: TestIdentityProvider;
  let web: ServiceProcess;
  let browser: Browser;
  const audit = new AccessibilityAudit();

  beforeAll(async () => {
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    identity = await startTestIdentityProvider({
      WEB_REDIRECT_URIS: `${webUrl}/connexion/retour`,
      WEB_POST_LOGOUT_REDIRECT_URIS: `${webUrl}/`,
    });
    intake = await startIntake('web-third', [...DEFAULT_PROCEDURES, engineeringProcedure], {
      variables: { AUTH_ISSUER: identity.issuer, AUTH_JWKS_URL: identity.jwksUrl },
    });
    web = await spawnServiceProcess(
      'apps/web/src/main.js',
      { API_URL: intake.service.url, PUBLIC_BASE_URL: webUrl, OIDC_ISSUER: identity.issuer },
      { port: webPort },
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await intake?.stop();
    await identity?.stop();
  });

  it('lists it, asks its questions one part per page, shows a missing answer next to its field, and files it', async () => {
    const { page, context, consoleErrors } = await openSession(browser);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${web.url}/`);
    await pages.follow('Demande d’ingénierie territoriale (EPCI)');
    expect(await page.getByText('La commune doit appartenir à un EPCI.').count()).toBe(1);
    await pages.follow('Se connecter pour commencer');
    await pages.signInAs('Sophie Leroy');
    await pages.press('Commencer');

    expect(await pages.heading()).toBe('Commune concernée par le projet');
    await pages.select('Commune concernée par le projet', 'Bayeux (14400)');
    await pages.press('Enregistrer et continuer');
    expect(await pages.heading()).toBe('Objet de la demande');
    await pages.press('Enregistrer et continuer');
    expect(await pages.errorNextTo('champ-subject')).toContain('Renseignez le champ « Objet de la demande »');
    await pages.fill('Objet de la demande', 'Étude de réaménagement de la place du marché');
    await pages.press('Enregistrer et continuer');

    expect(await pages.heading()).toBe('Vérifiez vos réponses avant d’envoyer votre demande');
    expect(await page.getByText('Bayeux (14400)').count()).toBe(1);
    await page.getByLabel(/Je déclare sur l’honneur/).check();
    await pages.press('Envoyer la demande');
    expect(await page.locator('.govuk-panel__body strong').innerText()).toMatch(/^ING-\d{4}-000001$/);
    expect(await page.getByText('Réponse sous un mois.', { exact: false }).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
