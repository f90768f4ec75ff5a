/**
 * Legal dates are calendar dates in Europe/Paris, written YYYY-MM-DD: a 2-month deadline ends on a date, not after
 * 60 × 24 hours. A deadline in months ends on the same day number of the last month, or on that month's last day
 * when it has no such day (31 December + 2 months = 28 or 29 February).
 */
export type LegalDate = string;

const LEGAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: LegalDate): [number, number, number] {
  const match = LEGAL_DATE.exec(date);
  if (!match) throw new Error(`Not a legal date (YYYY-MM-DD): ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): LegalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLegalDate(value: unknown): value is LegalDate {
  if (typeof value !== 'string' || !LEGAL_DATE.test(value)) return false;
  const [year, month, day] = parts(value);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Formatters are built once: building one costs far more than formatting with it.
const PARIS_DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Paris at an instant (a filing at 23:30 UTC on 31 March is a filing on 1 April). */
export function parisDate(instant: Date): LegalDate {
  return PARIS_DATE_FORMAT.format(instant);
}

export function addMonths(date: LegalDate, months: number): LegalDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addDays(date: LegalDate, days: number): LegalDate {
  const [year, month, day] = parts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LegalDate, to: LegalDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Age in whole years on a date (a person born on 29 February turns a year older on 1 March in common years). */
export function ageOn(birthDate: LegalDate, on: LegalDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const INSTANT_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** An instant as people in France read it: "2 mars 2026 à 10:00" (Europe/Paris). */
export function frenchInstant(instant: Date): string {
  return INSTANT_FORMAT.format(instant);
}

const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "23 janvier 2027". */
export function frenchDate(date: LegalDate): string {
  const [year, month, day] = parts(date);
  return DATE_FORMAT.format(new Date(Date.UTC(year, month - 1, day)));
}
