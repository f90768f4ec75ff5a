import { DomainError, ValidationFailed } from '../errors/index.js';
import { cents, type Cents } from './money.js';

/**
 * Parameters of the APA à domicile, kept as DATA so that a past decision can be recomputed with the
 * figures in force on its date. Amounts change every 1 January (MTP, SMIC); the ratios below have been
 * stable since the 2016 reform and are written as decimal text, read exactly by the calculator.
 */

/** GIR (groupe iso-ressources, AGGIR grid): 1 = most dependent. Only GIR 1 to 4 open a right to the APA. */
export type Gir = 1 | 2 | 3 | 4;
export const GIRS: readonly Gir[] = [1, 2, 3, 4];

/** Amounts in force from `validFrom` (a calendar date in Europe/Paris, YYYY-MM-DD) until the next entry. */
export interface ApaParameters {
  readonly validFrom: string;
  /** Majoration pour tierce personne (MTP), monthly. */
  readonly mtpCents: Cents;
  /** SMIC horaire brut (gross hourly minimum wage). */
  readonly smicHourlyGrossCents: Cents;
}

export interface ApaParametersEntry {
  readonly validFrom: string;
  readonly mtpCents: number;
  readonly smicHourlyGrossCents: number;
}

/** The fixed ratios of the APA à domicile (CASF), as exact decimal text. */
export const APA_RULES = {
  /** CASF R232-10: monthly care-plan ceiling = coefficient × MTP, per GIR. */
  girCoefficients: { 1: '1.615', 2: '1.306', 3: '0.944', 4: '0.630' } satisfies Record<Gir, string>,
  /** CASF L232-14 and R232-29: flat rate after 2 months of silence (or in emergency) = 50 % of the GIR 1 ceiling. */
  flatRateOfGir1Ceiling: '0.5',
  /** CASF R232-11: the beneficiary's participation. */
  participation: {
    /** S1: at or below these monthly resources (× MTP), no participation. */
    lowerThresholdMtp: '0.725',
    /** S2: above these monthly resources (× MTP), the maximum participation. */
    upperThresholdMtp: '2.67',
    /** A1 = the part of the plan up to 0.317 × MTP. */
    firstCutMtp: '0.317',
    /** A2 = the part between 0.317 and 0.498 × MTP; A3 = the part above. */
    secondCutMtp: '0.498',
    /** Maximum participation: 90 % of the plan. */
    maximumRate: '0.9',
    /** A2 is weighted by (0.6·x + 0.4), A3 by (0.8·x + 0.2). */
    secondBandSlope: '0.6',
    secondBandBase: '0.4',
    thirdBandSlope: '0.8',
    thirdBandBase: '0.2',
    /** A couple's resources are divided by 1.7. */
    coupleDivisor: '1.7',
  },
  /** CASF D232-31: the APA is not paid when its monthly amount is below 3 × the gross hourly SMIC. */
  paymentThresholdSmicHours: 3,
} as const;

/** Checks a dated list (e.g. loaded from configuration): real dates, strictly ascending, whole positive cents. */
export function defineApaParameters(entries: readonly ApaParametersEntry[]): readonly ApaParameters[] {
  if (entries.length === 0) throw new RangeError('APA parameters: the list is empty');
  return Object.freeze(
    entries.map((entry, index) => {
      assertLegalDate(entry.validFrom, 'validFrom');
      const previous = entries[index - 1];
      if (previous && previous.validFrom >= entry.validFrom) {
        throw new RangeError(`APA parameters: ${entry.validFrom} must come after ${previous.validFrom}`);
      }
      if (entry.mtpCents <= 0 || entry.smicHourlyGrossCents <= 0) {
        throw new RangeError(`APA parameters of ${entry.validFrom}: amounts must be positive`);
      }
      return Object.freeze({
        validFrom: entry.validFrom,
        mtpCents: cents(entry.mtpCents),
        smicHourlyGrossCents: cents(entry.smicHourlyGrossCents),
      });
    }),
  );
}

/** MTP and SMIC by date of effect (DOMAIN.md §1). The MTP is revalued each 1 January (CASF R232-10). */
export const APA_PARAMETERS: readonly ApaParameters[] = defineApaParameters([
  // MTP 1 266,60 € ; SMIC horaire brut 11,88 €.
  { validFrom: '2025-01-01', mtpCents: 126_660, smicHourlyGrossCents: 1_188 },
  // MTP 1 288,13 € ; SMIC horaire brut 12,02 € ⚠ to verify against the 2026 SMIC decree (kept as data).
  { validFrom: '2026-01-01', mtpCents: 128_813, smicHourlyGrossCents: 1_202 },
]);

/** A code for callers: no parameters are known for this date, so no amount can be computed. */
export class ApaParametersUnknown extends DomainError {
  constructor(date: string, firstValidFrom: string) {
    super(
      'APA_PARAMETERS_UNKNOWN',
      `Aucun barème de l'APA n'est connu pour le ${frenchDate(date)} : ` +
        `le premier barème s'applique à partir du ${frenchDate(firstValidFrom)}.`,
      'unprocessable',
    );
  }
}

/** The parameters in force on `date` (YYYY-MM-DD, Europe/Paris): the last entry whose validFrom ≤ date. */
export function parametersOn(date: string, table: readonly ApaParameters[] = APA_PARAMETERS): ApaParameters {
  assertLegalDate(date, 'date');
  const inForce = table.filter((entry) => entry.validFrom <= date).at(-1);
  const first = table[0];
  if (!inForce) throw new ApaParametersUnknown(date, first ? first.validFrom : date);
  return inForce;
}

/**
 * The first date the known parameters may no longer be in force: 1 January after the last entry (CASF R232-10: the
 * MTP, hence every ceiling, is revalued each 1 January; the SMIC at least as often). From that date on, the figures
 * of the last entry are only the best known ones, until the new ones are entered.
 */
export function nextExpectedRevaluation(table: readonly ApaParameters[] = APA_PARAMETERS): string {
  const last = table.at(-1);
  if (!last) throw new RangeError('APA parameters: the list is empty');
  return `${Number(last.validFrom.slice(0, 4)) + 1}-01-01`;
}

/**
 * Whether the parameters applied on `date` are provisional: the date falls on or after the revaluation expected
 * after the last known entry (R232-10), so the amounts use last year's figures and must be flagged, never applied
 * silently. A past decision recomputed once the new figures are entered is no longer provisional.
 */
export function parametersAreProvisional(
  date: string,
  table: readonly ApaParameters[] = APA_PARAMETERS,
): boolean {
  assertLegalDate(date, 'date');
  return date >= nextExpectedRevaluation(table);
}

/** Why `date` is not a calendar date written YYYY-MM-DD, or undefined when it is one. */
export function legalDateFault(date: unknown): string | undefined {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    if (
      parsed.getUTCFullYear() === year &&
      parsed.getUTCMonth() === month - 1 &&
      parsed.getUTCDate() === day
    ) {
      return undefined;
    }
  }
  return `La date « ${String(date)} » n'est pas une date valide au format AAAA-MM-JJ.`;
}

function assertLegalDate(date: unknown, field: string): void {
  const fault = legalDateFault(date);
  if (fault) throw new ValidationFailed([{ field, reason: fault }], fault);
}

/** "2025-01-01" → "01/01/2025". */
function frenchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
