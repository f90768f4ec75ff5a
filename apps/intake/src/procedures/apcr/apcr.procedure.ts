import { DomainError } from '#domain';
import type { ApplicationFacts } from '#domain';
import type { Procedure, ProcedureContext, ProcedureProjection, ProcedureSettings } from '../procedure.js';
import { ApcrForm } from './apcr.form.js';
import { checkApcrEligibility, ownSharePercent } from './apcr.rules.js';

/** The commune that files, the small facts routing and checks need, the filer's e-mail and the label. */
export function projectApcr(form: ApcrForm, context: ProcedureContext): ProcedureProjection {
  const commune = context.communes.find(form.commune.inseeCode);
  if (!commune) {
    throw new DomainError(
      'COMMUNE_UNKNOWN',
      `La commune ${form.commune.inseeCode} est inconnue.`,
      'unprocessable',
    );
  }
  const facts: ApplicationFacts = {
    projectCategory: form.project.category,
    costExcludingTaxCents: form.project.costExcludingTaxCents,
    requestedAmountCents: form.financing.requestedAmountCents,
    ownSharePercent: ownSharePercent(form.financing),
  };
  // An eligible commune always has a population; the guard keeps the facts scalar for the type.
  if (commune.population !== undefined) facts.population = commune.population;
  return {
    commune,
    facts,
    contactEmail: form.filer.email,
    label: `APCR — ${commune.name} : ${form.project.title.trim()}`,
  };
}

/** The configured population threshold, written the French way ("2 000"). */
function inhabitants(settings: ProcedureSettings): string {
  return new Intl.NumberFormat('fr-FR').format(settings.apcrPopulationThreshold);
}

/** APCR: the Calvados grant for the works of small rural communes. */
/** One project of each group per commune and year: general; energy renovation or digital; fire defence. */
const ANNUAL_GROUPS: Record<ApcrForm['project']['category'], { key: string; label: string }> = {
  general: { key: 'general', label: 'un projet général' },
  energy_renovation: { key: 'energy-or-digital', label: 'un projet de rénovation énergétique ou numérique' },
  digital: { key: 'energy-or-digital', label: 'un projet de rénovation énergétique ou numérique' },
  fire_defence: { key: 'fire-defence', label: 'un projet de défense incendie' },
};

export const apcrProcedure: Procedure<ApcrForm> = {
  code: 'apcr',
  receiptPrefix: 'APCR',
  title: 'Aide aux petites communes rurales (APCR)',
  description: (settings) =>
    `Le Département aide les communes de moins de ${inhabitants(settings)} habitants à financer des travaux : réseaux d’eaux ` +
    'pluviales, accessibilité, église et cimetière, défense incendie, isolation de la mairie, aires de jeux… ' +
    'La demande est déposée par le maire ou une personne mandatée par la commune ; les pièces (devis, délibération, ' +
    'RIB…) ne sont pas demandées au dépôt, un agent pourra les demander ensuite.',
  formClass: ApcrForm,
  deadline: {
    months: 2,
    silenceMeans: 'rejected',
    infoRequestEffect: 'suspends',
    legalBasis: 'CRPA L231-4',
    explanation:
      'La commission permanente du Département décide dans les 2 mois ; sans réponse dans ce délai, la demande ' +
      'de subvention est réputée refusée. Une demande de pièces suspend ce délai jusqu’à la réponse, et au plus ' +
      'tard jusqu’à la date fixée pour répondre : il reprend ensuite, même sans réponse (CRPA, article L114-5).',
  },
  annualQuota(form) {
    const group = ANNUAL_GROUPS[form.project.category];
    return {
      key: `${form.commune.inseeCode}:${group.key}`,
      refusal: {
        field: 'project.category',
        code: 'APCR_ANNUAL_LIMIT',
        message: `La commune a déjà déposé cette année ${group.label} : une seule demande de ce type est possible par an.`,
      },
    };
  },
  rules: [
    (settings) =>
      `La commune doit se trouver dans un département servi par ce téléservice et compter moins de ` +
      `${inhabitants(settings)} habitants (population municipale)` +
      (settings.apcrAdmitCommunesNouvelles
        ? ' ; les communes nouvelles plus peuplées peuvent être admises (règlement de 2020).'
        : '.'),
    'Le projet doit représenter au moins 3 000 € HT de dépenses.',
    'La commune doit financer au moins 20 % des financements publics du projet (CGCT, article L1111-10).',
    'L’aide demandée doit être supérieure à zéro et ne pas dépasser le coût du projet.',
    'Le plan de financement doit couvrir exactement le coût du projet ; un écart est signalé.',
    'Les travaux ne doivent pas commencer avant la notification de la subvention ; un début prévu avant la ' +
      'décision attendue est signalé.',
    'Le projet doit avoir été approuvé par le conseil municipal : la date de la délibération ne peut pas être future.',
    'Chaque année, une commune peut présenter au plus un projet général, un projet de rénovation énergétique ou numérique, ' +
      'et un projet de défense incendie.',
    'Sans réponse dans les 2 mois, la demande est réputée refusée (CRPA, article L231-4).',
  ],
  checkEligibility: checkApcrEligibility,
  project: projectApcr,
};
