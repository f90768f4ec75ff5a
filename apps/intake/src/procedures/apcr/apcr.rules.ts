import { addMonths, cents, euros, frenchDate } from '#domain';
import type { Commune, LegalDate } from '#domain';
import { servedDepartementsLabel } from '../form-fields.js';
import type { EligibilityResult, ProcedureContext, ProcedureSettings, RuleFinding } from '../procedure.js';
import type { ApcrFinancing, ApcrForm, ApcrProject } from './apcr.form.js';

/** Minimum spend of an APCR project: 3 000 € HT (rules of the Calvados APCR). */
export const APCR_MINIMUM_COST_CENTS = 300_000;
/** CGCT L1111-10: the commune funds at least 20 % of the public financing of its project. */
export const APCR_MINIMUM_OWN_SHARE_PERCENT = 20;
/** Months the département has to decide (CRPA L231-4: silence means refusal after 2 months). */
export const APCR_DECISION_MONTHS = 2;

const NUMBER = new Intl.NumberFormat('fr-FR');

function money(amountCents: number): string {
  return euros(cents(amountCents));
}

/**
 * The commune is a current commune of a served département (the APCR is a Calvados grant), small enough: population
 * municipale under the threshold (2 000), communes nouvelles above it admitted when configured (rules of 2020).
 */
export function checkCommune(inseeCode: string, context: ProcedureContext): RuleFinding[] {
  const field = 'commune.inseeCode';
  const commune = context.communes.find(inseeCode);
  if (!commune) {
    return [
      {
        field,
        code: 'COMMUNE_UNKNOWN',
        message: `Le code ${inseeCode} ne correspond à aucune commune actuelle : indiquez le code INSEE de la commune (il diffère du code postal).`,
      },
    ];
  }
  if (!context.settings.servedDepartements.includes(commune.departement)) {
    return [
      {
        field,
        code: 'COMMUNE_OUTSIDE_DEPARTEMENT',
        message:
          `Ce téléservice instruit les demandes ${servedDepartementsLabel(context.settings)} ; ${commune.name} ` +
          `(${commune.code}) est dans le département ${commune.departement} et ne peut pas demander cette aide.`,
      },
    ];
  }
  return checkPopulation(commune, context.settings);
}

/** Population municipale strictly below `apcrPopulationThreshold`, or a commune nouvelle when they are admitted. */
export function checkPopulation(commune: Commune, settings: ProcedureSettings): RuleFinding[] {
  const field = 'commune.inseeCode';
  const threshold = NUMBER.format(settings.apcrPopulationThreshold);
  if (commune.population === undefined) {
    return [
      {
        field,
        code: 'APCR_POPULATION_UNKNOWN',
        message:
          `La population de ${commune.name} n’est pas connue de ce téléservice, qui ne peut donc pas vérifier le ` +
          `seuil de ${threshold} habitants : contactez le service des aides aux communes du Département pour déposer la demande.`,
      },
    ];
  }
  if (commune.population < settings.apcrPopulationThreshold) return [];
  if (settings.apcrAdmitCommunesNouvelles && commune.isCommuneNouvelle) return [];
  return [
    {
      field,
      code: 'APCR_POPULATION_TOO_HIGH',
      message:
        `L’aide aux petites communes rurales est réservée aux communes de moins de ${threshold} habitants ` +
        `(population municipale) ; ${commune.name} en compte ${NUMBER.format(commune.population)}.`,
    },
  ];
}

/** Minimum spend of 3 000 € HT. */
export function checkCost(project: Pick<ApcrProject, 'costExcludingTaxCents'>): RuleFinding[] {
  if (project.costExcludingTaxCents >= APCR_MINIMUM_COST_CENTS) return [];
  return [
    {
      field: 'project.costExcludingTaxCents',
      code: 'APCR_COST_TOO_LOW',
      message:
        `Le projet doit représenter au moins ${money(APCR_MINIMUM_COST_CENTS)} HT de dépenses ; le coût indiqué ` +
        `est de ${money(project.costExcludingTaxCents)} HT.`,
    },
  ];
}

/** The grant asked is more than zero and no more than the cost of the works. */
export function checkRequestedAmount(form: Pick<ApcrForm, 'project' | 'financing'>): RuleFinding[] {
  const field = 'financing.requestedAmountCents';
  const { requestedAmountCents } = form.financing;
  if (requestedAmountCents <= 0) {
    return [
      {
        field,
        code: 'APCR_REQUESTED_AMOUNT_MISSING',
        message: 'Indiquez le montant de l’aide demandée au Département.',
      },
    ];
  }
  if (requestedAmountCents <= form.project.costExcludingTaxCents) return [];
  return [
    {
      field,
      code: 'APCR_REQUESTED_ABOVE_COST',
      message:
        `L’aide demandée (${money(requestedAmountCents)}) dépasse le coût du projet ` +
        `(${money(form.project.costExcludingTaxCents)} HT) : elle ne peut pas en financer plus que la totalité.`,
    },
  ];
}

/** Own funds + grant asked + other grants: the public financing of the project (every funder counted). */
export function publicFinancingCents(financing: ApcrFinancing): number {
  const others = financing.otherGrants.reduce((sum, grant) => sum + grant.amountCents, 0);
  return financing.ownFundingCents + financing.requestedAmountCents + others;
}

/** The commune's share of the public financing in whole percent, rounded down (19,9 % is not 20 %); 0 without financing. */
export function ownSharePercent(financing: ApcrFinancing): number {
  const total = publicFinancingCents(financing);
  return total === 0 ? 0 : Math.floor((financing.ownFundingCents * 100) / total);
}

/**
 * CGCT L1111-10 (III): the project owner funds at least 20 % of the public financing. Checked exactly in cents
 * (own × 100 ≥ 20 × total); the smallest own funds that would do, with the rest unchanged, is a quarter of the rest.
 */
export function checkOwnShare(financing: ApcrFinancing): RuleFinding[] {
  const total = publicFinancingCents(financing);
  if (total === 0 || financing.ownFundingCents * 100 >= APCR_MINIMUM_OWN_SHARE_PERCENT * total) return [];
  const rest = total - financing.ownFundingCents;
  const needed = Math.ceil((rest * APCR_MINIMUM_OWN_SHARE_PERCENT) / (100 - APCR_MINIMUM_OWN_SHARE_PERCENT));
  return [
    {
      field: 'financing.ownFundingCents',
      code: 'APCR_OWN_SHARE_TOO_LOW',
      message:
        `La commune doit financer elle-même au moins ${APCR_MINIMUM_OWN_SHARE_PERCENT} % des financements publics du ` +
        `projet (article L1111-10 du code général des collectivités territoriales) : ${money(financing.ownFundingCents)} ` +
        `sur ${money(total)}, soit ${ownSharePercent(financing)} %. Il faudrait au moins ${money(needed)} de fonds ` +
        `propres, ou une aide demandée plus faible.`,
    },
  ];
}

/** The financing plan should balance: own funds + grants = cost of the works. */
export function financingWarnings(form: Pick<ApcrForm, 'project' | 'financing'>): RuleFinding[] {
  const total = publicFinancingCents(form.financing);
  const cost = form.project.costExcludingTaxCents;
  if (total === cost) return [];
  return [
    {
      field: 'financing',
      code: 'APCR_FINANCING_MISMATCH',
      message:
        `Le plan de financement (${money(total)}) ne correspond pas au coût du projet (${money(cost)} HT) : ` +
        `l’agent qui instruit la demande pourra vous demander de le corriger.`,
    },
  ];
}

/** The grant must be notified before the works start: a start before the expected decision (today + 2 months) is flagged. */
export function startDateWarnings(
  project: Pick<ApcrProject, 'plannedStartDate'>,
  today: LegalDate,
): RuleFinding[] {
  const expectedDecision = addMonths(today, APCR_DECISION_MONTHS);
  if (project.plannedStartDate >= expectedDecision) return [];
  return [
    {
      field: 'project.plannedStartDate',
      code: 'APCR_WORKS_BEFORE_DECISION',
      message:
        'Les travaux ne doivent pas commencer avant la notification de la subvention : un projet commencé avant ' +
        `ne peut pas être aidé. La décision est attendue d’ici le ${frenchDate(expectedDecision)} ; ` +
        `le début des travaux est prévu le ${frenchDate(project.plannedStartDate)}.`,
    },
  ];
}

/** The municipal council approved the project before the filing: its deliberation cannot be dated in the future. */
export function checkDeliberationDate(councilDeliberationDate: LegalDate, today: LegalDate): RuleFinding[] {
  if (councilDeliberationDate <= today) return [];
  return [
    {
      field: 'councilDeliberationDate',
      code: 'APCR_DELIBERATION_IN_FUTURE',
      message:
        `La délibération du conseil municipal est datée du ${frenchDate(councilDeliberationDate)}, après ` +
        'aujourd’hui : la demande se dépose une fois le projet approuvé par le conseil municipal.',
    },
  ];
}

/** Every APCR rule on a complete form: refusals block the filing, warnings are shown with the receipt. */
export function checkApcrEligibility(form: ApcrForm, context: ProcedureContext): EligibilityResult {
  return {
    refusals: [
      ...checkCommune(form.commune.inseeCode, context),
      ...checkCost(form.project),
      ...checkRequestedAmount(form),
      ...checkOwnShare(form.financing),
      ...checkDeliberationDate(form.councilDeliberationDate, context.today),
    ],
    warnings: [...financingWarnings(form), ...startDateWarnings(form.project, context.today)],
  };
}
