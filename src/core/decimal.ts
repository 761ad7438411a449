// The one Decimal constructor every module uses: 40 significant digits, so that intermediate
// results of compounding and roots stay exact far beyond the 15 digits any output carries.
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  // Never switch to exponent notation in toString(): renderers still use toFixed(), this is a guard.
  toExpNeg: -9e15,
  toExpPos: 9e15,
  maxE: 9e15,
  minE: -9e15,
});
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** A percentage (3 means 3 %) as a growth factor (1.03). */
export function factorOf(pct: Decimal): Decimal {
  return ONE.plus(pct.div(HUNDRED));
}

/** A growth factor (1.03) as a percentage (3). */
export function pctOf(factor: Decimal): Decimal {
  return factor.minus(ONE).times(HUNDRED);
}

export function isDecimal(value: unknown): value is Decimal {
  return DecimalJs.isDecimal(value);
}
