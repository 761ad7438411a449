// Axes of the SVG charts: "nice" tick values (1, 2 or 5 times a power of ten) computed in exact
// decimals, so a tick reads 1.2 and never 1.2000000000000002; their labels, formatted by
// render/format.ts in one unit for the whole axis; and the map from a value to a pixel.
import { Decimal } from '../../core/decimal.js';
import { type DisplayUnit, autoUnit, formatCount, formatMoney, formatPct, formatScaled, unitFactor, unitLabel } from '../format.js';

/** How an axis shows its values: money in the dataset's currency, a count, or a percentage. */
export type ValueFormat = { kind: 'money'; currency: string; unit: DisplayUnit } | { kind: 'count' } | { kind: 'pct' };

export interface Ticks {
  /** From `lo` to `hi` inclusive, `step` apart. */
  values: Decimal[];
  lo: Decimal;
  hi: Decimal;
  step: Decimal;
}

/**
 * Ticks covering [lo, hi], about `target` of them: the step is 1, 2 or 5 times a power of ten, and
 * the ends are the multiples of it at or beyond lo and hi. A range of one value is opened up
 * around it (by a tenth of it, or by 1 around zero). `whole` keeps the step at 1 or more (counts).
 */
export function niceTicks(lo: Decimal, hi: Decimal, options: { target?: number; whole?: boolean } = {}): Ticks {
  const target = options.target ?? 5;
  if (hi.lt(lo)) [lo, hi] = [hi, lo];
  if (hi.eq(lo)) {
    const pad = lo.isZero() ? new Decimal(1) : lo.abs().div(10);
    lo = lo.minus(pad);
    hi = hi.plus(pad);
  }
  const raw = hi.minus(lo).div(target);
  const power = raw.log(10).floor();
  const magnitude = new Decimal(10).pow(power);
  const f = raw.div(magnitude);
  let step = magnitude.times(f.lte(1) ? 1 : f.lte(2) ? 2 : f.lte(5) ? 5 : 10);
  if (options.whole && step.lt(1)) step = new Decimal(1);
  const first = lo.div(step).floor().times(step);
  const last = hi.div(step).ceil().times(step);
  const values: Decimal[] = [];
  for (let v = first; v.lte(last); v = v.plus(step)) values.push(v);
  return { values, lo: first, hi: last, step };
}

/** A map from values in [lo, hi] to pixels from p0 to p1 (p1 < p0 for a y axis, which grows up). */
export function linear(lo: Decimal, hi: Decimal, p0: number, p1: number): (v: Decimal) => number {
  const span = hi.minus(lo);
  return (v) => p0 + v.minus(lo).div(span).toNumber() * (p1 - p0);
}

export interface AxisLabels {
  /** What the numbers are in, for the axis title: "$ trillions"; empty for a count. */
  unit: string;
  /** A tick's label, in the axis unit without the currency: "1.2". */
  tick(v: Decimal): string;
  /** A value in full, for a tooltip or a legend: "$1.30T", "12,345", "3.00%". */
  value(v: Decimal): string;
}

/**
 * Labels for an axis with these ticks. Money takes one unit for the whole axis (the unit of its
 * largest tick, or --unit), with the decimals the step needs in it, so ticks read 0.9, 1.0, 1.1.
 */
export function axisLabels(format: ValueFormat, ticks: Ticks): AxisLabels {
  switch (format.kind) {
    case 'money': {
      const largest = ticks.values.reduce((m, v) => (v.abs().gt(m) ? v.abs() : m), new Decimal(0));
      let unit = format.unit === 'auto' ? autoUnit(largest) : format.unit;
      // A step too fine for the unit (0.0005T) reads better one unit down (0.5B).
      const order = ['T', 'B', 'M', 'K', '1'] as const;
      while (format.unit === 'auto' && unit !== '1' && ticks.step.div(unitFactor(unit)).decimalPlaces() > 3) unit = order[order.indexOf(unit) + 1]!;
      const decimals = Math.min(6, Math.max(...ticks.values.map((v) => v.div(unitFactor(unit)).decimalPlaces())));
      return {
        unit: unitLabel(unit, format.currency),
        tick: (v) => formatScaled(v, unit, decimals),
        value: (v) => formatMoney(v, { currency: format.currency, unit: format.unit }),
      };
    }
    case 'count':
      return { unit: '', tick: (v) => formatCount(v.toNumber()), value: (v) => formatCount(v.toNumber()) };
    default: {
      const decimals = Math.min(4, Math.max(...ticks.values.map((v) => v.decimalPlaces())));
      return { unit: '%', tick: (v) => formatPct(v, { decimals }).slice(0, -1), value: (v) => formatPct(v) };
    }
  }
}

/** "Balance ($ trillions)", "Runs", "Growth (%)". */
export function axisTitle(title: string, labels: AxisLabels): string {
  return labels.unit === '' ? title : `${title} (${labels.unit})`;
}
