import { DomainError, InvalidTransition, ValidationFailed, remediesFor } from '#domain';
import {
  apcrMaxGrant,
  assertApaGrantable,
  assertApcrAmount,
  assertReasoned,
  girOpensApa,
} from './decision.rules.js';

describe('decision rules', () => {
  it('CRPA L211-2 and L211-5: a refusal must be reasoned; a grant or a closing need not', () => {
    expect(() => assertReasoned('rejected', undefined)).toThrow(ValidationFailed);
    expect(() => assertReasoned('rejected', '   non   ')).toThrow(ValidationFailed);
    expect(() => assertReasoned('rejected', 'GIR 5 à l’évaluation (CASF R232-4).')).not.toThrow();
    expect(() => assertReasoned('granted', undefined)).not.toThrow();
    expect(() => assertReasoned('closed', undefined)).not.toThrow();
  });

  it.each([
    [1, true],
    [4, true],
    [5, false],
    [6, false],
  ])('CASF R232-4: GIR %i opens the APA: %s', (gir, expected) => {
    expect(girOpensApa(gir)).toBe(expected);
  });

  it('CASF R232-7: an APA grant needs a plan the beneficiary accepted; GIR 5–6 is a refusal', () => {
    const evaluation = { gir: 3 };
    expect(() => assertApaGrantable(evaluation, null)).toThrow(InvalidTransition);
    expect(() => assertApaGrantable(evaluation, { status: 'proposed' })).toThrow(/attend la réponse/);
    expect(() => assertApaGrantable(evaluation, { status: 'changes_requested' })).toThrow(/modifications/);
    expect(() => assertApaGrantable(evaluation, { status: 'refused_by_silence' })).toThrow(/10 jours/);
    expect(() => assertApaGrantable(evaluation, { status: 'accepted' })).not.toThrow();
    const gir5 = (() => {
      try {
        assertApaGrantable({ gir: 5 }, { status: 'accepted' });
      } catch (error) {
        return error as DomainError;
      }
    })();
    expect(gir5).toMatchObject({ code: 'APA_GIR_NOT_ELIGIBLE', kind: 'unprocessable' });
  });

  describe('APCR amount (rate and cap from configuration)', () => {
    const limits = { maxRatePercent: 80, maxGrantCents: 5_000_000 };
    it.each([
      [
        'the request is the limit: asked 12 000 €, 80 % of 20 000 € = 16 000 €',
        1_200_000,
        2_000_000,
        1_200_000,
      ],
      ['the rate is the limit: asked 18 000 €, 80 % of 20 000 € = 16 000 €', 1_800_000, 2_000_000, 1_600_000],
      [
        'the cap is the limit: asked 90 000 €, 80 % of 100 000 € = 80 000 €, cap 50 000 €',
        9_000_000,
        10_000_000,
        5_000_000,
      ],
      ['rounded down to the cent: 80 % of 333,33 € = 266,664 € → 266,66 €', 100_000, 33_333, 26_666],
    ])('%s', (_, requested, cost, expected) => {
      expect(apcrMaxGrant({ requestedAmountCents: requested, costExcludingTaxCents: cost }, limits)).toBe(
        expected,
      );
    });

    it('refuses a missing, null or excessive amount, naming the field', () => {
      const facts = { requestedAmountCents: 1_200_000, costExcludingTaxCents: 2_000_000 };
      expect(() => assertApcrAmount(undefined, facts, limits)).toThrow(ValidationFailed);
      expect(() => assertApcrAmount(0, facts, limits)).toThrow(ValidationFailed);
      expect(() => assertApcrAmount(1_200_001, facts, limits)).toThrow(ValidationFailed);
      expect(assertApcrAmount(1_200_000, facts, limits)).toBe(1_200_000);
    });
  });

  it('remedies, as data per procedure (DOMAIN §6)', () => {
    expect(remediesFor('apa', false)).toContain('L134-2'); // RAPO before the court
    expect(remediesFor('apcr', false)).toContain('R421-1');
    expect(remediesFor('apcr', true)).toContain('L232-4'); // tacit: the right to ask for the reasons
    expect(remediesFor('unknown', false)).toContain('R421-1');
    expect(remediesFor('apa', false)).not.toContain('L232-4');
  });
});
