import { DomainError } from '../errors/index.js';
import { cents, euros, roundToCents } from './money.js';
import { Ratio } from './ratio.js';

describe('cents', () => {
  it('accepts whole cents, including zero and negative amounts', () => {
    expect([cents(0), cents(208_033), cents(-150)]).toEqual([0, 208_033, -150]);
  });

  it.each([12.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses %p with a French message',
    (value) => {
      expect(() => cents(value)).toThrow(DomainError);
      expect(() => cents(value)).toThrow(/nombre entier de centimes/);
    },
  );
});

describe('euros (French format, narrow no-break space for thousands, no-break space before €)', () => {
  it.each([
    [208_033, '2\u202f080,33\u00a0€'],
    [50, '0,50\u00a0€'],
    [0, '0,00\u00a0€'],
    [123_456_789, '1\u202f234\u202f567,89\u00a0€'],
  ])('%i cents → %s', (amount, text) => {
    expect(euros(cents(amount))).toBe(text);
  });
});

describe('roundToCents (half-up, once, at the end)', () => {
  it.each<[string, Ratio, number]>([
    // 2026 flat rate: 208 033 / 2 = 104 016,5 cents → 104 017
    ['an exact half rounds up', Ratio.of(208_033n, 2n), 104_017],
    // 104 016,4999 cents → 104 016
    ['just below a half rounds down', Ratio.of(1_040_164_999n, 10_000n), 104_016],
    // 1.615 × 128 813 = 208 032,995 cents → 208 033 (GIR 1 ceiling 2026)
    [
      'a product of decimals is exact before rounding',
      Ratio.decimal('1.615').times(Ratio.integer(128_813)),
      208_033,
    ],
    ['a third rounds down', Ratio.of(1n, 3n), 0],
    ['two thirds rounds up', Ratio.of(2n, 3n), 1],
    ['a negative half rounds away from zero', Ratio.of(-1n, 2n), -1],
  ])('%s', (_name, amount, expected) => {
    expect(roundToCents(amount)).toBe(expected);
  });
});

describe('Ratio', () => {
  it('reads decimal text exactly and keeps sums exact', () => {
    // 0.1 + 0.2 = 0.3 exactly (in floats: 0.30000000000000004)
    expect(Ratio.decimal('0.1').plus(Ratio.decimal('0.2')).compare(Ratio.decimal('0.3'))).toBe(0);
    expect(Ratio.decimal('2.67').times(Ratio.integer(100))).toEqual(Ratio.integer(267));
  });

  it('refuses what is not a decimal, or a division by zero', () => {
    expect(() => Ratio.decimal('1,5')).toThrow(RangeError);
    expect(() => Ratio.ONE.dividedBy(Ratio.ZERO)).toThrow(RangeError);
  });
});
