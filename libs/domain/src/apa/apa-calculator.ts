import { ValidationFailed, type ErrorDetail } from '../errors/index.js';
import {
  APA_PARAMETERS,
  APA_RULES,
  GIRS,
  legalDateFault,
  parametersAreProvisional,
  parametersOn,
} from './apa-parameters.js';
import type { ApaParameters, Gir } from './apa-parameters.js';
import { participation, resourcesOnScale, type Household } from './apa-participation.js';
import { cents, euros, roundToCents, type Cents } from './money.js';
import { Ratio } from './ratio.js';

export interface ApaEstimateInput {
  readonly gir: Gir;
  /** Monthly resources in cents: the person's, or the household's for a couple (divided by 1.7 here). */
  readonly monthlyResourcesCents: number;
  readonly household: Household;
  /** Monthly care plan (plan d'aide) in cents; the GIR ceiling when not given (an estimate before the visit). */
  readonly planCents?: number;
  /** Date whose parameters apply (YYYY-MM-DD, Europe/Paris). */
  readonly date: string;
}

export interface ApaEstimate {
  readonly gir: Gir;
  readonly household: Household;
  /** CASF R232-10: coefficient of the GIR × MTP. */
  readonly ceilingCents: Cents;
  /** A: the plan, capped at the ceiling. */
  readonly acceptedPlanCents: Cents;
  /** P: the beneficiary's participation (CASF R232-11). */
  readonly participationCents: Cents;
  /** A − P: the APA for the month. */
  readonly apaCents: Cents;
  /** CASF D232-31: 3 × the gross hourly SMIC. */
  readonly paymentThresholdCents: Cents;
  /** False when A − P is below the payment threshold: nothing is paid (the amount stays to explain why). */
  readonly paid: boolean;
  readonly parameters: ApaParameters;
  /**
   * True when `date` falls after the last known revaluation (R232-10): the amounts use the last known MTP and SMIC
   * and are provisional; a caller shows it (see `provisionalParametersWarning`), never applies them silently.
   */
  readonly provisional: boolean;
}

/** CASF R232-10: monthly care-plan ceiling of a GIR on a date = coefficient × MTP, rounded to the cent. */
export function girCeiling(gir: Gir, date: string, table: readonly ApaParameters[] = APA_PARAMETERS): Cents {
  throwIfFaults(girFaults(gir));
  return ceilingWith(gir, parametersOn(date, table));
}

/**
 * CASF L232-14 and R232-29: the flat rate granted after 2 months of silence (or in an attested emergency)
 * = 50 % of the GIR 1 ceiling. Taken on the ceiling as published (in cents), then rounded half-up.
 */
export function flatRate(date: string, table: readonly ApaParameters[] = APA_PARAMETERS): Cents {
  const gir1Ceiling = Ratio.integer(girCeiling(1, date, table));
  return roundToCents(gir1Ceiling.times(Ratio.decimal(APA_RULES.flatRateOfGir1Ceiling)));
}

/** The monthly APA à domicile for one GIR: ceiling, accepted plan, participation, amount, paid or not. */
export function estimateApa(
  input: ApaEstimateInput,
  table: readonly ApaParameters[] = APA_PARAMETERS,
): ApaEstimate {
  throwIfFaults([...girFaults(input.gir), ...commonFaults(input)]);
  const parameters = parametersOn(input.date, table);
  const ceilingCents = ceilingWith(input.gir, parameters);
  const acceptedPlanCents = cents(Math.min(input.planCents ?? ceilingCents, ceilingCents));
  const exactParticipation = participation(
    Ratio.integer(acceptedPlanCents),
    resourcesOnScale(input.monthlyResourcesCents, input.household),
    Ratio.integer(parameters.mtpCents),
  );
  const participationCents = roundToCents(exactParticipation);
  const apaCents = cents(acceptedPlanCents - participationCents);
  const paymentThresholdCents = cents(APA_RULES.paymentThresholdSmicHours * parameters.smicHourlyGrossCents);
  return {
    gir: input.gir,
    household: input.household,
    ceilingCents,
    acceptedPlanCents,
    participationCents,
    apaCents,
    paymentThresholdCents,
    paid: apaCents >= paymentThresholdCents,
    parameters,
    provisional: parametersAreProvisional(input.date, table),
  };
}

/** Before the home visit the GIR is unknown: the estimate for each of GIR 1 to 4, in that order. */
export function estimateForUnknownGir(
  input: Omit<ApaEstimateInput, 'gir'>,
  table: readonly ApaParameters[] = APA_PARAMETERS,
): readonly ApaEstimate[] {
  throwIfFaults(commonFaults(input));
  return GIRS.map((gir) => estimateApa({ ...input, gir }, table));
}

/**
 * The French warning shown beside provisional amounts (estimate, care plan, decision): which figures were used and
 * that the amounts will be revised once the new ones are published.
 */
export function provisionalParametersWarning(parameters: ApaParameters): string {
  return (
    `Montants provisoires : le barème de l'APA revalorisé au 1er janvier n'est pas encore connu de ce service ; ` +
    `le calcul utilise le dernier barème connu, en vigueur depuis le ${frenchDate(parameters.validFrom)} ` +
    `(MTP ${euros(parameters.mtpCents)}, SMIC horaire brut ${euros(parameters.smicHourlyGrossCents)}). ` +
    `Les montants seront revus à la publication du nouveau barème.`
  );
}

function ceilingWith(gir: Gir, parameters: ApaParameters): Cents {
  const coefficient = Ratio.decimal(APA_RULES.girCoefficients[gir]);
  return roundToCents(coefficient.times(Ratio.integer(parameters.mtpCents)));
}

function girFaults(gir: number): ErrorDetail[] {
  if ((GIRS as readonly number[]).includes(gir)) return [];
  return [
    {
      field: 'gir',
      reason: `Le GIR doit être 1, 2, 3 ou 4 ; les GIR 5 et 6 n'ouvrent pas droit à l'APA (reçu : ${gir}).`,
    },
  ];
}

function commonFaults(input: Omit<ApaEstimateInput, 'gir'>): ErrorDetail[] {
  const faults = [
    ...amountFaults(
      'monthlyResourcesCents',
      'Le montant des ressources mensuelles',
      input.monthlyResourcesCents,
    ),
    ...(input.planCents === undefined
      ? []
      : amountFaults('planCents', "Le montant du plan d'aide", input.planCents)),
  ];
  if (input.household !== 'alone' && input.household !== 'couple') {
    faults.push({
      field: 'household',
      reason: 'La situation du foyer doit être « alone » (personne seule) ou « couple ».',
    });
  }
  const dateFault = legalDateFault(input.date);
  if (dateFault) faults.push({ field: 'date', reason: dateFault });
  return faults;
}

function amountFaults(field: string, label: string, value: number): ErrorDetail[] {
  if (!Number.isSafeInteger(value)) {
    return [{ field, reason: `${label} doit être un nombre entier de centimes (reçu : ${value}).` }];
  }
  if (value < 0) return [{ field, reason: `${label} ne peut pas être négatif (reçu : ${value}).` }];
  return [];
}

function throwIfFaults(faults: readonly ErrorDetail[]): void {
  if (faults.length > 0) throw new ValidationFailed(faults, faults.map((fault) => fault.reason).join(' '));
}

/** "2026-01-01" → "01/01/2026". */
function frenchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
