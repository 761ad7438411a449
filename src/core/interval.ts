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

export function add(a: Interval, b: Interval): Interval {
  return { low: a.low.plus(b.low), high: a.high.plus(b.high) };
}

export function sub(a: Interval, b: Interval): Interval {
  return { low: a.low.minus(b.high), high: a.high.minus(b.low) };
}

function hull(values: Decimal[]): Interval {
  let low = values[0]!;
  let high = values[0]!;
  for (const v of values) {
    if (v.lt(low)) low = v;
    if (v.gt(high)) high = v;
  }
  return { low, high };
}

export function mul(a: Interval, b: Interval): Interval {
  return hull([a.low.times(b.low), a.low.times(b.high), a.high.times(b.low), a.high.times(b.high)]);
}

/** a ÷ b, or null when b contains zero (the quotient is then unbounded). */
export function div(a: Interval, b: Interval): Interval | null {
  if (containsZero(b)) return null;
  return hull([a.low.div(b.low), a.low.div(b.high), a.high.div(b.low), a.high.div(b.high)]);
}

export function scale(a: Interval, k: Decimal): Interval {
  return interval(a.low.times(k), a.high.times(k));
}

export function containsZero(a: Interval): boolean {
  return !a.low.isPositive() && !a.high.isNegative();
}

/** A percentage interval (3 ± 0.5) as a growth-factor interval (1.025–1.035). */
export function factorInterval(pct: Interval): Interval {
  return { low: ONE.plus(pct.low.div(HUNDRED)), high: ONE.plus(pct.high.div(HUNDRED)) };
}

/** Growth from `before` to `after` in percent, or null when `before` may be zero. */
export function growthInterval(before: Interval, after: Interval): Interval | null {
  const q = div(after, before);
  return q ? { low: q.low.minus(ONE).times(HUNDRED), high: q.high.minus(ONE).times(HUNDRED) } : null;
}

export function width(a: Interval): Decimal {
  return a.high.minus(a.low);
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
