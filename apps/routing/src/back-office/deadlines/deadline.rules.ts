import { addDays, daysBetween, type LegalDate } from '#domain';

/**
 * The decision deadline is a calendar date (Europe/Paris): the administration may decide until the end of that day.
 * Days left: 0 on the deadline itself, negative once it has passed.
 */
export function daysLeft(today: LegalDate, deadline: LegalDate): number {
  return daysBetween(today, deadline);
}

/** "15,3" → [15, 3]: warning thresholds in days before the deadline, largest first, without duplicates. */
export function parseThresholds(text: string): number[] {
  const values = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(Number);
  if (values.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new RangeError(`warning thresholds must be whole numbers of days, got "${text}"`);
  }
  return [...new Set(values)].sort((a, b) => b - a);
}

export interface WarningDue {
  /** Publish one `deadline-approaching` now. */
  notify: boolean;
  /** Thresholds to record as handled (with this deadline): every one reached and not yet recorded. */
  thresholds: number[];
}

/**
 * The team is warned once per threshold reached (e.g. 15 then 3 days before). A job that was down and finds several
 * thresholds reached at once warns once, with the actual days left, and records them all: no flood of stale
 * warnings. Nothing is due once the deadline has passed (the silence rule applies instead).
 */
export function warningDue(
  left: number,
  thresholds: readonly number[],
  alreadyWarned: readonly number[],
): WarningDue {
  if (left < 0) return { notify: false, thresholds: [] };
  const due = thresholds.filter((threshold) => left <= threshold && !alreadyWarned.includes(threshold));
  return { notify: due.length > 0, thresholds: due };
}

/**
 * Silence of the administration (CRPA L231-1 and L231-4; for the APA, CASF L232-14): once the deadline day is over
 * with no decision and the clock running, the tacit decision is born the next day. A suspended clock (request for
 * more, CRPA L114-5) or an unknown deadline (restart on the answer, CASF R232-23) keeps it from being born.
 */
export function silenceApplies(
  today: LegalDate,
  clock: { decisionDeadline: LegalDate | null; suspendedOn: LegalDate | null },
): boolean {
  return clock.decisionDeadline !== null && clock.suspendedOn === null && today > clock.decisionDeadline;
}

/** The day the tacit decision is born: the day after the deadline. Its amounts use the parameters of that day. */
export function tacitDecisionDate(deadline: LegalDate): LegalDate {
  return addDays(deadline, 1);
}

/**
 * What silence means: APA at home, granted at the flat rate (CASF L232-14, R232-29); APCR, a grant request, refused
 * (CRPA L231-4).
 */
export function silenceOutcome(silenceMeans: 'granted' | 'rejected'): 'deemed_granted' | 'deemed_rejected' {
  return silenceMeans === 'granted' ? 'deemed_granted' : 'deemed_rejected';
}
