/**
 * Remedies (voies et délais de recours) stated in every decision, kept as data per procedure (DOMAIN.md §6). Without
 * them, the time limit to appeal does not run against the person (CJA R421-5). ⚠ Texts to be checked by the
 * département's legal service before production, as DOMAIN.md asks.
 */
export interface ProcedureRemedies {
  /** An express decision (granted, rejected, closed). */
  express: string;
  /** A tacit decision (silence at the deadline): the same remedies, plus the right to ask for the reasons. */
  tacit: string;
}

/** CRPA L232-4: a tacit decision has no written reasons; the person may ask for them. */
const TACIT_REASONS =
  'Cette décision est implicite : vous pouvez en demander les motifs par écrit dans le délai de recours ; ' +
  'ils vous seront communiqués dans le mois qui suit votre demande (code des relations entre le public et ' +
  'l’administration, article L232-4).';

/** CJA R421-1: the general rule, 2 months for a recours gracieux and/or the tribunal administratif. */
const GENERAL =
  'Vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification, par un recours ' +
  'gracieux adressé au président du conseil départemental et/ou par un recours contentieux devant le tribunal ' +
  'administratif (code de justice administrative, article R421-1). Un recours gracieux formé dans ce délai ' +
  'prolonge le délai du recours contentieux, qui court à nouveau à compter de la réponse.';

/** CASF L134-2: for the APA, a prior administrative appeal (RAPO) is compulsory before the court. */
const APA =
  'Vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification. Avant tout ' +
  'recours devant le tribunal administratif, vous devez obligatoirement adresser un recours administratif ' +
  'préalable au président du conseil départemental (code de l’action sociale et des familles, article L134-2). ' +
  'Le tribunal administratif peut ensuite être saisi dans un délai de deux mois à compter de la réponse à ce ' +
  'recours (code de justice administrative, article R421-1).';

/** APCR: recours gracieux and/or tribunal administratif (CJA R421-1); a tacit refusal is notified to the commune. */
const APCR =
  'La commune peut contester cette décision dans un délai de deux mois à compter de sa notification, par un ' +
  'recours gracieux adressé au président du conseil départemental et/ou par un recours contentieux devant le ' +
  'tribunal administratif de Caen (code de justice administrative, article R421-1). Un recours gracieux formé ' +
  'dans ce délai prolonge le délai du recours contentieux.';

export const REMEDIES: Record<string, ProcedureRemedies> = {
  apa: { express: APA, tacit: `${APA} ${TACIT_REASONS}` },
  apcr: { express: APCR, tacit: `${APCR} ${TACIT_REASONS}` },
};

export const GENERAL_REMEDIES: ProcedureRemedies = { express: GENERAL, tacit: `${GENERAL} ${TACIT_REASONS}` };

/** The remedies of a decision: the procedure's own, or the general rule for a procedure without specific ones. */
export function remediesFor(procedure: string, tacit: boolean): string {
  const remedies = REMEDIES[procedure] ?? GENERAL_REMEDIES;
  return tacit ? remedies.tacit : remedies.express;
}
