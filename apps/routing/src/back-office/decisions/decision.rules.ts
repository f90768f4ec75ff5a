import { DomainError, InvalidTransition, ValidationFailed } from '#domain';

/** What an agent may decide; the tacit outcomes belong to the deadline job. */
export const AGENT_OUTCOMES = ['granted', 'rejected', 'closed'] as const;
export type AgentOutcome = (typeof AGENT_OUTCOMES)[number];

/**
 * CRPA L211-2 and L211-5: a refusal must be reasoned in writing (the rule applied and the facts). A grant or a
 * closing may carry a reason; a refusal without one is refused here.
 */
export function assertReasoned(outcome: AgentOutcome, reason: string | undefined): void {
  if (outcome === 'rejected' && (reason ?? '').trim().length < 10) {
    throw new ValidationFailed(
      [
        {
          field: 'reason',
          reason:
            'un refus doit être motivé : indiquez la règle appliquée et les faits (au moins 10 caractères ; ' +
            'CRPA, articles L211-2 et L211-5)',
        },
      ],
      'Un refus doit être motivé.',
    );
  }
}

/** CASF R232-4: only GIR 1 to 4 open a right to the APA. */
export function girOpensApa(gir: number): boolean {
  return Number.isInteger(gir) && gir >= 1 && gir <= 4;
}

/**
 * CASF R232-7 and R232-4: an APA grant follows the home evaluation (GIR 1 to 4) and a care plan the beneficiary
 * accepted. A GIR 5 or 6 is a refusal (422, to be decided as such with its reason); no accepted plan is a 409.
 */
export function assertApaGrantable(
  evaluation: { gir: number } | null,
  carePlan: { status: string } | null,
): void {
  if (evaluation && !girOpensApa(evaluation.gir)) {
    throw new DomainError(
      'APA_GIR_NOT_ELIGIBLE',
      `L’évaluation a classé la personne en GIR ${evaluation.gir} : seuls les GIR 1 à 4 ouvrent droit à l’APA ` +
        '(CASF, article R232-4). Rejetez la demande en indiquant ce motif.',
      'unprocessable',
    );
  }
  if (!carePlan || carePlan.status !== 'accepted') {
    const state = !carePlan
      ? 'aucun plan d’aide n’a été proposé'
      : carePlan.status === 'proposed'
        ? 'le plan d’aide proposé attend la réponse du bénéficiaire'
        : carePlan.status === 'changes_requested'
          ? 'le bénéficiaire a demandé des modifications du plan d’aide'
          : 'le bénéficiaire n’a pas répondu au plan d’aide dans les 10 jours, ce qui vaut refus';
    throw new InvalidTransition(
      `L’APA ne peut être accordée qu’après l’acceptation du plan d’aide par le bénéficiaire (CASF, article ` +
        `R232-7) : ${state}.`,
      'CARE_PLAN_NOT_ACCEPTED',
    );
  }
}

export interface ApcrGrantLimits {
  /** Highest share of the project's cost (excluding tax) the grant may cover, in percent. */
  maxRatePercent: number;
  /** Highest grant, in cents. */
  maxGrantCents: number;
}

/**
 * APCR: the granted amount is a whole number of cents, above zero, not above what the commune asked, nor above the
 * rate of the cost excluding tax, nor above the cap (⚠ rate and cap from configuration, DOMAIN.md §2). The highest
 * amount allowed is computed in whole cents, rounded down so that the rate is never exceeded.
 */
export function apcrMaxGrant(
  facts: { requestedAmountCents: number; costExcludingTaxCents: number },
  limits: ApcrGrantLimits,
): number {
  const byRate = Math.floor((facts.costExcludingTaxCents * limits.maxRatePercent) / 100);
  return Math.min(facts.requestedAmountCents, byRate, limits.maxGrantCents);
}

export function assertApcrAmount(
  amountCents: number | undefined,
  facts: { requestedAmountCents: number; costExcludingTaxCents: number },
  limits: ApcrGrantLimits,
): number {
  const max = apcrMaxGrant(facts, limits);
  const euros = (value: number) =>
    new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(value / 100);
  if (amountCents === undefined || !Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new ValidationFailed([
      { field: 'amountCents', reason: 'le montant accordé (en centimes, entier positif) est obligatoire' },
    ]);
  }
  if (amountCents > max) {
    throw new ValidationFailed(
      [
        {
          field: 'amountCents',
          reason:
            `ne peut pas dépasser ${euros(max)} : le montant demandé (${euros(facts.requestedAmountCents)}), ` +
            `${limits.maxRatePercent} % du coût hors taxes (${euros(facts.costExcludingTaxCents)}) et le plafond ` +
            `de ${euros(limits.maxGrantCents)}`,
        },
      ],
      'Le montant accordé dépasse ce que la subvention permet.',
    );
  }
  return amountCents;
}
