import { PDF } from '../apps/intake/test/evidence.fixture.js';
import { eventually } from '#testing';
import { openSession, webRig } from './support/browser.js';
import { APA_PARTS, CitizenPages } from './support/citizen-pages.js';
import { readableHeader } from './support/mail.js';

const NEXT = 'Enregistrer et continuer';
const DAUGHTER_EMAIL = 'claire.martin@demo.calvados.invalid';

/**
 * One file across every role, each in their own browser: the admin samples every APA file, the daughter files, the
 * Caen agent claims, evaluates, proposes the plan, the daughter accepts, the agent grants (the preview is what she
 * reads), the auditor controls the file drawn, the daughter sends her evidence and answers, the auditor concludes an
 * overpayment, the daughter reads the conclusion and its remedies. Each e-mail she is due reaches the catcher once.
 */
describe('web: one APA file from the sampling policy to the control’s conclusion, every role in its browser', () => {
  const rig = webRig('web-cross-role', { smtp: true });
  const { audit } = rig;

  async function person(name: string, via: 'FranceConnect' | 'agent', width: number) {
    const { page } = await openSession(rig.browser, { width });
    const pages = new CitizenPages(page, audit);
    await pages.visit(`${rig.platform.url}/`);
    await pages.signInAs(name, via);
    return { page, pages };
  }

  it('goes through intake, routing, checks and notifications from the browsers only', async () => {
    const url = rig.platform.url;
    // The admin samples every APA file (rate 100 %).
    const admin = await person('Thomas Petit', 'agent', 1280);
    await admin.pages.visit(`${url}/admin/politiques`);
    await admin.pages.follow(/autonomie/);
    await admin.pages.fill('Taux aléatoire', '100');
    await admin.pages.fill('Plafond', '100');
    await admin.pages.press('Enregistrer une nouvelle version');
    expect(await admin.page.locator('.govuk-notification-banner').innerText()).toMatch(
      /La version \d+ de la politique est enregistrée/,
    );

    // The daughter files on her phone.
    const daughter = await person('Claire Martin', 'FranceConnect', 375);
    await daughter.pages.visit(`${url}/demarches/apa`);
    await daughter.pages.press('Commencer');
    await APA_PARTS.beneficiary(daughter.pages);
    await daughter.pages.press(NEXT);
    await APA_PARTS.address(daughter.pages);
    await daughter.pages.press(NEXT);
    await APA_PARTS.filer(daughter.pages, DAUGHTER_EMAIL);
    await daughter.pages.press(NEXT);
    for (const part of [
      'household',
      'resources',
      'currentHelp',
      'otherBenefits',
      'autonomy',
      'consentDataExchange',
    ] as const) {
      await (APA_PARTS[part] as (pages: CitizenPages) => Promise<void>)(daughter.pages);
      await daughter.pages.press(NEXT);
    }
    await daughter.page.getByLabel(/Je déclare sur l’honneur/).check();
    await daughter.pages.press('Envoyer la demande');
    const receiptNumber = (await daughter.page.locator('.govuk-panel__body strong').innerText()).trim();
    const fileUrl = `${url}/dossiers/${new URL(daughter.page.url()).pathname.split('/')[2]}`;

    // The Caen agent finds it within seconds, claims it, evaluates, proposes the plan.
    const agent = await person('Karim Benali', 'agent', 1024);
    await eventually(
      async () => {
        await agent.pages.visit(`${url}/agents/dossiers`);
        expect(await agent.page.getByRole('link', { name: receiptNumber }).count()).toBe(1);
      },
      30_000,
      500,
    );
    await agent.pages.follow(receiptNumber);
    const agentFileUrl = agent.page.url();
    await agent.pages.press('Prendre en charge');
    await agent.page.getByLabel('GIR 3', { exact: true }).check();
    await agent.pages.press('Enregistrer l’évaluation');
    await agent.pages.fill('Montant mensuel du plan d’aide', '900');
    await agent.pages.press('Voir la participation et l’APA');
    await agent.pages.press('Proposer ce plan au bénéficiaire');

    // The daughter accepts it.
    await eventually(
      async () => {
        await daughter.pages.visit(fileUrl);
        expect(await daughter.page.getByText('Votre plan d’aide vous est proposé').count()).toBe(1);
      },
      30_000,
      500,
    );
    await daughter.page.getByLabel('Oui, j’accepte le plan d’aide').check();
    await daughter.pages.press('Envoyer ma réponse');

    // The agent grants; the preview is what the daughter then reads.
    await eventually(
      async () => {
        await agent.pages.visit(agentFileUrl);
        expect(await agent.page.getByText(/accepté par le bénéficiaire/).count()).toBe(1);
      },
      30_000,
      500,
    );
    await agent.page.getByLabel('Accorder').check();
    await agent.pages.press('Voir la décision avant de la notifier');
    const preview = await agent.page.locator('.govuk-inset-text').innerText();
    const amount = /Montant : ([\d\s\u202f\u00a0,]+€)/.exec(preview)?.[1] ?? '';
    // 1 450 € a month, GIR 3, a 900 € plan: the API's calculator decides the figure; the daughter must read the same.
    expect(amount).toMatch(/^\d{3},\d{2}/);
    await agent.pages.press('Confirmer et notifier la décision');
    await eventually(
      async () => {
        await daughter.pages.visit(fileUrl);
        expect(await daughter.page.getByRole('heading', { name: 'Demande accordée' }).count()).toBe(1);
      },
      30_000,
      500,
    );
    expect(await daughter.page.getByText(`Montant : ${amount} par mois.`, { exact: false }).count()).toBe(1);
    expect(await daughter.page.getByText(/Voies et délais de recours/).count()).toBe(1);

    // The auditor sees the file drawn (rate 100 %), with its proof, and asks for evidence.
    const auditor = await person('Nathalie Roux', 'agent', 1024);
    await eventually(
      async () => {
        await auditor.pages.visit(`${url}/controles`);
        expect(await auditor.page.locator('table tbody tr').count()).toBe(1);
      },
      30_000,
      500,
    );
    await auditor.page.locator('table tbody a').first().click();
    await audit.check(auditor.page);
    expect(await auditor.page.locator('ol.govuk-list--number').innerText()).toMatch(/dossier sélectionné/);
    const caseUrl = auditor.page.url();
    await auditor.pages.fill('Pièces demandées (une par ligne)', 'Dernier avis d’imposition');
    await auditor.pages.fill('Message au demandeur', 'Merci de transmettre votre dernier avis d’imposition.');
    await auditor.pages.press('Demander les pièces');

    // The daughter sends the PDF.
    await eventually(
      async () => {
        await daughter.pages.visit(fileUrl);
        expect(await daughter.page.getByLabel('Justificatif').count()).toBe(1);
      },
      30_000,
      500,
    );
    await daughter.page
      .getByLabel('Justificatif')
      .setInputFiles({ name: 'avis-imposition.pdf', mimeType: 'application/pdf', buffer: PDF });
    await daughter.pages.press('Envoyer le justificatif');
    expect(await daughter.page.getByText('Votre justificatif a été envoyé.').count()).toBe(1);

    // The auditor proposes an overpayment, the daughter answers, the auditor concludes with the recovery plan.
    await eventually(
      async () => {
        await auditor.pages.visit(caseUrl);
        expect(await auditor.page.getByRole('link', { name: 'avis-imposition.pdf' }).count()).toBe(1);
      },
      30_000,
      500,
    );
    await auditor.page
      .getByRole('group', { name: 'Conclusion envisagée' })
      .getByLabel('Indu à récupérer')
      .check();
    await auditor.page.locator('#proposition-reason').fill('Une pension de réversion n’a pas été déclarée.');
    await auditor.page.locator('#proposition-overpaymentCents').fill('900');
    await auditor.pages.press('Envoyer la proposition');
    await eventually(
      async () => {
        await daughter.pages.visit(fileUrl);
        expect(await daughter.page.getByText(/votre avis est demandé/).count()).toBe(1);
      },
      30_000,
      500,
    );
    await daughter.pages.fill('Votre réponse', 'J’avais oublié cette pension ; je la déclare désormais.');
    await daughter.pages.press('Envoyer ma réponse');
    await eventually(
      async () => {
        await auditor.pages.visit(caseUrl);
        expect(
          await auditor.page.getByText('J’avais oublié cette pension ; je la déclare désormais.').count(),
        ).toBe(1);
      },
      30_000,
      500,
    );
    const conclusion = auditor.page.getByRole('group', { name: 'Conclusion', exact: true });
    await conclusion.getByLabel('Indu à récupérer').check();
    await auditor.page
      .locator('#conclusion-reason')
      .fill('Pension de réversion non déclarée : indu de 900 €.');
    await auditor.page.locator('#conclusion-overpaymentCents').fill('900');
    await auditor.page.locator('#conclusion-monthlyPaymentCents').fill('771,55');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' })
      .format(new Date())
      .split('-');
    await auditor.pages.date(
      'Date du dernier versement concerné',
      String(Number(today[2])),
      String(Number(today[1])),
      today[0],
    );
    await auditor.pages.press('Conclure le contrôle');
    expect(
      await auditor.page.locator('.govuk-summary-card', { hasText: 'Plan de récupération' }).count(),
    ).toBe(1);
    await auditor.pages.press('Confirmer et notifier la conclusion');
    expect(
      await auditor.page.locator('.govuk-summary-card', { hasText: 'Plan de récupération' }).count(),
    ).toBe(1);

    // The daughter reads the conclusion and its remedies in her file's history.
    await eventually(
      async () => {
        await daughter.pages.visit(fileUrl);
        const history = await daughter.page.locator('ol.govuk-list').innerText();
        expect(history).toMatch(/conclusion du contrôle|contrôle .* conclu/i);
        expect(history).toMatch(/recours/i);
      },
      30_000,
      500,
    );

    // Each e-mail she is due, once.
    const expected = [
      /^Accusé de réception de votre demande /,
      /est confié à Circonscription d’action sociale de Caen/,
      /: proposition de plan d’aide$/,
      /^Décision sur votre demande /,
      /: contrôle de vos déclarations$/,
      /: pièces justificatives à transmettre avant le /,
      /: conclusion envisagée du contrôle — vos observations$/,
      /: conclusion du contrôle$/,
    ];
    const subjects = () =>
      rig.smtp.mails
        .filter((mail) => mail.to.includes(DAUGHTER_EMAIL))
        .map((mail) => readableHeader(mail.subject));
    await eventually(
      () => {
        for (const pattern of expected)
          expect(subjects().filter((subject) => pattern.test(subject))).toHaveLength(1);
      },
      30_000,
      200,
    );
    const all = subjects();
    expect(new Set(all).size).toBe(all.length);
  }, 300_000);
});
