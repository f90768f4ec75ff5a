import { DomainError } from '../errors/index.js';
import type { Ratio } from './ratio.js';

declare const centsBrand: unique symbol;

/** An amount of money in integer euro cents (12,34 € = 1234). Built only by `cents()` or `roundToCents()`. */
export type Cents = number & { readonly [centsBrand]: 'Cents' };

/** Checks that `value` is a whole number of cents and brands it. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `Un montant doit être un nombre entier de centimes (reçu : ${value}).`,
      'invalid',
    );
  }
  return value as Cents;
}

/**
 * Rounds an exact amount of cents to the nearest cent, halves away from zero (half-up for the
 * non-negative amounts of the APA). Computations keep exact values and round here, once, at the end.
 */
export function roundToCents(amount: Ratio): Cents {
  return cents(Number(amount.roundHalfUp()));
}

const EURO_FORMAT = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/**
 * The amount written the French way: "2 080,33 €". Intl uses French typography: a narrow no-break
 * space (U+202F) between thousands and a no-break space (U+00A0) before the euro sign.
 */
export function euros(amount: Cents): string {
  return EURO_FORMAT.format(amount / 100);
}
