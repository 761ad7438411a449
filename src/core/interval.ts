// Interval arithmetic over Decimal: the range a derived value can take when every stated figure may
// lie anywhere within its rounding (3.77T is 3.765T–3.775T). Exact to 40 significant digits; the
// bounds are not rounded outward, which matters only far beyond the 15 digits any output carries.
import { type Decimal, HUNDRED, ONE } from './decimal.js';
import type { Figure } from './types.js';

export interface Interval {
  low: Decimal;
  high: Decimal;
}

export function point(value: Decimal): Interval {
  return { low: value, high: value };
}

export function interval(a: Decimal, b: Decimal): Interval {
  return a.lte(b) ? { low: a, high: b } : { low: b, high: a };
}

/** The values a stated figure can stand for: its value ± half a unit in the last stated digit. */
export function figureInterval(fig: Figure): Interval {
  return { low: fig.value.minus(fig.halfWidth), high: fig.value.plus(fig.halfWidth) };
}

export function sub(a: Interval, b: Interval): Interval {
  return { low: a.low.minus(b.high), high: a.high.minus(b.low) };
}

/** Whether zero lies in the range, ends included. (decimal.js calls 0 "positive", so compare.) */
export function containsZero(a: Interval): boolean {
  return a.low.lte(0) && a.high.gte(0);
}

/** A percentage interval (3 ± 0.5) as a growth-factor interval (1.025–1.035). */
export function factorInterval(pct: Interval): Interval {
  return { low: ONE.plus(pct.low.div(HUNDRED)), high: ONE.plus(pct.high.div(HUNDRED)) };
}

/**
 * The exact range of f over the box of independent inputs, by evaluating f at every corner. Valid
 * when f is monotone in each input while the others are held fixed (sums, differences, products
 * and quotients of positive quantities, growth factors), which is true of every value the reports
 * derive. Unlike composing interval operations, this does not widen a range when one input appears
 * twice (the balance change uses this year's exports both directly and through the prior year).
 * Returns null when f is undefined at some corner (a division by a range that reaches zero).
 */
export function rangeOf(inputs: readonly Interval[], f: (xs: Decimal[]) => Decimal | null): Interval | null {
  let low: Decimal | null = null;
  let high: Decimal | null = null;
  const corners = 1 << inputs.length;
  for (let mask = 0; mask < corners; mask++) {
    const xs = inputs.map((iv, i) => ((mask >> i) & 1 ? iv.high : iv.low));
    const y = f(xs);
    if (y === null || !y.isFinite()) return null;
    if (low === null || y.lt(low)) low = y;
    if (high === null || y.gt(high)) high = y;
  }
  return low && high ? { low, high } : null;
}
