import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../libs/testing/src/browser/chromium.js';

/**
 * `npm run screenshots`: PNG screenshots of the main pages at 1 280 px and 375 px wide into docs/screenshots/,
 * taken from a running Guichet (`npm start` in another terminal; SCREENSHOTS_BASE_URL to use another one). It signs
 * in as the demo daughter on the local identity provider and fills a request as far as its receipt.
 */
const root = resolve(import.meta.dirname, '..', '..');
const base = process.env.SCREENSHOTS_BASE_URL ?? 'http://localhost:3000';
const folder = join(root, 'docs', 'screenshots');
const WIDTHS = [1280, 375] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 812 });
    await page.screenshot({ path: join(folder, `${name}-${width}.png`), fullPage: true });
  }
  process.stdout.write(`  ${name}\n`);
}

async function fill(page: Page, steps: [string, string][]): Promise<void> {
  for (const [label, value] of steps) await page.getByLabel(label, { exact: true }).fill(value);
}

async function choose(page: Page, question: string, option: string): Promise<void> {
  await page.getByRole('group', { name: question, exact: true }).getByLabel(option, { exact: true }).check();
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
}

async function main(): Promise<void> {
  try {
    await fetch(`${base}/health`);
  } catch {
    throw new Error(
      `Guichet ne répond pas sur ${base} : lancez d’abord « npm start » dans un autre terminal.`,
    );
  }
  mkdirSync(folder, { recursive: true });
  const browser = await launchChromium();
  const page = await browser.newPage({ locale: 'fr-FR' });
  page.setDefaultTimeout(15_000);
  process.stdout.write(`Captures d’écran dans ${folder} :\n`);
  try {
    await page.goto(`${base}/`);
    await shoot(page, 'accueil');
    await page.goto(`${base}/contact?commune=Bayeux&theme=autonomie`);
    await shoot(page, 'contact');
    await page.goto(`${base}/simulateur-apa`);
    await choose(page, 'Degré de perte d’autonomie (GIR)', 'GIR 3');
    await choose(page, 'La personne vit-elle seule ou en couple ?', 'Seule');
    await fill(page, [
      ['Ressources mensuelles du foyer', '1500'],
      ['Montant mensuel du plan d’aide (facultatif)', '900'],
    ]);
    await page.getByRole('button', { name: 'Estimer' }).click();
    await shoot(page, 'simulateur');
    await page.goto(`${base}/demarches/apa`);
    await shoot(page, 'demarche-apa');
    await page.goto(`${base}/connexion?retour=/demarches/apa`);
    await shoot(page, 'connexion');
    await page
      .getByRole('link', { name: /FranceConnect$/ })
      .first()
      .click();
    await shoot(page, 'fournisseur-identite');
    await page.getByRole('button', { name: 'Se connecter en tant que Claire Martin' }).click();
    await page.getByRole('button', { name: 'Commencer' }).click();
    await choose(page, 'Civilité', 'Madame');
    await fill(page, [
      ['Prénom', 'Jeanne'],
      ['Nom d’usage', 'Martin'],
    ]);
    const birth = page.getByRole('group', { name: 'Date de naissance', exact: true });
    await birth.getByLabel('Jour').fill('2');
    await birth.getByLabel('Mois').fill('3');
    await birth.getByLabel('Année').fill('2090');
    await next(page);
    await shoot(page, 'etape-erreur');
    await birth.getByLabel('Année').fill('1941');
    await next(page);
    await fill(page, [
      ['Adresse', '12 rue des Tilleuls'],
      ['Code postal', '14000'],
    ]);
    await page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Caen (14000)' });
    await next(page);
    await choose(page, 'Qui remplit cette demande ?', 'Un proche (famille, ami, voisin)');
    await fill(page, [
      ['Votre prénom (facultatif)', 'Claire'],
      ['Votre nom (facultatif)', 'Martin'],
      ['Votre adresse e-mail (facultatif)', 'claire.martin@demo.calvados.invalid'],
    ]);
    await next(page);
    await choose(
      page,
      'La personne âgée vit-elle en couple ?',
      'Seule (célibataire, veuve, divorcée ou séparée)',
    );
    await choose(page, 'Avec qui vit-elle ?', 'Seule');
    await next(page);
    await fill(page, [['Ressources mensuelles du foyer', '1500']]);
    await next(page);
    await choose(page, 'Un service d’aide à domicile vient-il chez elle ?', 'Non');
    await choose(page, 'Reçoit-elle des soins infirmiers à domicile ?', 'Non');
    await next(page);
    await choose(page, 'Perçoit-elle déjà l’une de ces aides ?', 'Aucune de ces aides');
    await next(page);
    for (const question of [
      'se laver',
      's’habiller',
      'manger',
      'se déplacer chez elle',
      'sortir de chez elle',
    ]) {
      await choose(page, `A-t-elle besoin d’aide pour ${question} ?`, 'Oui');
    }
    await choose(page, 'Vit-elle isolée ?', 'Non');
    await next(page);
    await shoot(page, 'etape-question-unique');
    await page.getByRole('radio', { name: 'Oui' }).check();
    await next(page);
    await shoot(page, 'verifier-reponses');
    await page.getByLabel(/Je déclare sur l’honneur/).check();
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.waitForURL(/recepisse$/);
    await shoot(page, 'recepisse');
    await page.getByRole('link', { name: 'la page de votre dossier' }).click();
    await shoot(page, 'dossier');
    const applicationId = new URL(page.url()).pathname.split('/')[2];
    await page.goto(`${base}/mes-demarches`);
    await shoot(page, 'mes-demarches');
    await page.goto(`${base}/mes-donnees`);
    await shoot(page, 'mes-donnees');
    await page.goto(`${base}/page-inconnue`);
    await shoot(page, 'page-introuvable');
    // The staff: sign out of Guichet and the provider, sign in as the Caen office's agent.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: /déconnecter/i }).click();
    await page.goto(`${base}/connexion?retour=/agents/dossiers`);
    const staff = { name: /compte du Département/ };
    await page.getByRole('link', staff).or(page.getByRole('button', staff)).first().click();
    await page.getByRole('button', { name: 'Se connecter en tant que Karim Benali' }).click();
    await page.waitForURL(/\/agents\/dossiers$/);
    await shoot(page, 'agents-dossiers');
    await page.locator('table a').first().click();
    await shoot(page, 'agents-dossier');
    // The auditor: a targeted control on the file, its page, the statistics.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: /déconnecter/i }).click();
    await page.goto(`${base}/connexion?retour=/controles/cible`);
    await page.getByRole('link', staff).or(page.getByRole('button', staff)).first().click();
    await page.getByRole('button', { name: 'Se connecter en tant que Nathalie Roux' }).click();
    await page.waitForURL(/\/controles\/cible$/);
    await page.getByLabel('Identifiant du dossier').fill(applicationId);
    await page
      .getByLabel('Motif du contrôle (consigné au journal d’audit)')
      .fill('Démonstration : contrôle ciblé.');
    await page.getByRole('button', { name: 'Ouvrir le contrôle' }).click();
    await shoot(page, 'controle');
    await page.goto(`${base}/controles/statistiques`);
    await shoot(page, 'statistiques');
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
