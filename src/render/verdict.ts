// Verdicts as sentences: "Surplus stays above $1T in 2026: yes, by $303.1B". A deficit is called a
// deficit: a negative threshold reads as "deficit stays smaller than".
import type { Decimal } from '../core/decimal.js';
import type { ProjectionReport } from '../core/project.js';
import { formatMoney } from './format.js';

/** The question a threshold asks of a balance, phrased for where the balance starts. */
export function thresholdQuestion(threshold: Decimal, startBalance: Decimal, currency: string): string {
  const t = formatMoney(threshold.abs(), { currency, trim: true });
  const startsAbove = startBalance.gte(threshold);
  if (threshold.isZero()) return startsAbove ? 'Trade stays in surplus' : 'Trade reaches a surplus';
  if (threshold.isPositive()) return startsAbove ? `Surplus stays above ${t}` : `Surplus reaches ${t}`;
  if (!startBalance.isNegative()) return `Any deficit stays smaller than ${t}`;
  return startsAbove ? `Deficit stays smaller than ${t}` : `Deficit narrows to ${t} or less`;
}

function period(r: ProjectionReport): string {
  const first = r.path[0]!.year;
  const last = r.verdict.horizonYear;
  return first === last ? `in ${last}` : `in every year ${first}–${last}`;
}

export function projectionVerdictText(r: ProjectionReport): string {
  const c = r.dataset.currency;
  const question = `${thresholdQuestion(r.threshold, r.base.balance, c)} ${period(r)}`;
  const v = r.verdict;
  if (v.holds) {
    const by = formatMoney(v.tightestMargin, { currency: c });
    return r.path.length === 1 ? `${question}: yes, by ${by}` : `${question}: yes, by at least ${by} (${v.tightestYear})`;
  }
  const shortfall = formatMoney(v.tightestMargin.abs(), { currency: c });
  if (r.path.length === 1) return `${question}: no, short by ${shortfall}`;
  if (v.firstYearBelow === v.tightestYear) return `${question}: no, first below in ${v.firstYearBelow}, short by ${shortfall}`;
  return `${question}: no, first below in ${v.firstYearBelow}, short by up to ${shortfall} (${v.tightestYear})`;
}
