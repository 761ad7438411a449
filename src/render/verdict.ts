// Verdicts as sentences: "Surplus stays above $1T in 2026: yes, by $303.1B". A deficit is called a
// deficit: a negative threshold reads as "deficit stays smaller than".
import type { Decimal } from '../core/decimal.js';
import { formatMoney, formatPct } from './format.js';

/** The question a threshold asks of a balance, phrased for where the balance starts. */
export function thresholdQuestion(threshold: Decimal, startBalance: Decimal, currency: string): string {
  const t = formatMoney(threshold.abs(), { currency, trim: true });
  const startsAbove = startBalance.gte(threshold);
  if (threshold.isZero()) return startsAbove ? 'Trade stays in surplus' : 'Trade reaches a surplus';
  if (threshold.isPositive()) return startsAbove ? `Surplus stays above ${t}` : `Surplus reaches ${t}`;
  if (!startBalance.isNegative()) return `Any deficit stays smaller than ${t}`;
  return startsAbove ? `Deficit stays smaller than ${t}` : `Deficit narrows to ${t} or less`;
}

/** What a verdict's sentence needs besides the verdict: the line, where the balance starts, the years. */
export interface VerdictContext {
  threshold: Decimal;
  baseBalance: Decimal;
  /** The first projected year. */
  firstYear: number;
  currency: string;
}

/** The verdict fields a sentence is built from (a projection's, or a scenario's). */
export interface VerdictData {
  question: 'stays-above' | 'reaches';
  answer: boolean;
  firstYearAbove: number | null;
  firstYearBelow: number | null;
  aboveFrom: number | null;
  tightest: { year: number; margin: Decimal };
  best: { year: number; margin: Decimal };
  horizon: { year: number; margin: Decimal };
}

/**
 * The verdict of a projection as a sentence, built from its question and answer. "stays-above": the
 * balance starts at or above the line, and the question is whether it stays there in every year;
 * "reaches": it starts below, and the question is whether it gets there (and stays) by the horizon.
 * Failures are worded for the kind of line: a surplus falls below it, a deficit exceeds it.
 */
export function projectionVerdictText(v: VerdictData, c: VerdictContext): string {
  const money = (d: Decimal) => formatMoney(d, { currency: c.currency });
  const t = formatMoney(c.threshold.abs(), { currency: c.currency, trim: true });
  const first = c.firstYear;
  const single = v.horizon.year === first;
  const subject = thresholdQuestion(c.threshold, c.baseBalance, c.currency);

  if (v.question === 'stays-above') {
    const question = `${subject} ${single ? `in ${first}` : `in every year ${first}–${v.horizon.year}`}`;
    if (v.answer) {
      // "At or above" is the test: a balance exactly on the line says so rather than "by $0.00".
      if (v.tightest.margin.isZero()) return `${question}: yes, exactly on the line${single ? '' : ` in ${v.tightest.year}`}`;
      return single ? `${question}: yes, by ${money(v.tightest.margin)}` : `${question}: yes, by at least ${money(v.tightest.margin)} (${v.tightest.year})`;
    }
    const gap = money(v.tightest.margin.abs());
    const deficit = c.threshold.isNegative();
    if (single) return deficit ? `${question}: no, the deficit exceeds it by ${gap}` : `${question}: no, short by ${gap}`;
    const crosses = deficit
      ? `the deficit exceeds ${t} in ${v.firstYearBelow}`
      : c.threshold.isZero()
        ? `it falls into deficit in ${v.firstYearBelow}`
        : `it falls below ${formatMoney(c.threshold, { currency: c.currency, trim: true })} in ${v.firstYearBelow}`;
    const upTo = v.firstYearBelow === v.tightest.year ? gap : `up to ${gap} (${v.tightest.year})`;
    return `${question}: no, ${crosses}, ${deficit ? 'by' : c.threshold.isZero() ? 'a deficit of' : 'short by'} ${upTo}`;
  }

  const question = `${subject} ${single ? `in ${first}` : `by ${v.horizon.year}`}`;
  if (v.answer) {
    const spare = money(v.horizon.margin);
    if (single) return `${question}: yes, by ${spare}`;
    return `${question}: yes, from ${v.aboveFrom} (by ${spare} in ${v.horizon.year})`;
  }
  // A deficit that has not narrowed enough is still over its line; a surplus is short of it.
  const miss = (gap: Decimal) => (c.threshold.isNegative() ? `the deficit is still ${money(gap.abs())} over` : `short by ${money(gap.abs())}`);
  if (single) return `${question}: no, ${miss(v.tightest.margin)}`;
  if (v.firstYearAbove !== null) return `${question}: no, it gets there in ${v.firstYearAbove} but not to stay (${miss(v.horizon.margin)} in ${v.horizon.year})`;
  return `${question}: no, ${miss(v.best.margin)} at the closest (${v.best.year})`;
}

/**
 * "the surplus drops to $1T", "the surplus disappears", "the deficit widens to $500B", or, from a
 * surplus to a deficit line, "the balance falls to a $3T deficit": worded from where the balance is.
 */
function crossingPhrase(threshold: Decimal, balance: Decimal, currency: string): { drops: string; holds: string } {
  const t = formatMoney(threshold.abs(), { currency, trim: true });
  if (threshold.isZero()) return { drops: 'the surplus disappears', holds: 'for trade to be in surplus' };
  if (threshold.isPositive()) {
    return { drops: balance.isNegative() ? `the balance falls to ${t}` : `the surplus drops to ${t}`, holds: `for the surplus to be at least ${t}` };
  }
  return {
    drops: balance.isNegative() ? `the deficit widens to ${t}` : `the balance falls to a ${t} deficit`,
    holds: `for any deficit to be at most ${t}`,
  };
}

/** A break-even rate for sentences: four decimals, as the article's −5.0398 % is usually quoted. */
export function formatBreakevenPct(value: Decimal, sign = false): string {
  return formatPct(value, { decimals: 4, sign });
}

/** What a break-even sentence needs besides the solution. */
export interface BreakevenContext {
  threshold: Decimal;
  baseBalance: Decimal;
  horizonYear: number;
  yearCount: number;
  /** The rate of the flow held fixed while the other is solved. */
  heldGrowthPct: Decimal;
  currency: string;
}

/** The solution fields a sentence is built from. */
export interface BreakevenData {
  solveFor: 'exports' | 'imports';
  found: boolean;
  breakevenGrowthPct: Decimal | null;
  cumulativeGrowthPct: Decimal | null;
  reason: 'no-exports' | 'no-imports' | 'out-of-reach' | 'any-rate' | null;
  boundBalance: Decimal | null;
}

function when(c: BreakevenContext): string {
  return c.yearCount === 1 ? `in ${c.horizonYear}` : `a year through ${c.horizonYear}`;
}

function cumulativeNote(c: BreakevenContext, cumulative: Decimal): string {
  return c.yearCount === 1 ? '' : ` (${formatPct(cumulative.abs(), { decimals: 2 })} over ${c.yearCount} years)`;
}

function noSolutionText(s: BreakevenData, c: BreakevenContext): string {
  const money = (d: Decimal) => formatMoney(d, { currency: c.currency });
  const t = formatMoney(c.threshold, { currency: c.currency, trim: true });
  const flow = s.solveFor === 'exports' ? 'export' : 'import';
  switch (s.reason) {
    case 'no-exports':
      return `No export growth reaches ${t}: there are no exports to grow, so the ${c.horizonYear} balance is ${money(s.boundBalance!)} at any rate.`;
    case 'no-imports':
      return `No import growth reaches ${t}: there are no imports to grow, so the ${c.horizonYear} balance is ${money(s.boundBalance!)} at any rate.`;
    case 'any-rate':
      return `The ${c.horizonYear} balance is exactly ${t} at any ${flow} growth: that flow is zero.`;
    default:
      return s.solveFor === 'exports'
        ? `No export growth above −100 % brings the ${c.horizonYear} balance down to ${t}: even with exports gone it would be ${money(s.boundBalance!)}.`
        : `No import growth above −100 % lets the ${c.horizonYear} balance reach ${t}: even with imports gone it would be ${money(s.boundBalance!)}.`;
  }
}

/**
 * "With imports at 0.00%, exports could fall 5.0398% in 2026 before the surplus drops to $1T."
 * "With exports at +3.00%, imports could rise 11.7481% in 2026 before the surplus drops to $1T."
 */
export function breakevenText(s: BreakevenData, c: BreakevenContext): string {
  if (!s.found) return noSolutionText(s, c);
  const { drops, holds } = crossingPhrase(c.threshold, c.baseBalance, c.currency);
  const rate = s.breakevenGrowthPct!;
  const note = cumulativeNote(c, s.cumulativeGrowthPct!);
  if (s.solveFor === 'exports') {
    const given = `With imports at ${formatPct(c.heldGrowthPct, { sign: true })}`;
    if (rate.isNegative()) return `${given}, exports could fall ${formatBreakevenPct(rate.abs())} ${when(c)}${note} before ${drops}.`;
    return `${given}, exports must grow at least ${formatBreakevenPct(rate)} ${when(c)}${note} ${holds}.`;
  }
  const given = `With exports at ${formatPct(c.heldGrowthPct, { sign: true })}`;
  if (!rate.isNegative()) return `${given}, imports could rise ${formatBreakevenPct(rate)} ${when(c)}${note} before ${drops}.`;
  return `${given}, imports must fall at least ${formatBreakevenPct(rate.abs())} ${when(c)}${note} ${holds}.`;
}
