/**
 * How long each category of data about a file is kept (GDPR art. 5-1-e, storage limitation), counted from the file's
 * last action once it is closed (decided, withdrawn, classed). Pure: intake applies it and announces what is due;
 * each service purges or anonymises its own copy. README « Security and privacy » lists the defaults and sources.
 */

export const RETENTION_CATEGORIES = [
  'fileContent',
  'timeline',
  'accessLog',
  'evidence',
  'controlCase',
  'routingCopy',
  'messages',
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** Which service keeps each category: the one that purges it when intake says its time is over. */
export const RETENTION_KEEPERS: Record<RetentionCategory, 'intake' | 'routing' | 'checks' | 'notifications'> =
  {
    fileContent: 'intake',
    timeline: 'intake',
    accessLog: 'intake',
    evidence: 'intake',
    controlCase: 'checks',
    routingCopy: 'routing',
    messages: 'notifications',
  };

/** Years after the file's last action, per category. */
export type RetentionYears = Record<RetentionCategory, number>;

/** The defaults, each with the rule it follows. */
export const DEFAULT_RETENTION_YEARS: RetentionYears = {
  // DOMAIN.md §5 and the CNIL's référentiel for social action: the file for as long as it may be needed (revision,
  // appeal, recovery), 10 years after the last action; then archived or destroyed under the archives rules.
  fileContent: 10,
  // The history holds the decision and its dates: the same time as the file (Code du patrimoine, L212-2 and L212-3:
  // a decision is a public archive, kept for its administrative use, then sorted by the archives service).
  timeline: 10,
  // Who read the file and when: the person's own record (GDPR art. 15), kept as long as the file it describes.
  accessLog: 10,
  // Evidence and control: until recovery of an undue payment is time-barred, 2 years (CASF L232-25), 5 years when
  // there was a false declaration (Code civil art. 2224, from discovery).
  evidence: 5,
  controlCase: 5,
  // The back-office copy: once the remedies are time-barred (2 months, CRPA L411-2 and CJA R421-1), with margin.
  routingCopy: 1,
  // Messages sent about the file: their texts repeat the file's events; kept one year.
  messages: 1,
};

/** The shortest time the recovery of an undue APA payment allows (CASF L232-25: 2 years). */
export const RECOVERY_TIME_BAR_YEARS = 2;

/** Why a retention setting cannot be accepted, per category; empty when it can. */
export function retentionProblems(years: RetentionYears): { category: RetentionCategory; reason: string }[] {
  const problems: { category: RetentionCategory; reason: string }[] = [];
  for (const category of RETENTION_CATEGORIES) {
    if (!Number.isInteger(years[category]) || years[category] < 1) {
      problems.push({ category, reason: 'au moins 1 an (nombre entier)' });
    }
  }
  for (const category of ['evidence', 'controlCase'] as const) {
    if (years[category] < RECOVERY_TIME_BAR_YEARS) {
      problems.push({
        category,
        reason: 'pas avant la prescription du recouvrement des indus (2 ans, CASF L232-25)',
      });
    }
  }
  for (const category of ['evidence', 'controlCase', 'timeline', 'accessLog'] as const) {
    if (years[category] > years.fileContent) {
      problems.push({ category, reason: 'pas plus longtemps que le contenu du dossier qu’elle concerne' });
    }
  }
  return problems;
}

/** When a category's time is over for a file closed with its last action at `lastActionAt`. */
export function retentionEndsAt(lastActionAt: Date, years: number): Date {
  const end = new Date(lastActionAt.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

/** The categories whose time is over at `now`, among those not purged yet. */
export function categoriesDue(
  lastActionAt: Date,
  now: Date,
  years: RetentionYears,
  alreadyDone: ReadonlySet<RetentionCategory>,
): RetentionCategory[] {
  return RETENTION_CATEGORIES.filter(
    (category) => !alreadyDone.has(category) && retentionEndsAt(lastActionAt, years[category]) <= now,
  );
}
