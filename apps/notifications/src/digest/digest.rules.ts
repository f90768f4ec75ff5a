const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day and hour in Europe/Paris of an instant (legal and office time, summer time included). */
export function parisDayAndHour(instant: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(PARIS.formatToParts(instant).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * The day whose digest is due at `instant`: today (Paris) once the configured hour has come, else none. A job that
 * was down at that hour sends it when it comes back the same day; items left go into the next day's digest.
 */
export function dueDigestDay(instant: Date, digestHour: number): string | undefined {
  const { day, hour } = parisDayAndHour(instant);
  return hour >= digestHour ? day : undefined;
}

export function digestSourceId(day: string): string {
  return `digest:${day}`;
}
