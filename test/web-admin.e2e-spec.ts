import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { createApiClients } from '#api-client';
import { bearer, eventually } from '#testing';
import { validApaFormData } from '../apps/intake/src/procedures/apa/apa.fixtures.js';
import { openSession, webRig } from './support/browser.js';
import { CitizenPages } from './support/citizen-pages.js';

/**
 * The admins' pages in a browser, against the real services: teams and agents, the routing rules file (two faulty
 * lines reported with their numbers, nothing changed; a clean file accepted), a new sampling policy version, a failed
 * e-mail resent, the dead letters, and the 403 page for an agent.
 */
describe('web: the admins’ pages', () => {
  const rig = webRig('web-admin', { smtp: true });
  const { audit } = rig;
  let page: Page;
  let pages: CitizenPages;

  const asAdmin = async () =>
    createApiClients({ baseUrl: rig.platform.url, headers: { Authorization: await bearer('admin') } });

  const rulesCsv = async (): Promise<string> => {
    const answer = await (await asAdmin()).routing.GET('/api/directory/rules.csv', { parseAs: 'text' });
    expect(answer.response.status).toBe(200);
    return answer.data as string;
  };

  beforeAll(async () => {
    const session = await openSession(rig.browser);
    page = session.page;
    pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs('Thomas Petit', 'agent');
  });

  it('lists the admin tasks, shows the teams and agents, refuses an incomplete team next to its fields, then saves it', async () => {
    await pages.visit(`${rig.platform.url}/admin`);
    expect(await pages.heading()).toBe('Administration');
    await pages.follow('Équipes et agents');
    expect(await pages.heading()).toBe('Équipes et agents');
    const teams = page.locator('table', { has: page.locator('caption', { hasText: 'Équipes' }) });
    await expect(teams.getByRole('rowheader', { name: 'CAS-CAEN', exact: true }).count()).resolves.toBe(1);
    const agents = page.locator('table', { has: page.locator('caption', { hasText: 'Agents' }) });
    expect(await agents.locator('tbody tr').count()).toBeGreaterThan(0);

    await pages.fill('Code de l’équipe', 'maison-test');
    await pages.press('Enregistrer l’équipe');
    expect(await pages.errorSummary()).toEqual([
      'Saisissez le nom de l’équipe',
      'Saisissez le nom du contact public',
    ]);
    expect(await pages.errorNextTo('team-name')).toMatch(/^Erreur\s*:\s*Saisissez le nom de l’équipe$/);

    await pages.fill('Nom de l’équipe', 'Maison des solidarités (test)');
    await pages.fill('Contact public : nom affiché', 'Accueil de la maison');
    await pages.fill('Courriel public (facultatif)', 'maison@calvados.invalid');
    await page.locator('form[action="/admin/equipes/equipe"]').getByRole('button').click();
    await audit.check(page);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'L’équipe est enregistrée.',
    );
    await expect(teams.getByRole('rowheader', { name: 'MAISON-TEST', exact: true }).count()).resolves.toBe(1);

    await pages.fill('Identifiant de connexion', 'agent-maison-test');
    await pages.fill('Nom de l’agent', 'Agent de la maison');
    await pages.press('Enregistrer l’agent');
    expect(await pages.errorSummary()).toEqual(['Choisissez au moins une équipe']);
    await page.getByLabel('MAISON-TEST — Maison des solidarités (test)', { exact: true }).check();
    await pages.press('Enregistrer l’agent');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('L’agent est enregistré.');
    const row = agents.locator('tr', { has: page.getByRole('rowheader', { name: 'agent-maison-test' }) });
    expect((await row.locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      'Agent de la maison',
      '—',
      'MAISON-TEST',
    ]);

    // « Modifier » fills the team's form with what the directory holds.
    await pages.follow('Modifier l’équipe MAISON-TEST');
    expect(await page.getByLabel('Nom de l’équipe', { exact: true }).inputValue()).toBe(
      'Maison des solidarités (test)',
    );
    await pages.fill('Nom de l’équipe', 'Maison des solidarités de Lisieux (test)');
    await pages.press('Enregistrer l’équipe');
    await expect(
      teams.getByRole('cell', { name: 'Maison des solidarités de Lisieux (test)', exact: true }).count(),
    ).resolves.toBe(1);
  });

  it('reports both faulty lines of a rules file with their numbers and changes nothing, then accepts a clean file', async () => {
    const before = await rulesCsv();
    await pages.visit(`${rig.platform.url}/admin/regles`);
    expect(await pages.heading()).toBe('Règles d’orientation');

    // The download link: the same file as the API's, as an attachment.
    const download = await page.request.get(`${rig.platform.url}/admin/regles/regles.csv`);
    expect(download.headers()['content-disposition']).toBe('attachment; filename="regles-orientation.csv"');
    expect(await download.text()).toBe(before);

    await pages.press('Remplacer les règles');
    expect(await pages.errorSummary()).toEqual(['Choisissez le fichier CSV des règles']);

    // A file sent without the form's token (multipart: checked once read) is refused with the 403 page.
    const forged = await page.request.post(`${rig.platform.url}/admin/regles`, {
      multipart: { rules: { name: 'regles.csv', mimeType: 'text/csv', buffer: Buffer.from('sujet\n') } },
    });
    expect(forged.status()).toBe(403);
    expect(await rulesCsv()).toBe(before);

    const faulty = [
      'sujet,zone,code_zone,equipe',
      'apa,commune,14118,CAS-CAEN',
      'autonomie,planete,14118,CAS-CAEN',
      'apa,commune,14047,NULLE-PART',
      '',
    ].join('\n');
    await page.getByLabel('Fichier CSV des règles').setInputFiles({
      name: 'regles.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(faulty),
    });
    await pages.press('Remplacer les règles');
    const summary = await pages.errorSummary();
    expect(summary).toHaveLength(2);
    expect(summary[0]).toMatch(/^Ligne 3 : .*planete/);
    expect(summary[1]).toMatch(/^Ligne 4 : .*NULLE-PART/);
    expect(await pages.errorNextTo('rules-file')).toMatch(
      /^Erreur\s*:\s*Le fichier a 2 lignes fautives : aucune règle n’a été changée$/,
    );
    const lines = page.locator('table', { has: page.locator('caption', { hasText: 'Lignes fautives' }) });
    expect(await lines.locator('tbody th').allInnerTexts()).toEqual(['3', '4']);
    expect(await rulesCsv()).toBe(before);

    // The current file again: clean, accepted, every rule counted.
    const count = before.trim().split('\n').length - 1;
    await page.getByLabel('Fichier CSV des règles').setInputFiles({
      name: 'regles.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(before),
    });
    await pages.press('Remplacer les règles');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      `${count} règles en vigueur`,
    );
    expect(await rulesCsv()).toBe(before);
  });

  it('adds a risk rule to the APA policy, then sets its base rate to 100 % without it: each a new version, the previous one listed', async () => {
    await pages.visit(`${rig.platform.url}/admin/politiques`);
    await pages.follow(/autonomie/);
    expect(await pages.heading()).toMatch(
      /^Politique d’échantillonnage — Allocation personnalisée d’autonomie/,
    );
    await pages.fill('Taux aléatoire', '150');
    await pages.press('Enregistrer une nouvelle version');
    expect(await pages.errorNextTo('baseRate')).toMatch(
      /^Erreur\s*:\s*Le taux aléatoire doit être un pourcentage entre 0 et 100$/,
    );
    await pages.fill('Taux aléatoire', '50');
    await pages.fill('Plafond', '100');
    await pages.fill('Intitulé de la règle', 'Déposée par un tiers');
    await pages.fill('Fait du dossier', 'filedBy');
    await pages.select('Comparaison', 'égal à');
    await pages.fill('Valeur comparée', 'third_party');
    await pages.fill('Poids de la nouvelle règle', '10');
    await pages.press('Enregistrer une nouvelle version');
    const rules = page.locator('table', { has: page.locator('caption', { hasText: 'Règles de risque' }) });
    expect(await rules.locator('tbody tr').first().innerText()).toMatch(
      /Déposée par un tiers\s+filedBy = third_party\s+\+ 10 %/,
    );
    const first = /La version (\d+) de la politique/.exec(
      await page.locator('.govuk-notification-banner').innerText(),
    );
    expect(first).not.toBeNull();
    await pages.fill('Taux aléatoire', '100');
    await page.getByLabel('Retirer la règle « Déposée par un tiers »', { exact: true }).check();
    await pages.press('Enregistrer une nouvelle version');
    const version = Number(first?.[1]) + 1;
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      `La version ${version} de la politique est enregistrée`,
    );
    const rate = page.locator('.govuk-summary-list__row', { hasText: 'Taux aléatoire' });
    expect(await rate.locator('dd').innerText()).toBe('100 %');
    // The version before, listed with its own rate.
    const past = page.locator('table', { has: page.locator('caption', { hasText: 'Versions précédentes' }) });
    const previous = past.locator('tr', {
      has: page.getByRole('rowheader', { name: String(version - 1), exact: true }),
    });
    expect(await previous.locator('td').nth(1).innerText()).toBe('50 %');
    expect(await previous.locator('td').nth(3).innerText()).toBe('Déposée par un tiers (+ 10 %)');
    expect(await page.getByText('Aucune règle de risque').count()).toBe(1);
    const policy = await (
      await asAdmin()
    ).checks.GET('/api/sampling-policies/{procedure}', {
      params: { path: { procedure: 'apa' } },
    });
    expect((policy.data as unknown as { current: { baseRate: number } }).current.baseRate).toBe(1);
  });

  it('shows the empty states in French, then a refused e-mail that the admin resends', async () => {
    await pages.visit(`${rig.platform.url}/admin/lettres-mortes`);
    expect(await pages.heading()).toBe('Lettres mortes');
    expect(await page.getByText('Aucune lettre morte.').count()).toBe(4);
    await pages.visit(`${rig.platform.url}/admin/courriels`);
    expect(await page.getByText('Aucun courriel en échec').count()).toBe(1);

    // Every e-mail refused for good: the acknowledgement of a request filed through the API fails.
    rig.smtp.answer(() => ({ code: 550, message: 'Boîte inconnue' }));
    const citizen = createApiClients({
      baseUrl: rig.platform.url,
      headers: { Authorization: await bearer('citizen', { sub: 'demo-fille' }) },
    });
    const draft = await citizen.intake.POST('/api/applications', {
      body: { procedure: 'apa', data: validApaFormData() as unknown as Record<string, unknown> },
    });
    const id = draft.data?.id ?? '';
    const submitted = await citizen.intake.POST('/api/applications/{id}/submit', {
      params: { path: { id }, header: { 'Idempotency-Key': `admin-${id}` } },
      body: { swornStatement: true },
    });
    expect(submitted.response.status).toBe(201);
    await eventually(async () => {
      const failed = await (await asAdmin()).notifications.GET('/api/admin/notifications/messages');
      expect((failed.data as unknown as { total: number }).total).toBeGreaterThan(0);
    }, 30_000);

    rig.smtp.answer(() => undefined);
    await pages.visit(`${rig.platform.url}/admin/courriels`);
    expect(await page.locator('.govuk-tag', { hasText: 'Échec définitif' }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Boîte inconnue/).count()).toBeGreaterThan(0);
    const accepted = rig.smtp.mails.length;
    await page
      .getByRole('button', { name: /^Renvoyer/ })
      .first()
      .click();
    await audit.check(page);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'Le courriel a été renvoyé',
    );
    await eventually(() => expect(rig.smtp.mails.length).toBeGreaterThan(accepted), 30_000);
  });

  it('lists a dead letter with its error, and says so when replaying it fails again', async () => {
    // A message that is not JSON: every consumer of the subject parks it at once.
    const connection = await connect({ servers: rig.platform.nats.url });
    await jetstream(connection).publish(SUBJECTS.applicationSubmitted, '{ pas du JSON', { msgID: uuidv7() });
    await connection.close();
    await eventually(async () => {
      const letters = await (await asAdmin()).routing.GET('/api/admin/routing/dead-letters');
      expect((letters.data as unknown as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }, 30_000);

    await pages.visit(`${rig.platform.url}/admin/lettres-mortes`);
    expect(await page.getByText(/invalid message/).count()).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /^Rejouer l’événement guichet\.application\.submitted/ })
      .first()
      .click();
    await audit.check(page);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Le rejeu a échoué');
    await page.getByRole('button', { name: 'Tout rejouer : Orientation et instruction (routing)' }).click();
    await audit.check(page);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Le rejeu a échoué');
    expect(await page.getByRole('button', { name: /^Rejouer l’événement/ }).count()).toBeGreaterThan(0);
  });

  it('shows an agent and a citizen the French 403 page on the admin pages', async () => {
    const agent = await openSession(rig.browser);
    const agentPages = new CitizenPages(agent.page, audit);
    await agentPages.visit(`${rig.platform.url}/`);
    await agentPages.signInAs('Karim Benali', 'agent');
    for (const path of ['/admin', '/admin/regles', '/admin/politiques', '/admin/lettres-mortes']) {
      const answer = await agent.page.goto(`${rig.platform.url}${path}`);
      expect(answer?.status()).toBe(403);
      await audit.check(agent.page);
      expect(await agentPages.heading()).toBe('Vous n’avez pas accès à cette page');
    }
    await agent.context.close();

    const citizen = await openSession(rig.browser);
    const citizenPages = new CitizenPages(citizen.page, audit);
    await citizenPages.visit(`${rig.platform.url}/`);
    await citizenPages.signInAs('Claire Martin');
    const answer = await citizen.page.goto(`${rig.platform.url}/admin/equipes`);
    expect(answer?.status()).toBe(403);
    await audit.check(citizen.page);
    expect(await citizenPages.heading()).toBe('Vous n’avez pas accès à cette page');
    await citizen.context.close();
  });

  it('answers a procedure that does not exist with the 404 page', async () => {
    const answer = await page.goto(`${rig.platform.url}/admin/politiques/nulle-part`);
    expect(answer?.status()).toBe(404);
    await audit.check(page);
  });
});
