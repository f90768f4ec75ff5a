import { parametersOn } from '#domain';
import { apaRecoveryPlan } from './recovery.rules.js';

describe('recovery of an APA overpayment (indu, DOMAIN.md §1)', () => {
  const base = {
    monthlyPaymentCents: 60_000,
    paidOn: '2026-03-31',
    discoveredOn: '2026-06-15',
    fraud: false,
  };

  it('withholds at most 20 % of each payment; time-barred 2 years after the payment (CASF L232-25)', () => {
    expect(apaRecoveryPlan({ ...base, overpaymentCents: 120_000 })).toMatchObject({
      recoverableCents: 120_000,
      maxDeductionPerPaymentCents: 12_000,
      recoveryTimeBarredOn: '2028-03-31',
    });
  });

  it('fraud: 5 years from discovery', () => {
    expect(apaRecoveryPlan({ ...base, overpaymentCents: 120_000, fraud: true }).recoveryTimeBarredOn).toBe(
      '2031-06-15',
    );
  });

  it('recovers nothing at or under 3 × the gross hourly SMIC (CASF D232-31), a cent above it is recovered', () => {
    const threshold = 3 * parametersOn('2026-06-15').smicHourlyGrossCents;
    const at = apaRecoveryPlan({ ...base, overpaymentCents: threshold });
    expect(at.recoverableCents).toBe(0);
    expect(at.explanation).toContain('non récupéré');
    expect(apaRecoveryPlan({ ...base, overpaymentCents: threshold + 1 }).recoverableCents).toBe(
      threshold + 1,
    );
  });
});
