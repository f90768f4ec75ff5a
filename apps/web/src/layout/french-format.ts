/** How dates and amounts read in French on the pages. Pure. */

const DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A legal date (YYYY-MM-DD, Europe/Paris) or an instant → « 2 mars 2026 ». */
export function frenchDate(value: string | null | undefined): string {
  if (!value) return '';
  const calendar = CALENDAR_DATE.exec(value);
  // A calendar date is a date in Paris: read it at noon UTC so that no time zone moves it to another day.
  const instant = calendar ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(instant.getTime()) ? value : DATE.format(instant);
}

/** An instant → « 2 mars 2026 à 14:05 ». */
export function frenchDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : DATE_TIME.format(instant).replace(' ', ' ');
}

/** Integer cents → « 1 234,56 € ». */
export function euros(cents: number | null | undefined): string {
  return typeof cents === 'number' ? EUROS.format(cents / 100) : '';
}

/** Whole days from one calendar date to another (negative when past). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** Today's date in Paris, YYYY-MM-DD (legal dates are calendar dates in Europe/Paris). */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}
