import { addMonths, parametersOn } from '#domain';

/** Share of each payment that may be withheld to recover an overpayment (indu), in percent. */
export const MAX_DEDUCTION_PERCENT = 20;

export interface RecoveryPlan {
  overpaymentCents: number;
  /** What is recovered: nothing at or under 3 × the gross hourly SMIC. */
  recoverableCents: number;
  /** At most 20 % of each monthly payment. */
  maxDeductionPerPaymentCents: number;
  /** 2 years after the payment; 5 years from discovery in case of fraud. */
  recoveryTimeBarredOn: string;
  /** Why, in French, with the articles. */
  explanation: string;
}

/**
 * The recovery of an APA overpayment (DOMAIN.md §1): recovered by deductions of at most 20 % of each payment, not
 * recovered at or under 3 × the gross hourly SMIC on the date of discovery (CASF D232-31 threshold, reused for indus),
 * time-barred 2 years after the payment (CASF L232-25), or 5 years from discovery in case of fraud.
 */
export function apaRecoveryPlan(input: {
  overpaymentCents: number;
  monthlyPaymentCents: number;
  /** The last payment concerned (legal date), from which the 2 years run. */
  paidOn: string;
  /** When the check found it (legal date), from which the 5 years run in case of fraud. */
  discoveredOn: string;
  fraud: boolean;
}): RecoveryPlan {
  const threshold = 3 * parametersOn(input.discoveredOn).smicHourlyGrossCents;
  const recoverableCents = input.overpaymentCents <= threshold ? 0 : input.overpaymentCents;
  const maxDeductionPerPaymentCents = Math.floor((input.monthlyPaymentCents * MAX_DEDUCTION_PERCENT) / 100);
  const recoveryTimeBarredOn = input.fraud ? addMonths(input.discoveredOn, 60) : addMonths(input.paidOn, 24);
  const euros = (value: number) => `${(value / 100).toFixed(2).replace('.', ',')} €`;
  const explanation =
    recoverableCents === 0
      ? `Indu de ${euros(input.overpaymentCents)} non récupéré : il ne dépasse pas 3 fois le SMIC horaire brut (${euros(threshold)}).`
      : `Indu de ${euros(recoverableCents)} récupéré par retenues d’au plus ${MAX_DEDUCTION_PERCENT} % de chaque versement ` +
        `(${euros(maxDeductionPerPaymentCents)} par mois), jusqu’au ${recoveryTimeBarredOn} au plus tard ` +
        (input.fraud
          ? '(5 ans à compter de la découverte, en cas de fraude).'
          : '(2 ans après le versement, CASF L232-25).');
  return {
    overpaymentCents: input.overpaymentCents,
    recoverableCents,
    maxDeductionPerPaymentCents,
    recoveryTimeBarredOn,
    explanation,
  };
}
