import { ValidationFailed } from '../errors/index.js';
import {
  APA_PARAMETERS,
  ApaParametersUnknown,
  defineApaParameters,
  legalDateFault,
  nextExpectedRevaluation,
  parametersAreProvisional,
  parametersOn,
} from './apa-parameters.js';

describe('parametersOn', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 126_660, 1_188],
    ['2025-12-31', '2025-01-01', 126_660, 1_188],
    ['2026-01-01', '2026-01-01', 128_813, 1_202],
    ['2031-07-14', '2026-01-01', 128_813, 1_202],
  ])(
    'on %s picks the set valid from %s (MTP %i, SMIC %i)',
    (date, validFrom, mtpCents, smicHourlyGrossCents) => {
      expect(parametersOn(date)).toEqual({ validFrom, mtpCents, smicHourlyGrossCents });
    },
  );

  it('refuses a date before the first set, and a malformed date', () => {
    expect(() => parametersOn('2024-12-31')).toThrow(ApaParametersUnknown);
    expect(() => parametersOn('2026-1-1')).toThrow(ValidationFailed);
  });
});

describe('defineApaParameters', () => {
  it('keeps the built-in list in date order', () => {
    expect(APA_PARAMETERS.map((entry) => entry.validFrom)).toEqual(['2025-01-01', '2026-01-01']);
  });

  it.each([
    ['an empty list', []],
    [
      'dates out of order',
      [
        { validFrom: '2026-01-01', mtpCents: 1, smicHourlyGrossCents: 1 },
        { validFrom: '2025-01-01', mtpCents: 1, smicHourlyGrossCents: 1 },
      ],
    ],
    ['an amount that is not positive', [{ validFrom: '2026-01-01', mtpCents: 0, smicHourlyGrossCents: 1 }]],
  ])('refuses %s', (_name, entries) => {
    expect(() => defineApaParameters(entries)).toThrow();
  });
});

describe('legalDateFault', () => {
  it.each([
    ['2024-02-29', undefined],
    ['2025-02-29', "La date « 2025-02-29 » n'est pas une date valide au format AAAA-MM-JJ."],
    ['2025-13-01', "La date « 2025-13-01 » n'est pas une date valide au format AAAA-MM-JJ."],
    [
      '2025-01-01T00:00:00Z',
      "La date « 2025-01-01T00:00:00Z » n'est pas une date valide au format AAAA-MM-JJ.",
    ],
  ])('%s → %p', (date, fault) => {
    expect(legalDateFault(date)).toBe(fault);
  });
});

describe('parametersAreProvisional (CASF R232-10: the MTP is revalued each 1 January)', () => {
  it.each([
    // The last known entry is valid from 2026-01-01: its figures are certain until 31/12/2026 only.
    ['2025-06-01', false],
    ['2026-12-31', false],
    ['2027-01-01', true],
    ['2031-07-14', true],
  ])('on %s → %p', (date, provisional) => {
    expect(parametersAreProvisional(date)).toBe(provisional);
  });

  it('follows the table: once the 2027 figures are entered, 2027 is no longer provisional', () => {
    const with2027 = defineApaParameters([
      { validFrom: '2026-01-01', mtpCents: 128_813, smicHourlyGrossCents: 1_202 },
      { validFrom: '2027-01-01', mtpCents: 130_000, smicHourlyGrossCents: 1_220 },
    ]);
    expect(nextExpectedRevaluation(with2027)).toBe('2028-01-01');
    expect(parametersAreProvisional('2027-06-01', with2027)).toBe(false);
    expect(parametersAreProvisional('2028-01-01', with2027)).toBe(true);
  });

  it('refuses a malformed date', () => {
    expect(() => parametersAreProvisional('2031-13-01')).toThrow(ValidationFailed);
  });
});
