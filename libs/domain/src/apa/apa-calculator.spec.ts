import { ValidationFailed } from '../errors/index.js';
import {
  estimateApa,
  estimateForUnknownGir,
  flatRate,
  girCeiling,
  provisionalParametersWarning,
} from './apa-calculator.js';
import type { ApaEstimate, ApaEstimateInput } from './apa-calculator.js';
import { ApaParametersUnknown, defineApaParameters } from './apa-parameters.js';
import type { Gir } from './apa-parameters.js';

// Amounts below are in cents. "2026" = MTP 1 288,13 €, SMIC 12,02 €; "2025" = MTP 1 266,60 €, SMIC 11,88 €.
// A fictional year with round figures reaches the exact thresholds, which integer cents cannot hit with the real
// MTP: MTP 1 000,00 € ⇒ S1 = 725 €, S2 = 2 670 €, cuts 317 € and 498 €, GIR 1 ceiling 1 615 €, threshold 3 × 10 € = 30 €.
const ROUND = defineApaParameters([
  { validFrom: '2030-01-01', mtpCents: 100_000, smicHourlyGrossCents: 1_000 },
]);
const ON_ROUND = '2030-06-01';
const unchecked = <T>(value: unknown): T => value as T;

describe('girCeiling (CASF R232-10: coefficient × MTP, rounded half-up to the cent)', () => {
  it.each([
    // 2025: 1.615 × 1 266,60 = 2 045,559 ; 1.306 × 1 266,60 = 1 654,1796 ; 0.944 × 1 266,60 = 1 195,6704 ; 0.63 × 1 266,60 = 797,958
    ['2025-01-01', 1, 204_556],
    ['2025-01-01', 2, 165_418],
    ['2025-01-01', 3, 119_567],
    ['2025-01-01', 4, 79_796],
    // 2026: 1.615 × 1 288,13 = 2 080,32995 ; 1.306 × 1 288,13 = 1 682,29778 ; 0.944 × 1 288,13 = 1 215,99472 ; 0.63 × 1 288,13 = 811,5219
    ['2026-01-01', 1, 208_033],
    ['2026-01-01', 2, 168_230],
    ['2026-01-01', 3, 121_599],
    ['2026-01-01', 4, 81_152],
  ] as const)('on %s, GIR %i is %i cents (DOMAIN.md table)', (date, gir, expected) => {
    expect(girCeiling(gir, date)).toBe(expected);
  });

  it('uses the parameters of the date: 31/12/2025 still has the 2025 MTP', () => {
    expect(girCeiling(1, '2025-12-31')).toBe(204_556);
    expect(girCeiling(1, '2026-01-01')).toBe(208_033);
  });
});

describe('flatRate (CASF L232-14, R232-29: 50 % of the GIR 1 ceiling)', () => {
  it.each([
    ['2025: 0.5 × 2 045,56 € = 1 022,78 €', '2025-03-15', 102_278],
    ['2026: 0.5 × 2 080,33 € = 1 040,165 € → half-up 1 040,17 €', '2026-03-15', 104_017],
  ])('%s', (_name, date, expected) => {
    expect(flatRate(date)).toBe(expected);
  });
});

/** An expected estimate written with plain numbers (the `Cents` brand is for the code, not for the tables). */
type Plain<T> = { [K in keyof T]?: T[K] extends number ? number : T[K] extends object ? Plain<T[K]> : T[K] };
type Case = [
  name: string,
  input: Omit<ApaEstimateInput, 'date'> & { date?: string },
  expected: Plain<ApaEstimate>,
];

describe('estimateApa with round fictional parameters (MTP 1 000 €)', () => {
  const cases: Case[] = [
    // R = 725 € = S1 ⇒ P = 0 ; A = ceiling 1 615 €.
    [
      'resources exactly at S1 → no participation',
      { gir: 1, monthlyResourcesCents: 72_500, household: 'alone' },
      { acceptedPlanCents: 161_500, participationCents: 0, apaCents: 161_500, paid: true },
    ],
    // R = 2 670 € = S2 ⇒ x = 1 ⇒ P = 0.9 × [A1 + A2 × 1 + A3 × 1] = 0.9 × 1 615 = 1 453,50 € ; APA = 161,50 €.
    [
      'resources exactly at S2 → x = 1, so P = 0.9 × A (the formula meets the upper branch)',
      { gir: 1, monthlyResourcesCents: 267_000, household: 'alone' },
      { participationCents: 145_350, apaCents: 16_150 },
    ],
    // R = 2 670,01 € > S2 ⇒ P = 0.9 × 1 615 = 1 453,50 €.
    [
      'resources one cent above S2 → P = 0.9 × A',
      { gir: 1, monthlyResourcesCents: 267_001, household: 'alone' },
      { participationCents: 145_350, apaCents: 16_150 },
    ],
    // R = 1 697,50 € ⇒ x = (1 697,50 − 725) / (2 670 − 725) = 972,50 / 1 945 = 0.5 ; 0.6x + 0.4 = 0.7 ; 0.8x + 0.2 = 0.6.
    // A = 1 615 ⇒ A1 = 317, A2 = 498 − 317 = 181, A3 = 1 615 − 498 = 1 117.
    // P = 0.9 × 0.5 × (317 + 181 × 0.7 + 1 117 × 0.6) = 0.45 × (317 + 126,7 + 670,2) = 0.45 × 1 113,9 = 501,255
    // → half-up 501,26 € (the same formula in floating-point euros gives 501,25499999999994, which would round down) ;
    // APA = 1 615 − 501,26 = 1 113,74 €.
    [
      'x = 0.5 with A spanning A1, A2 and A3 → P = 501,255 € rounded half-up once, at the end',
      { gir: 1, monthlyResourcesCents: 169_750, household: 'alone' },
      { participationCents: 50_126, apaCents: 111_374 },
    ],
    // Plan 200 € ≤ 317 € ⇒ only A1 = 200 ; P = 0.9 × 0.5 × 200 = 90 € ; APA = 110 €.
    [
      'a plan within the first band → P = 0.9·x·A1',
      { gir: 4, monthlyResourcesCents: 169_750, household: 'alone', planCents: 20_000 },
      { acceptedPlanCents: 20_000, participationCents: 9_000, apaCents: 11_000 },
    ],
    // Plan 400 € ⇒ A1 = 317, A2 = 83 ; P = 0.45 × (317 + 83 × 0.7) = 0.45 × 375,1 = 168,795 → 168,80 € ; APA = 231,20 €.
    [
      'a plan reaching the second band → A2 weighted by 0.6x + 0.4',
      { gir: 4, monthlyResourcesCents: 169_750, household: 'alone', planCents: 40_000 },
      { participationCents: 16_880, apaCents: 23_120 },
    ],
    // Household 2 885,75 € ÷ 1.7 = 1 697,50 € ⇒ the x = 0.5 case above: P = 501,26 €.
    [
      'a couple: household resources divided by 1.7 before the scale',
      { gir: 1, monthlyResourcesCents: 288_575, household: 'couple' },
      { participationCents: 50_126, apaCents: 111_374 },
    ],
    // R > S2 ⇒ P = 0.9 × 250 = 225 € ; APA = 25 € < 3 × 10 € = 30 € ⇒ not paid.
    [
      'an amount below 3 × the hourly SMIC is not paid (D232-31)',
      { gir: 4, monthlyResourcesCents: 300_000, household: 'alone', planCents: 25_000 },
      { participationCents: 22_500, apaCents: 2_500, paymentThresholdCents: 3_000, paid: false },
    ],
    // P = 0.9 × 300 = 270 € ; APA = 30 € = the threshold, which is not "below" ⇒ paid.
    [
      'an amount equal to 3 × the hourly SMIC is paid',
      { gir: 4, monthlyResourcesCents: 300_000, household: 'alone', planCents: 30_000 },
      { apaCents: 3_000, paid: true },
    ],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(estimateApa({ date: ON_ROUND, ...input }, ROUND)).toMatchObject(expected);
  });
});

describe('estimateApa with the real parameters', () => {
  const cases: Case[] = [
    // S1 = 0.725 × 1 288,13 = 933,89425 € ; S2 = 2.67 × 1 288,13 = 3 439,3071 € ; S2 − S1 = 2 505,41285 €.
    // GIR 2, A = ceiling 1 682,30 € ; R = 1 500 € ⇒ x = 566,10575 / 2 505,41285 ≈ 0.2259531.
    // A1 = 0.317 × 1 288,13 = 408,33721 ; A2 = 0.498 × 1 288,13 − A1 = 641,48874 − 408,33721 = 233,15153 ;
    // A3 = 1 682,30 − 641,48874 = 1 040,81126 ; 0.6x + 0.4 ≈ 0.5355718 ; 0.8x + 0.2 ≈ 0.3807625.
    // bracket ≈ 408,33721 + 124,86927 + 396,30188 = 929,50836 ; P ≈ 0.9 × 0.2259531 × 929,50836 ≈ 189,0228 → 189,02 €.
    // APA = 1 682,30 − 189,02 = 1 493,28 €.
    [
      '2026, GIR 2, 1 500 € alone: the three bands, with the real MTP',
      { gir: 2, monthlyResourcesCents: 150_000, household: 'alone', date: '2026-05-04' },
      {
        ceilingCents: 168_230,
        acceptedPlanCents: 168_230,
        participationCents: 18_902,
        apaCents: 149_328,
        paid: true,
      },
    ],
    // 2 550 € ÷ 1.7 = 1 500 € ⇒ same participation as the person alone with 1 500 €.
    [
      '2026, a couple with 2 550 € counts as 1 500 € per the 1.7 divisor',
      { gir: 2, monthlyResourcesCents: 255_000, household: 'couple', date: '2026-05-04' },
      { participationCents: 18_902, apaCents: 149_328 },
    ],
    // 933,89 € ≤ S1 = 933,89425 € (the last cent at or below S1) ⇒ P = 0 ; GIR 4 ceiling 811,52 €.
    [
      '2026, resources at the last cent not above S1 → P = 0',
      { gir: 4, monthlyResourcesCents: 93_389, household: 'alone', date: '2026-05-04' },
      { participationCents: 0, apaCents: 81_152 },
    ],
    // 3 439,31 € > S2 = 3 439,3071 € ⇒ P = 0.9 × 1 215,99 = 1 094,391 → 1 094,39 € ; APA = 121,60 €.
    [
      '2026, resources one cent above S2 → P = 0.9 × A',
      { gir: 3, monthlyResourcesCents: 343_931, household: 'alone', date: '2026-05-04' },
      { participationCents: 109_439, apaCents: 12_160 },
    ],
    // Plan 900 € > GIR 4 ceiling 811,52 € ⇒ A = 811,52 € ; no resources ⇒ P = 0.
    [
      '2026, a plan above the ceiling is capped at the ceiling',
      { gir: 4, monthlyResourcesCents: 0, household: 'alone', planCents: 90_000, date: '2026-05-04' },
      { ceilingCents: 81_152, acceptedPlanCents: 81_152, participationCents: 0, apaCents: 81_152 },
    ],
    // R > S2 ⇒ P = 0.9 × 300 = 270 € ; APA = 30 € < 3 × 12,02 = 36,06 € ⇒ not paid.
    [
      '2026, 30 € is below 3 × 12,02 € = 36,06 € → not paid',
      { gir: 4, monthlyResourcesCents: 400_000, household: 'alone', planCents: 30_000, date: '2026-05-04' },
      { apaCents: 3_000, paymentThresholdCents: 3_606, paid: false },
    ],
    // Plan 360,60 € ⇒ P = 324,54 € ⇒ APA = 36,06 € = threshold ⇒ paid.
    [
      '2026, exactly 36,06 € is paid',
      { gir: 4, monthlyResourcesCents: 400_000, household: 'alone', planCents: 36_060, date: '2026-05-04' },
      { participationCents: 32_454, apaCents: 3_606, paid: true },
    ],
    // A 2025 date takes the 2025 MTP (GIR 1 ceiling 2 045,56 €) and SMIC (3 × 11,88 = 35,64 €).
    [
      'a 2025 date uses the 2025 parameters',
      { gir: 1, monthlyResourcesCents: 0, household: 'alone', date: '2025-12-31' },
      {
        ceilingCents: 204_556,
        apaCents: 204_556,
        paymentThresholdCents: 3_564,
        parameters: { validFrom: '2025-01-01', mtpCents: 126_660, smicHourlyGrossCents: 1_188 },
      },
    ],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(estimateApa({ date: '2026-01-01', ...input })).toMatchObject(expected);
  });
});

describe('estimateForUnknownGir', () => {
  it('gives GIR 1 to 4 in order, each on its own ceiling', () => {
    // x = 0.5 (R = 1 697,50 €, fictional MTP 1 000 €): P = 0.45 × (317 + 181 × 0.7 + (A − 498) × 0.6)
    // GIR 1: A = 1 615 → 0.45 × 1 113,9 = 501,255 → 501,26 ; APA 1 113,74
    // GIR 2: A = 1 306 → 0.45 × (443,7 + 808 × 0.6) = 0.45 × 928,5 = 417,825 → 417,83 ; APA 888,17
    // GIR 3: A =   944 → 0.45 × (443,7 + 446 × 0.6) = 0.45 × 711,3 = 320,085 → 320,09 ; APA 623,91
    // GIR 4: A =   630 → 0.45 × (443,7 + 132 × 0.6) = 0.45 × 522,9 = 235,305 → 235,31 ; APA 394,69
    const estimates = estimateForUnknownGir(
      { monthlyResourcesCents: 169_750, household: 'alone', date: ON_ROUND },
      ROUND,
    );
    expect(estimates.map((e) => [e.gir, e.ceilingCents, e.participationCents, e.apaCents])).toEqual([
      [1, 161_500, 50_126, 111_374],
      [2, 130_600, 41_783, 88_817],
      [3, 94_400, 32_009, 62_391],
      [4, 63_000, 23_531, 39_469],
    ]);
  });
});

describe('invalid inputs', () => {
  const valid: ApaEstimateInput = {
    gir: 2,
    monthlyResourcesCents: 150_000,
    household: 'alone',
    date: '2026-05-04',
  };
  const caught = (input: ApaEstimateInput): unknown => {
    try {
      estimateApa(input);
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it.each<[string, Partial<ApaEstimateInput>, string, RegExp]>([
    [
      'negative resources',
      { monthlyResourcesCents: -1 },
      'monthlyResourcesCents',
      /ne peut pas être négatif/,
    ],
    [
      'resources that are not whole cents',
      { monthlyResourcesCents: 1500.5 },
      'monthlyResourcesCents',
      /nombre entier de centimes/,
    ],
    [
      'a plan that is not whole cents',
      { planCents: 10.5 },
      'planCents',
      /plan d'aide doit être un nombre entier/,
    ],
    ['a negative plan', { planCents: -100 }, 'planCents', /plan d'aide ne peut pas être négatif/],
    ['GIR 5 (not eligible)', { gir: unchecked<Gir>(5) }, 'gir', /GIR doit être 1, 2, 3 ou 4/],
    ['GIR 0', { gir: unchecked<Gir>(0) }, 'gir', /GIR doit être 1, 2, 3 ou 4/],
    ['an unknown household', { household: unchecked<'alone'>('single') }, 'household', /situation du foyer/],
    ['a date that does not exist', { date: '2026-02-30' }, 'date', /n'est pas une date valide/],
    ['a date not written YYYY-MM-DD', { date: '01/01/2026' }, 'date', /AAAA-MM-JJ/],
  ])('refuses %s with a French message naming the field', (_name, change, field, message) => {
    const error = caught({ ...valid, ...change });
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid', details: [{ field }] });
    expect((error as ValidationFailed).message).toMatch(message);
  });

  it('lists every faulty field at once', () => {
    const error = caught({ ...valid, gir: unchecked<Gir>(6), monthlyResourcesCents: -5 });
    expect((error as ValidationFailed).details.map((detail) => detail.field)).toEqual([
      'gir',
      'monthlyResourcesCents',
    ]);
  });

  it('refuses a date before the first parameter set (no MTP known)', () => {
    const error = caught({ ...valid, date: '2024-12-31' });
    expect(error).toBeInstanceOf(ApaParametersUnknown);
    expect(error).toMatchObject({
      code: 'APA_PARAMETERS_UNKNOWN',
      message:
        "Aucun barème de l'APA n'est connu pour le 31/12/2024 : le premier barème s'applique à partir du 01/01/2025.",
    });
    expect(() => girCeiling(1, '2024-12-31')).toThrow(ApaParametersUnknown);
    expect(() => flatRate('2024-12-31')).toThrow(ApaParametersUnknown);
  });

  it('refuses a GIR outside 1–4 for a ceiling too', () => {
    expect(() => girCeiling(unchecked<Gir>(5), '2026-01-01')).toThrow(ValidationFailed);
  });
});

describe('provisional parameters (CASF R232-10: revalued each 1 January; never applied silently)', () => {
  it('flags an estimate dated after the last known revaluation, with the last known figures', () => {
    // 2031: no figures after 2026 are known, so the 2026 MTP (GIR 1 ceiling 2 080,33 €) is used, flagged.
    const estimate = estimateApa({
      gir: 1,
      monthlyResourcesCents: 0,
      household: 'alone',
      date: '2031-03-01',
    });
    expect(estimate).toMatchObject({ ceilingCents: 208_033, provisional: true });
    expect(estimate.parameters.validFrom).toBe('2026-01-01');
  });

  it('does not flag a date covered by the known figures', () => {
    expect(
      estimateApa({ gir: 2, monthlyResourcesCents: 0, household: 'alone', date: '2026-12-31' }).provisional,
    ).toBe(false);
    expect(
      estimateForUnknownGir({ monthlyResourcesCents: 0, household: 'alone', date: '2027-01-01' }).every(
        (estimate) => estimate.provisional,
      ),
    ).toBe(true);
  });

  it('words a French warning naming the figures used', () => {
    const warning = provisionalParametersWarning(
      estimateApa({ gir: 1, monthlyResourcesCents: 0, household: 'alone', date: '2031-03-01' }).parameters,
    );
    expect(warning).toMatch(/^Montants provisoires/);
    expect(warning).toContain('01/01/2026');
    expect(warning).toMatch(/MTP 1\s288,13\s€/);
  });
});
