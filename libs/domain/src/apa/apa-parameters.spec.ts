import { ValidationFailed } from '../errors/index.js';
import {
  APA_PARAMETERS,
  ApaParametersUnknown,
  defineApaParameters,
  legalDateFault,
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
