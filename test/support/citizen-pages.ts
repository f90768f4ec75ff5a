import type { Page } from 'playwright-core';
import type { AccessibilityAudit } from './browser.js';

/** What a person does on the pages, by the labels and buttons they read (no CSS selectors). */
export class CitizenPages {
  constructor(
    readonly page: Page,
    private readonly audit: AccessibilityAudit,
  ) {}

  async visit(url: string): Promise<void> {
    await this.page.goto(url);
    await this.audit.check(this.page);
  }

  async heading(): Promise<string> {
    return (await this.page.locator('h1').first().innerText()).trim();
  }

  /** Signs in through the local provider's page, pressing the demo person's button. */
  async signInAs(name: string, via: 'FranceConnect' | 'agent' = 'FranceConnect'): Promise<void> {
    if (!/\/connexion/.test(this.page.url())) {
      await this.openMenu();
      await this.page.getByRole('link', { name: 'Se connecter', exact: true }).first().click();
    }
    await this.audit.check(this.page);
    if (via === 'FranceConnect')
      await this.page
        .getByRole('link', { name: /FranceConnect$/ })
        .first()
        .click();
    else {
      const staff = { name: /compte du Département/ };
      await this.page.getByRole('link', staff).or(this.page.getByRole('button', staff)).first().click();
    }
    await this.audit.check(this.page);
    await this.page.getByRole('button', { name: `Se connecter en tant que ${name}` }).click();
    await this.audit.check(this.page);
  }

  /** Signs out of Guichet and of the provider (its confirmation page). */
  async signOut(): Promise<void> {
    await this.openMenu();
    await this.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await this.audit.check(this.page);
    const confirm = this.page.getByRole('button', { name: /déconnecter/i });
    if (
      (await confirm.count()) > 0 &&
      !(await this.page.getByRole('link', { name: 'Se connecter', exact: true }).count())
    ) {
      await confirm.first().click();
      await this.audit.check(this.page);
    }
  }

  /** On a phone with JavaScript, the service navigation folds into a « Menu » button. */
  async openMenu(): Promise<void> {
    const menu = this.page.getByRole('button', { name: 'Menu' });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async choose(question: string, option: string): Promise<void> {
    await this.page
      .getByRole('group', { name: question, exact: true })
      .getByLabel(option, { exact: true })
      .check();
  }

  async tick(question: string, option: string): Promise<void> {
    await this.choose(question, option);
  }

  async select(label: string, optionLabel: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: optionLabel });
  }

  async date(question: string, day: string, month: string, year: string): Promise<void> {
    const group = this.page.getByRole('group', { name: question, exact: true });
    await group.getByLabel('Jour', { exact: true }).fill(day);
    await group.getByLabel('Mois', { exact: true }).fill(month);
    await group.getByLabel('Année', { exact: true }).fill(year);
  }

  async press(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await this.audit.check(this.page);
  }

  /** A link, or a link drawn as a button (GOV.UK's start button). */
  async follow(link: string | RegExp): Promise<void> {
    const byName = { name: link };
    try {
      await this.page.getByRole('link', byName).or(this.page.getByRole('button', byName)).first().click();
    } catch (error) {
      // Say which page was there instead (an error page, another step), not only that the link was not.
      const heading = await this.page
        .locator('h1')
        .first()
        .innerText({ timeout: 1_000 })
        .catch(() => '?');
      throw new Error(`no « ${String(link)} » on ${this.page.url()} (« ${heading} »): ${String(error)}`, {
        cause: error,
      });
    }
    await this.audit.check(this.page);
  }

  /** The error message next to a field, as the error message component writes it (« Erreur : … »). */
  async errorNextTo(fieldId: string): Promise<string> {
    return (await this.page.locator(`#${fieldId}-error`).innerText()).trim();
  }

  async errorSummary(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary__list a').allInnerTexts();
  }
}

/** The APA answers of the demo daughter for her mother, part by part (labels as intake's form schema gives them). */
export const APA_PARTS = {
  async beneficiary(pages: CitizenPages, birthYear = '1941'): Promise<void> {
    await pages.choose('Civilité', 'Madame');
    await pages.fill('Prénom', 'Jeanne');
    await pages.fill('Nom d’usage', 'Martin');
    await pages.date('Date de naissance', '2', '3', birthYear);
  },
  async address(pages: CitizenPages): Promise<void> {
    await pages.fill('Adresse', '12 rue des Tilleuls');
    await pages.fill('Code postal', '14000');
    await pages.select('Commune', 'Caen (14000)');
  },
  async filer(pages: CitizenPages, email: string): Promise<void> {
    await pages.choose('Qui remplit cette demande ?', 'Un proche (famille, ami, voisin)');
    await pages.fill('Votre prénom (facultatif)', 'Claire');
    await pages.fill('Votre nom (facultatif)', 'Martin');
    await pages.fill('Votre lien avec la personne âgée (facultatif)', 'fille');
    await pages.fill('Votre adresse e-mail (facultatif)', email);
  },
  async household(pages: CitizenPages): Promise<void> {
    await pages.choose(
      'La personne âgée vit-elle en couple ?',
      'Seule (célibataire, veuve, divorcée ou séparée)',
    );
    await pages.choose('Avec qui vit-elle ?', 'Seule');
  },
  async resources(pages: CitizenPages, euros = '1450'): Promise<void> {
    await pages.fill('Ressources mensuelles du foyer', euros);
  },
  async currentHelp(pages: CitizenPages): Promise<void> {
    await pages.choose('Un service d’aide à domicile vient-il chez elle ?', 'Non');
    await pages.choose('Reçoit-elle des soins infirmiers à domicile ?', 'Non');
  },
  async otherBenefits(pages: CitizenPages): Promise<void> {
    await pages.tick('Perçoit-elle déjà l’une de ces aides ?', 'Aucune de ces aides');
  },
  async autonomy(pages: CitizenPages): Promise<void> {
    await pages.choose('A-t-elle besoin d’aide pour se laver ?', 'Oui');
    await pages.choose('A-t-elle besoin d’aide pour s’habiller ?', 'Oui');
    await pages.choose('A-t-elle besoin d’aide pour manger ?', 'Non');
    await pages.choose('A-t-elle besoin d’aide pour se déplacer chez elle ?', 'Non');
    await pages.choose('A-t-elle besoin d’aide pour sortir de chez elle ?', 'Oui');
    await pages.choose('Vit-elle isolée ?', 'Non');
  },
  async consentDataExchange(pages: CitizenPages): Promise<void> {
    await pages.choose(
      'Acceptez-vous que le Département échange les informations utiles à la demande avec les caisses de retraite et les autres administrations ?',
      'Oui',
    );
  },
};
