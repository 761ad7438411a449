// Inclusive decimal ranges (start, start+step, … ≤ stop), stepped exactly: value i is
// start + i·step computed in decimal, never accumulated, so 0:1:0.1 ends on 1, not 0.9999….
import { Decimal } from './decimal.js';

export interface DecimalRange {
  start: Decimal;
  stop: Decimal;
  step: Decimal;
}

/** How many values the range holds: floor((stop − start) / step) + 1. */
export function rangeCount(range: DecimalRange): number {
  if (range.stop.lt(range.start)) return 0;
  if (range.stop.eq(range.start)) return 1;
  const n = range.stop.minus(range.start).div(range.step).floor().plus(1);
  // Beyond 2^53 the count is meaningless for a grid anyway; callers refuse it before that.
  return n.gt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : n.toNumber();
}

export function rangeValues(range: DecimalRange): Decimal[] {
  const n = rangeCount(range);
  if (!Number.isFinite(n)) throw new RangeError('range too large to list');
  return Array.from({ length: n }, (_, i) => range.start.plus(range.step.times(i)));
}

/** A single rate as a range of one. */
export function singleRange(value: Decimal): DecimalRange {
  return { start: value, stop: value, step: new Decimal(1) };
}
