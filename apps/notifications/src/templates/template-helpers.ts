import { frenchInstant } from '#domain';

/**
 * Formatting helpers the templates call, pure: legal dates and instants in Europe/Paris, money from integer cents,
 * and labels of the outcomes. Each helper name is known to the boot check (template-variables.ts).
 */
const DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** A legal date `2026-05-02` → « 2 mai 2026 » (a calendar date: no time zone shift). */
export function formatLegalDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return String(value ?? '');
  return DATE.format(new Date(`${value}T00:00:00Z`));
}

/** An instant → « 2 mars 2026 à 10:00 », in Europe/Paris. */
export function formatInstant(value: unknown): string {
  if (typeof value !== 'string') return String(value ?? '');
  return frenchInstant(new Date(value));
}

/** Integer cents → « 1 234,56 € ». */
export function formatCents(value: unknown): string {
  return typeof value === 'number' ? EUROS.format(value / 100) : '';
}

const LABELS: Record<string, string> = {
  granted: 'accordée',
  rejected: 'refusée',
  closed: 'classée sans suite',
  deemed_granted: 'acceptée implicitement (absence de réponse dans le délai légal)',
  deemed_rejected: 'rejetée implicitement (absence de réponse dans le délai légal)',
  compliant: 'conforme : aucune suite',
  corrected: 'rectifiée au titre du droit à l’erreur',
  overpayment: 'un trop-perçu (indu) a été constaté',
  fraud_suspected: 'des éléments laissent suspecter une fraude ; le dossier est transmis pour suite à donner',
  suspends: 'Le délai de décision est suspendu jusqu’à votre réponse.',
  restarts: 'Le délai de décision recommencera à courir à réception de votre réponse complète.',
  none: 'Le délai de décision n’est pas modifié.',
  accepted: 'accepté',
  changes_requested: 'modifications demandées',
};

/** The French label of a code (outcome, clock effect, answer); the code itself when unknown. */
export function label(value: unknown): string {
  return typeof value === 'string' ? (LABELS[value] ?? value) : '';
}

const PROCEDURES: Record<string, string> = {
  apa: 'allocation personnalisée d’autonomie (APA) à domicile',
  apcr: 'aide aux petites communes rurales (APCR)',
};

export function procedureName(code: string): string {
  return PROCEDURES[code] ?? code;
}

export const TEMPLATE_HELPERS = {
  date: formatLegalDate,
  datetime: formatInstant,
  euros: formatCents,
  label,
  eq: (left: unknown, right: unknown) => left === right,
  or: (...values: unknown[]) => values.slice(0, -1).some(Boolean),
} as const;

export const HELPER_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(TEMPLATE_HELPERS),
  'if',
  'unless',
  'each',
  'with',
]);
