import { DomainError, ageOn } from '#domain';
import type { Procedure, ProcedureContext, ProcedureProjection } from '../procedure.js';
import { ApaForm } from './apa.form.js';
import { checkApaEligibility, contactOf } from './apa.rules.js';

/** "APA — Jeanne MARTIN": the first name as written, the last name in capitals as on French official mail. */
export function apaLabel(form: Pick<ApaForm, 'beneficiary'>): string {
  const { firstName, lastName } = form.beneficiary;
  return `APA — ${firstName.trim()} ${lastName.trim().toLocaleUpperCase('fr-FR')}`;
}

/** The commune of the home, the small facts routing and checks need (no identity), the contact and the label. */
export function projectApa(form: ApaForm, context: ProcedureContext): ProcedureProjection {
  const commune = context.communes.find(form.address.communeInsee);
  if (!commune) {
    throw new DomainError(
      'COMMUNE_UNKNOWN',
      `La commune ${form.address.communeInsee} est inconnue.`,
      'unprocessable',
    );
  }
  const contactEmail = contactOf(form).email;
  return {
    commune,
    facts: {
      age: ageOn(form.beneficiary.birthDate, context.today),
      household: form.household.situation,
      monthlyResourcesCents: form.resources.monthlyResourcesCents,
      filedBy: form.filer.kind,
      receivesOtherBenefit: form.otherBenefits.some((benefit) => benefit !== 'aucune'),
    },
    ...(contactEmail ? { contactEmail } : {}),
    label: apaLabel(form),
  };
}

/** APA à domicile: the département's allowance for people aged 60 or more who need help at home. */
export const apaProcedure: Procedure<ApaForm> = {
  code: 'apa',
  receiptPrefix: 'APA',
  title: 'Allocation personnalisée d’autonomie (APA) à domicile',
  description:
    'L’APA aide les personnes de 60 ans ou plus qui ont besoin d’aide pour les gestes du quotidien à payer les ' +
    'aides à domicile (aide à domicile, portage de repas, aides techniques, accueil de jour…). La demande peut ' +
    'être faite par la personne elle-même, un proche ou son tuteur. Après le dépôt, une équipe du Département ' +
    'vient au domicile évaluer les besoins et propose un plan d’aide.',
  formClass: ApaForm,
  deadline: {
    months: 2,
    silenceMeans: 'granted',
    infoRequestEffect: 'restarts',
    legalBasis: 'CASF L232-14, R232-23 et R232-29',
    explanation:
      'Le président du conseil départemental décide dans les 2 mois qui suivent la réception du dossier complet ; ' +
      'sans réponse dans ce délai, l’APA est accordée d’office, à titre provisoire, pour un montant forfaitaire.',
  },
  rules: [
    'Le bénéficiaire doit avoir 60 ans ou plus à la date de la demande (CASF, article L232-1).',
    'Le domicile doit se trouver dans une commune d’un département servi par ce téléservice, et le code postal ' +
      'doit être celui de la commune.',
    'Pour un couple, l’identité du conjoint, concubin ou partenaire de PACS est demandée.',
    'Une adresse e-mail ou un numéro de téléphone est nécessaire pour joindre la personne qui suit la demande.',
    'Le degré de perte d’autonomie (GIR) n’est pas demandé : l’équipe médico-sociale du Département l’évalue au ' +
      'domicile ; seuls les GIR 1 à 4 ouvrent droit à l’APA (CASF, article R232-4).',
    'Si aucun besoin d’aide n’est déclaré, la demande relève peut-être de la caisse de retraite : elle est tout de ' +
      'même transmise.',
    'Sans accord pour l’échange de données, des justificatifs seront demandés et l’instruction sera plus longue.',
    'Sans réponse 2 mois après le dossier complet, l’APA est accordée à titre provisoire pour un montant forfaitaire ' +
      '(CASF, articles L232-14 et R232-29).',
  ],
  checkEligibility: checkApaEligibility,
  project: projectApa,
};
