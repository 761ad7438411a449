// Interval arithmetic over Decimal: the range a derived value can take when every stated figure may
// lie anywhere within its rounding (3.77T is 3.765T–3.775T). Exact to 40 significant digits; the
// bounds are not rounded outward, which matters only far beyond the 15 digits any output carries.
import { Decimal, HUNDRED, ONE, ZERO } from './decimal.js';

const MINUS_HUNDRED = HUNDRED.neg();
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

/**
 * The values a stated flow (exports or imports) can stand for: its rounding, but never below zero,
 * since a flow cannot be negative. A figure stated as 0 spans 0 to 0.5, not −0.5 to 0.5.
 */
export function flowInterval(fig: Figure): Interval {
  const iv = figureInterval(fig);
  return iv.low.isNegative() ? { low: ZERO, high: iv.high.isNegative() ? ZERO : iv.high } : iv;
}

/** The values a stated growth rate can stand for: its rounding, but never below −100 % (all of it gone). */
export function rateInterval(fig: Figure): Interval {
  const iv = figureInterval(fig);
  return iv.low.lt(MINUS_HUNDRED) ? { low: MINUS_HUNDRED, high: Decimal.max(iv.high, MINUS_HUNDRED) } : iv;
}

export function sub(a: Interval, b: Interval): Interval {
  return { low: a.low.minus(b.high), high: a.high.minus(b.low) };
}

/** Whether zero lies in the range, ends included. (decimal.js calls 0 "positive", so compare.) */
export function containsZero(a: Interval): boolean {
  return a.low.lte(0) && a.high.gte(0);
}

/**
 * A percentage interval (3 ± 0.5) as a growth-factor interval (1.025–1.035). A factor is never
 * below zero: a fall of more than 100 % would take a flow below zero, and a flow stops at zero.
 */
export function factorInterval(pct: Interval): Interval {
  return { low: Decimal.max(ZERO, ONE.plus(pct.low.div(HUNDRED))), high: Decimal.max(ZERO, ONE.plus(pct.high.div(HUNDRED))) };
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
