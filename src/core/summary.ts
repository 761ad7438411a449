// The summary report: what a year's stated figures imply (balance, total trade, coverage, the prior
// year, momentum). Pure: a dataset in, a plain report object of Decimals out.
import { type Decimal, HUNDRED, factorOf, pctOf } from './decimal.js';
import { previousYear, selectYear } from './select.js';
import { type Dataset, type DatasetInfo, type MonthRecord, type YearRecord, datasetInfo } from './types.js';

export type BalanceKind = 'surplus' | 'deficit' | 'balanced';

export interface TradeFigures {
  year: number;
  exports: Decimal;
  imports: Decimal;
  balance: Decimal;
}

export interface GrowthPair {
  exportGrowthPct: Decimal;
  importGrowthPct: Decimal;
  /** "stated": the source gives the rates; "derived": computed from the previous year's figures. */
  basis: 'stated' | 'derived';
}

export interface PriorYear extends TradeFigures {
  totalTrade: Decimal;
  coverageRatio: Decimal | null;
  balanceShareOfTradePct: Decimal | null;
  /** "reported": the dataset has the year; "implied": backed out of this year's growth rates. */
  basis: 'reported' | 'implied';
}

export interface MomentumSeries {
  earlierPct: Decimal;
  laterPct: Decimal;
  /** Later minus earlier, in percentage points. */
  changePp: Decimal;
}

export interface Momentum {
  earlier: string;
  later: string;
  exports?: MomentumSeries | undefined;
  imports?: MomentumSeries | undefined;
}

export interface SummaryReport {
  kind: 'summary';
  dataset: DatasetInfo;
  current: TradeFigures;
  balanceKind: BalanceKind;
  totalTrade: Decimal;
  /** Exports divided by imports (1.46 means exports cover imports 1.46 times); null without imports. */
  coverageRatio: Decimal | null;
  /** Balance as a percentage of total trade; null when there is no trade. */
  balanceShareOfTradePct: Decimal | null;
  growth: GrowthPair | null;
  prior: PriorYear | null;
  balanceChange: Decimal | null;
  /** Total trade minus the prior year's. */
  totalTradeChange: Decimal | null;
  /** Balance change relative to the prior balance's magnitude; null when the prior balance is zero. */
  balanceChangePct: Decimal | null;
  momentum: Momentum | null;
}

/** A year's balance: exports − imports (negative for a deficit). */
export function balanceOf(record: YearRecord): Decimal {
  return record.exports.value.minus(record.imports.value);
}

export function balanceKindOf(balance: Decimal): BalanceKind {
  if (balance.isZero()) return 'balanced';
  return balance.isNegative() ? 'deficit' : 'surplus';
}

/** Growth from `before` to `after` in percent; null when `before` is zero. */
export function growthPct(before: Decimal, after: Decimal): Decimal | null {
  if (before.isZero()) return null;
  return pctOf(after.div(before));
}

/** A year's figures with the totals and ratios derived from them; a ratio over zero is null. */
function tradeFigures(year: number, exports: Decimal, imports: Decimal) {
  const balance = exports.minus(imports);
  const totalTrade = exports.plus(imports);
  return {
    year,
    exports,
    imports,
    balance,
    totalTrade,
    coverageRatio: imports.isZero() ? null : exports.div(imports),
    balanceShareOfTradePct: totalTrade.isZero() ? null : balance.div(totalTrade).times(HUNDRED),
  };
}

export function computeSummary(dataset: Dataset, options: { year?: number } = {}): SummaryReport {
  const record = selectYear(dataset, options.year);
  const now = tradeFigures(record.year, record.exports.value, record.imports.value);
  const { exports, imports, balance } = now;

  const before = previousYear(dataset, record);
  let growth: GrowthPair | null = null;
  let prior: PriorYear | null = null;
  if (before) {
    const pb = before.exports.value;
    const mb = before.imports.value;
    prior = { ...tradeFigures(before.year, pb, mb), basis: 'reported' };
    const g = growthPct(pb, exports);
    const h = growthPct(mb, imports);
    if (g && h) growth = { exportGrowthPct: g, importGrowthPct: h, basis: 'derived' };
  } else if (record.exportGrowthPct && record.importGrowthPct) {
    const g = record.exportGrowthPct.value;
    const h = record.importGrowthPct.value;
    growth = { exportGrowthPct: g, importGrowthPct: h, basis: 'stated' };
    // A growth of -100 % leaves nothing to divide by: the prior year cannot be implied.
    if (!factorOf(g).isZero() && !factorOf(h).isZero()) {
      const pe = exports.div(factorOf(g));
      const pm = imports.div(factorOf(h));
      prior = { ...tradeFigures(record.year - 1, pe, pm), basis: 'implied' };
    }
  }

  const balanceChange = prior ? balance.minus(prior.balance) : null;
  const balanceChangePct =
    prior && balanceChange && !prior.balance.isZero() ? balanceChange.div(prior.balance.abs()).times(HUNDRED) : null;

  return {
    kind: 'summary',
    dataset: datasetInfo(dataset),
    current: { year: record.year, exports, imports, balance },
    balanceKind: balanceKindOf(balance),
    totalTrade: now.totalTrade,
    coverageRatio: now.coverageRatio,
    balanceShareOfTradePct: now.balanceShareOfTradePct,
    growth,
    prior,
    balanceChange,
    balanceChangePct,
    totalTradeChange: prior ? now.totalTrade.minus(prior.totalTrade) : null,
    momentum: computeMomentum(dataset.months, record.year),
  };
}

/** "2025-01" → "2024-12". */
function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The latest month of the year against the month before it (which may close the previous year). */
function computeMomentum(months: readonly MonthRecord[], year: number): Momentum | null {
  // Months up to the end of the year, the latest of them in the year: a summary of 2024 never shows
  // 2025's momentum, nor momentum from years before it.
  const pool = months.filter((m) => m.month <= `${year}-12`);
  const later = pool[pool.length - 1];
  const earlier = pool[pool.length - 2];
  if (!later || !earlier || !later.month.startsWith(`${year}-`)) return null;
  // Momentum is month on month: the earlier month must be the one just before the later.
  if (earlier.month !== monthBefore(later.month)) return null;
  const series = (a: Decimal | undefined, b: Decimal | undefined): MomentumSeries | undefined =>
    a && b ? { earlierPct: a, laterPct: b, changePp: b.minus(a) } : undefined;
  const exports = series(earlier.exportGrowthPct?.value, later.exportGrowthPct?.value);
  const imports = series(earlier.importGrowthPct?.value, later.importGrowthPct?.value);
  if (!exports && !imports) return null;
  return { earlier: earlier.month, later: later.month, exports, imports };
}

