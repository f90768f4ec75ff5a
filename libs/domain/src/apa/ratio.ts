/**
 * An exact rational number (numerator / denominator, bigint), so that money is computed without
 * floating-point error and rounded once, at the end (see `roundToCents` in money.ts).
 * Internal to the APA calculator: amounts leave it as integer `Cents`.
 */
export class Ratio {
  static readonly ZERO = new Ratio(0n, 1n);
  static readonly ONE = new Ratio(1n, 1n);

  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static of(numerator: bigint, denominator: bigint = 1n): Ratio {
    if (denominator === 0n) throw new RangeError('Ratio with a zero denominator');
    const sign = denominator < 0n ? -1n : 1n;
    const divisor = gcd(abs(numerator), abs(denominator));
    return new Ratio((sign * numerator) / divisor, (sign * denominator) / divisor);
  }

  /** A safe integer, e.g. an amount in cents. */
  static integer(value: number): Ratio {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer: ${value}`);
    return Ratio.of(BigInt(value));
  }

  /** A decimal written as text ("1.615", "2.67"), read exactly: parameters stay readable data. */
  static decimal(text: string): Ratio {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) throw new RangeError(`Not a decimal number: "${text}"`);
    const [, sign = '', whole = '0', fraction = ''] = match;
    const numerator = BigInt(`${sign}${whole}${fraction}`);
    return Ratio.of(numerator, 10n ** BigInt(fraction.length));
  }

  plus(other: Ratio): Ratio {
    return Ratio.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  minus(other: Ratio): Ratio {
    return this.plus(Ratio.of(-other.numerator, other.denominator));
  }

  times(other: Ratio): Ratio {
    return Ratio.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  dividedBy(other: Ratio): Ratio {
    if (other.numerator === 0n) throw new RangeError('Division of a Ratio by zero');
    return Ratio.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  /** Negative, zero or positive as this is below, equal to or above `other`. */
  compare(other: Ratio): number {
    const difference = this.numerator * other.denominator - other.numerator * this.denominator;
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }

  min(other: Ratio): Ratio {
    return this.compare(other) <= 0 ? this : other;
  }

  max(other: Ratio): Ratio {
    return this.compare(other) >= 0 ? this : other;
  }

  /** Nearest integer, halves rounded away from zero ("half-up" for the non-negative amounts of the APA). */
  roundHalfUp(): bigint {
    const twice = 2n * abs(this.numerator) + this.denominator;
    const magnitude = twice / (2n * this.denominator);
    return this.numerator < 0n ? -magnitude : magnitude;
  }
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
