/**
 * What the back office needs to know of each procedure beyond the events: what a request for more does to the
 * decision clock, and whether the APA instruction steps (home evaluation, care plan) apply. Intake holds the same
 * clock rule for its own computation (it owns the deadline); routing announces it in `application.info-requested`.
 */
export interface BackOfficeProcedure {
  /** APA: a request for more restarts the 2 months from the complete file (CASF R232-23); APCR: suspends it. */
  clockEffect: 'suspends' | 'restarts' | 'none';
  /** APA (CASF R232-7): the decision follows a home evaluation and a care plan accepted by the beneficiary. */
  carePlan: boolean;
  /** APCR: the granted amount is bounded by the request, a rate of the cost and a cap (configuration). */
  grantBounded: boolean;
}

export const BACK_OFFICE_PROCEDURES: Record<string, BackOfficeProcedure> = {
  apa: { clockEffect: 'restarts', carePlan: true, grantBounded: false },
  apcr: { clockEffect: 'suspends', carePlan: false, grantBounded: true },
};

/** A procedure this table does not know (added to intake later): no clock effect, no specific step. */
const OTHER: BackOfficeProcedure = { clockEffect: 'none', carePlan: false, grantBounded: false };

export function backOfficeProcedure(code: string): BackOfficeProcedure {
  return BACK_OFFICE_PROCEDURES[code] ?? OTHER;
}
