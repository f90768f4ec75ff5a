import { eventually } from '#testing';
import { openSession, webRig } from './support/browser.js';
import { CitizenPages } from './support/citizen-pages.js';

/**
 * The pages' security headers and error pages, in French and accessible: 404, 403 (a form without its token), the
 * session that ran out (back where one was after signing in again), a service down (503). Access tokens live 6 s.
 */
describe('web: security headers, error pages, expired session, a service down', () => {
  // The estimate's budget is small here (3 every 10 minutes per visitor); the others stay out of the way.
  const rig = webRig('web-errors', {
    identityEnvironment: { ACCESS_TOKEN_TTL_SECONDS: '6' },
    edgeEnvironment: {
      RATE_LIMIT_MULTIPLIER: '1',
      RATE_LIMIT_ESTIMATE: '3/600',
      RATE_LIMIT_PUBLIC_READ: '100000/60',
      RATE_LIMIT_SIGN_IN: '100000/60',
    },
  });
  const { audit } = rig;

  it('sends a strict Content-Security-Policy, refuses framing, and keeps the session in an HttpOnly SameSite=Lax cookie', async () => {
    const answer = await fetch(`${rig.platform.url}/`);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('referrer-policy')).toBe('same-origin');
    const html = await answer.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toMatch(/<script(?![^>]*(nonce|src=))[^>]*>/);
    const session = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('guichet_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/); // served over http here; Secure behind https (PUBLIC_BASE_URL)
    expect(html).not.toMatch(/cdn|googleapis|unpkg|jsdelivr/i);
    for (const asset of ['/assets/guichet.css', '/assets/govuk-frontend.min.js', '/assets/init.js']) {
      expect((await fetch(`${rig.platform.url}${asset}`)).status).toBe(200);
    }
  });

  it('puts the security headers on every answer: pages, API, API errors, documents, the edge itself', async () => {
    const base = rig.platform.url;
    const answers = await Promise.all(
      ['/', '/api/procedures', '/api/applications', '/api/nothing-here', '/docs/intake', '/health'].map(
        async (path) => [path, await fetch(`${base}${path}`)] as const,
      ),
    );
    for (const [path, answer] of answers) {
      expect([path, answer.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, answer.headers.get('content-security-policy')]).toEqual([
        path,
        expect.stringContaining("frame-ancestors 'none'"),
      ]);
      expect([path, answer.headers.get('referrer-policy')]).toEqual([
        path,
        expect.stringMatching(/no-referrer|same-origin/),
      ]);
      expect([path, answer.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
    }
    const api = answers.find(([path]) => path === '/api/procedures')?.[1];
    expect(api?.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    // No cross-origin caller by default.
    const preflight = await fetch(`${base}/api/applications`, {
      method: 'OPTIONS',
      headers: { origin: 'https://ailleurs.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('counts each visitor’s estimates through the pages, and past the budget answers 429 with a French page', async () => {
    const visitor = await openSession(rig.browser, { headers: { 'x-forwarded-for': '203.0.113.50' } });
    const pages = new CitizenPages(visitor.page, audit);
    const estimate = async () => {
      await visitor.page.goto(`${rig.platform.url}/simulateur-apa`);
      await pages.choose('Degré de perte d’autonomie (GIR)', 'GIR 2');
      await pages.choose('La personne vit-elle seule ou en couple ?', 'Seule');
      await pages.fill('Ressources mensuelles du foyer', '1200');
      const answer = visitor.page.waitForResponse((response) => response.request().method() === 'POST');
      await pages.press('Estimer');
      return (await answer).status();
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await estimate()).toBeLessThan(300);
      expect(await visitor.page.locator('.govuk-summary-card').innerText()).toMatch(/APA versée chaque mois/);
    }
    expect(await estimate()).toBe(429);
    expect(await pages.heading()).toBe('Trop de demandes en peu de temps');
    // The API itself answers in its error format, with the time to wait; another visitor is not held back.
    const api = await fetch(`${rig.platform.url}/api/procedures/apa/estimate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
      body: '{}',
    });
    expect(api.status).toBe(429);
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
    const neighbour = await openSession(rig.browser, { headers: { 'x-forwarded-for': '203.0.113.51' } });
    const neighbourPages = new CitizenPages(neighbour.page, audit);
    await neighbour.page.goto(`${rig.platform.url}/simulateur-apa`);
    await neighbourPages.choose('Degré de perte d’autonomie (GIR)', 'GIR 2');
    await neighbourPages.choose('La personne vit-elle seule ou en couple ?', 'Seule');
    await neighbourPages.fill('Ressources mensuelles du foyer', '1200');
    await neighbourPages.press('Estimer');
    expect(await neighbour.page.locator('.govuk-summary-card').innerText()).toMatch(/APA versée chaque mois/);
    await visitor.context.close();
    await neighbour.context.close();
  });

  it('answers an unknown page with the French 404 page, and the API with its JSON error', async () => {
    const { page, context } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    const answer = await page.goto(`${rig.platform.url}/cette-page-n-existe-pas`);
    expect(answer?.status()).toBe(404);
    await audit.check(page);
    expect(await pages.heading()).toBe('Page introuvable');
    const api = await fetch(`${rig.platform.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect((await api.json()) as unknown).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await context.close();
  });

  it('refuses a form posted without its CSRF token with the French 403 page, and does nothing', async () => {
    const answer = await fetch(`${rig.platform.url}/simulateur-apa`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'gir=3&household=alone&resources=1500',
    });
    expect(answer.status).toBe(403);
    const html = await answer.text();
    expect(html).toContain('Vous n’avez pas accès à cette page');
    expect(html).not.toContain('Résultat de l’estimation');

    const { page, context } = await openSession(rig.browser);
    await page.goto(`${rig.platform.url}/simulateur-apa`);
    await page.locator('input[name="_csrf"]').evaluate((input) => input.setAttribute('value', 'forged'));
    await page.getByLabel('GIR 3').check();
    await page.getByRole('button', { name: 'Estimer' }).click();
    await audit.check(page);
    expect(await page.locator('h1').innerText()).toBe('Vous n’avez pas accès à cette page');
    await context.close();
  });

  it('estimates the APA from the simulator, with errors next to the fields', async () => {
    const { page, context } = await openSession(rig.browser, { width: 375 });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/simulateur-apa`);
    await pages.press('Estimer');
    expect(await pages.errorSummary()).toHaveLength(3);
    await pages.choose('Degré de perte d’autonomie (GIR)', 'GIR 3');
    await pages.choose('La personne vit-elle seule ou en couple ?', 'Seule');
    await pages.fill('Ressources mensuelles du foyer', '1500');
    await pages.fill('Montant mensuel du plan d’aide (facultatif)', '900');
    await pages.press('Estimer');
    // GIR 3 in 2026: ceiling 0.944 × MTP 1 288,13 € = 1 215,99 €; plan 900 €; for 1 500 € a month, CASF R232-11
    // gives a participation of 128,45 € (the figure the API's calculator is unit-tested with), so 771,55 € paid.
    const result = await page.locator('.govuk-summary-card').innerText();
    expect(result).toMatch(/Plafond mensuel du plan d’aide\s+1\s215,99/);
    expect(result).toMatch(/Plan d’aide retenu\s+900,00/);
    expect(result).toMatch(/Participation de la personne\s+128,45/);
    expect(result).toMatch(/APA versée chaque mois\s+771,55/);
    await context.close();
  });

  it('after the session runs out, says so, and brings the person back where they were once signed in again', async () => {
    const { page, context } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/mes-demarches`);
    await pages.signInAs('Claire Martin');
    expect(new URL(page.url()).pathname).toBe('/mes-demarches');
    // The access token lives 6 seconds: wait until the page says the session ran out.
    await eventually(
      async () => {
        await page.goto(`${rig.platform.url}/mes-demarches`);
        expect(await pages.heading()).toBe('Votre session a expiré');
      },
      30_000,
      1_000,
    );
    await audit.check(page);
    await pages.follow('Se reconnecter');
    await page
      .getByRole('link', { name: /FranceConnect$/ })
      .first()
      .click();
    const person = page.getByRole('button', { name: 'Se connecter en tant que Claire Martin' });
    await page.waitForURL(
      (url) => url.pathname === '/mes-demarches' || url.pathname.startsWith('/interaction/'),
    );
    if (new URL(page.url()).pathname.startsWith('/interaction/')) await person.click();
    await page.waitForURL((url) => url.pathname === '/mes-demarches');
    expect(await pages.heading()).toBe('Mes démarches');
    await context.close();
  });

  it('shows the French 503 page, without internals, when a service does not answer', async () => {
    const { page, context } = await openSession(rig.browser);
    const pages = new CitizenPages(page, audit);
    await rig.platform.services.intake.stop();
    const answer = await page.goto(`${rig.platform.url}/demarches/apa`);
    expect(answer?.status()).toBe(503);
    await audit.check(page);
    expect(await pages.heading()).toBe('Désolé, le service est momentanément indisponible');
    expect(await page.getByText('Réessayez dans quelques minutes.').count()).toBe(1);
    expect(await page.content()).not.toMatch(/Error|ECONNREFUSED|stack|127\.0\.0\.1:\d+/);
    await context.close();
  });
});
