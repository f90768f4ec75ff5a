import { cents, euros as eurosOf, frenchDate as frenchLegalDate, frenchInstant, parisDate } from '#domain';

/**
 * How dates and amounts read on the pages: the domain's French formats (libs/domain), made tolerant of what an
 * API answer may hold (null, an instant instead of a date). Pure.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A legal date (YYYY-MM-DD, Europe/Paris) or an instant → « 2 mars 2026 ». */
export function frenchDate(value: string | null | undefined): string {
  if (!value) return '';
  if (CALENDAR_DATE.test(value)) return frenchLegalDate(value);
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : frenchLegalDate(parisDate(instant));
}

/** An instant → « 2 mars 2026 à 14:05 » (Europe/Paris). */
export function frenchDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : frenchInstant(instant);
}

/** Integer cents → « 1 234,56 € ». */
export function euros(amount: number | null | undefined): string {
  return typeof amount === 'number' && Number.isSafeInteger(amount) ? eurosOf(cents(amount)) : '';
}

/** Whole days from one calendar date to another (negative when past). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** Today's date in Paris, YYYY-MM-DD (legal dates are calendar dates in Europe/Paris). */
export function parisToday(now: Date = new Date()): string {
  return parisDate(now);
}
