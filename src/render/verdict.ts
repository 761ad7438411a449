// Verdicts as sentences: "Surplus stays above $1T in 2026: yes, by $303.1B". A deficit is called a
// deficit: a negative threshold reads as "deficit stays smaller than".
import type { Decimal } from '../core/decimal.js';
import type { BreakevenReport, BreakevenResult } from '../core/breakeven.js';
import type { ProjectionReport } from '../core/project.js';
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

/**
 * The verdict of a projection as a sentence. Where the balance starts at or above the line the
 * question is whether it stays there in every year; where it starts below, whether it gets there
 * (and stays) by the horizon. Failures are worded for the kind of line: a surplus falls below it,
 * a deficit exceeds it.
 */
export function projectionVerdictText(r: ProjectionReport): string {
  const c = r.dataset.currency;
  const v = r.verdict;
  const money = (d: Decimal) => formatMoney(d, { currency: c });
  const t = formatMoney(r.threshold.abs(), { currency: c, trim: true });
  const first = r.path[0]!.year;
  const single = r.path.length === 1;
  const subject = thresholdQuestion(r.threshold, r.base.balance, c);

  if (v.startsAbove) {
    const question = `${subject} ${single ? `in ${first}` : `in every year ${first}–${v.horizonYear}`}`;
    if (v.holds) {
      // "At or above" is the test: a balance exactly on the line says so rather than "by $0.00".
      if (v.tightestMargin.isZero()) return `${question}: yes, exactly on the line${single ? '' : ` in ${v.tightestYear}`}`;
      return single ? `${question}: yes, by ${money(v.tightestMargin)}` : `${question}: yes, by at least ${money(v.tightestMargin)} (${v.tightestYear})`;
    }
    const gap = money(v.tightestMargin.abs());
    const deficit = r.threshold.isNegative();
    if (single) return deficit ? `${question}: no, the deficit exceeds it by ${gap}` : `${question}: no, short by ${gap}`;
    const crosses = deficit
      ? `the deficit exceeds ${t} in ${v.firstYearBelow}`
      : r.threshold.isZero()
        ? `it falls into deficit in ${v.firstYearBelow}`
        : `it falls below ${formatMoney(r.threshold, { currency: c, trim: true })} in ${v.firstYearBelow}`;
    const upTo = v.firstYearBelow === v.tightestYear ? gap : `up to ${gap} (${v.tightestYear})`;
    return `${question}: no, ${crosses}, ${deficit ? 'by' : r.threshold.isZero() ? 'a deficit of' : 'short by'} ${upTo}`;
  }

  const question = `${subject} ${single ? `in ${first}` : `by ${v.horizonYear}`}`;
  if (v.aboveFrom !== null) {
    const spare = money(v.horizonMargin);
    if (single) return `${question}: yes, by ${spare}`;
    return `${question}: yes, from ${v.aboveFrom} (by ${spare} in ${v.horizonYear})`;
  }
  // A deficit that has not narrowed enough is still over its line; a surplus is short of it.
  const miss = (gap: Decimal) => (r.threshold.isNegative() ? `the deficit is still ${money(gap.abs())} over` : `short by ${money(gap.abs())}`);
  if (single) return `${question}: no, ${miss(v.tightestMargin)}`;
  if (v.firstYearAbove !== null) return `${question}: no, it gets there in ${v.firstYearAbove} but not to stay (${miss(v.horizonMargin)} in ${v.horizonYear})`;
  return `${question}: no, ${miss(v.bestMargin)} at the closest (${v.bestYear})`;
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

function when(r: BreakevenReport): string {
  return r.assumptions.years === 1 ? `in ${r.horizonYear}` : `a year through ${r.horizonYear}`;
}

function cumulativeNote(r: BreakevenReport, cumulative: Decimal): string {
  return r.assumptions.years === 1 ? '' : ` (${formatPct(cumulative.abs(), { decimals: 2 })} over ${r.assumptions.years} years)`;
}

function noSolutionText(r: BreakevenReport, res: Extract<BreakevenResult, { found: false }>, flow: 'export' | 'import'): string {
  const c = r.dataset.currency;
  const t = formatMoney(r.threshold, { currency: c, trim: true });
  switch (res.reason) {
    case 'no-exports':
      return `No export growth reaches ${t}: there are no exports to grow, so the ${r.horizonYear} balance is ${formatMoney(res.balance, { currency: c })} at any rate.`;
    case 'no-imports':
      return `No import growth reaches ${t}: there are no imports to grow, so the ${r.horizonYear} balance is ${formatMoney(res.balance, { currency: c })} at any rate.`;
    case 'any-rate':
      return `The ${r.horizonYear} balance is exactly ${t} at any ${flow} growth: that flow is zero.`;
    case 'out-of-reach':
      return flow === 'export'
        ? `No export growth above −100 % brings the ${r.horizonYear} balance down to ${t}: even with exports gone it would be ${formatMoney(res.bound, { currency: c })}.`
        : `No import growth above −100 % lets the ${r.horizonYear} balance reach ${t}: even with imports gone it would be ${formatMoney(res.bound, { currency: c })}.`;
  }
}

/** "With imports at 0.00%, exports could fall 5.0398% in 2026 before the surplus drops to $1T." */
export function breakevenExportText(r: BreakevenReport): string {
  const res = r.exportGrowth;
  if (!res.found) return noSolutionText(r, res, 'export');
  const { drops, holds } = crossingPhrase(r.threshold, r.base.balance, r.dataset.currency);
  const g = res.solution.growthPct;
  const given = `With imports at ${formatPct(r.assumptions.importGrowthPct, { sign: true })}`;
  const note = cumulativeNote(r, res.solution.cumulativeGrowthPct);
  if (g.isNegative()) return `${given}, exports could fall ${formatBreakevenPct(g.abs())} ${when(r)}${note} before ${drops}.`;
  return `${given}, exports must grow at least ${formatBreakevenPct(g)} ${when(r)}${note} ${holds}.`;
}

/** "With exports at +3.00%, imports could rise 11.7481% in 2026 before the surplus drops to $1T." */
export function breakevenImportText(r: BreakevenReport): string {
  const res = r.importGrowth;
  if (!res.found) return noSolutionText(r, res, 'import');
  const { drops, holds } = crossingPhrase(r.threshold, r.base.balance, r.dataset.currency);
  const h = res.solution.growthPct;
  const given = `With exports at ${formatPct(r.assumptions.exportGrowthPct, { sign: true })}`;
  const note = cumulativeNote(r, res.solution.cumulativeGrowthPct);
  if (!h.isNegative()) return `${given}, imports could rise ${formatBreakevenPct(h)} ${when(r)}${note} before ${drops}.`;
  return `${given}, imports must fall at least ${formatBreakevenPct(h.abs())} ${when(r)}${note} ${holds}.`;
}
