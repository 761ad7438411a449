// The monthly series of a reporter: each month's flows against the same month a year earlier,
// growth year on year (computed from the amounts when the data has both months, otherwise as the
// source states it), year-to-date totals against the same months of the year before, and momentum:
// this month's year-on-year growth minus last month's, in percentage points. Pure.
import { type Decimal, HUNDRED, ONE } from './decimal.js';
import { type Interval, figureInterval, rangeOf } from './interval.js';
import { type Dataset, type DatasetInfo, type MonthRecord, datasetInfo } from './types.js';

export type Flow = 'exports' | 'imports';

/** "2025-01" moved by `delta` months: ("2025-01", -1) → "2024-12", ("2025-12", -12) → "2024-12". */
export function monthOffset(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months of a series by "YYYY-MM", for lookups. */
export type MonthIndex = ReadonlyMap<string, MonthRecord>;

export function indexMonths(months: readonly MonthRecord[]): MonthIndex {
  return new Map(months.map((m) => [m.month, m]));
}

/** The years the series has months in, ascending. */
export function monthYears(months: readonly MonthRecord[]): number[] {
  return [...new Set(months.map((m) => Number(m.month.slice(0, 4))))].sort((a, b) => a - b);
}

const growthOf = (before: Decimal, after: Decimal) => after.div(before).minus(ONE).times(HUNDRED);

export interface DerivedGrowth {
  /** (this month ÷ the same month a year earlier − 1) · 100. */
  value: Decimal;
  /** Its range given the rounding of both amounts; null when the earlier amount may be zero. */
  range: Interval | null;
  /** The month a year earlier. */
  from: string;
}

/** A month's growth on the same month a year earlier, from the amounts; null without both (or from zero). */
export function derivedMonthlyGrowth(index: MonthIndex, month: string, flow: Flow): DerivedGrowth | null {
  const from = monthOffset(month, -12);
  const now = index.get(month)?.[flow];
  const then = index.get(from)?.[flow];
  if (!now || !then || then.value.isZero()) return null;
  const range = rangeOf([figureInterval(then), figureInterval(now)], ([a, b]) => (a!.isZero() ? null : growthOf(a!, b!)));
  return { value: growthOf(then.value, now.value), range, from };
}

export interface MonthlyGrowth {
  value: Decimal;
  /** "derived": from the amounts of both months; "stated": the source's own rate. */
  basis: 'derived' | 'stated';
}

/** A month's year-on-year growth: derived from the amounts when the data has both months, else as stated. */
export function monthlyGrowth(index: MonthIndex, month: string, flow: Flow): MonthlyGrowth | null {
  const derived = derivedMonthlyGrowth(index, month, flow);
  if (derived) return { value: derived.value, basis: 'derived' };
  const stated = index.get(month)?.[flow === 'exports' ? 'exportGrowthPct' : 'importGrowthPct'];
  return stated ? { value: stated.value, basis: 'stated' } : null;
}

/**
 * The sum of a flow from January to `month` (inclusive) of its year; null when any of those months
 * lacks the amount (a year-to-date total is never a sum of the months that happen to be there).
 */
export function yearToDate(index: MonthIndex, month: string, flow: Flow): Decimal | null {
  const year = month.slice(0, 4);
  const last = Number(month.slice(5, 7));
  let sum: Decimal | null = null;
  for (let m = 1; m <= last; m++) {
    const fig = index.get(`${year}-${String(m).padStart(2, '0')}`)?.[flow];
    if (!fig) return null;
    sum = sum ? sum.plus(fig.value) : fig.value;
  }
  return sum;
}

export interface FlowMonth {
  value: Decimal | null;
  /** The same month a year earlier. */
  yearEarlier: Decimal | null;
  growthPct: Decimal | null;
  growthBasis: 'derived' | 'stated' | null;
  /** This month's growth minus the previous month's, in percentage points. */
  momentumPp: Decimal | null;
  yearToDate: Decimal | null;
  /** January to the same month of the year before. */
  yearToDateYearEarlier: Decimal | null;
  yearToDateGrowthPct: Decimal | null;
}

export interface BalanceMonth {
  value: Decimal | null;
  yearEarlier: Decimal | null;
  /** This month's balance minus the same month's a year earlier (a balance can change sign: no percent). */
  change: Decimal | null;
  yearToDate: Decimal | null;
  yearToDateYearEarlier: Decimal | null;
  yearToDateChange: Decimal | null;
}

export interface MonthRow {
  month: string;
  exports: FlowMonth;
  imports: FlowMonth;
  balance: BalanceMonth;
}

export interface MonthsReport {
  kind: 'months';
  dataset: DatasetInfo;
  year: number;
  /** Every calendar month from the year's first month in the data to its last, gaps included. */
  rows: MonthRow[];
  /** All twelve months have both amounts: the year-to-date of December is the year. */
  complete: boolean;
}

const minus = (a: Decimal | null, b: Decimal | null) => (a && b ? a.minus(b) : null);
const growth = (before: Decimal | null, after: Decimal | null) => (before && after && !before.isZero() ? growthOf(before, after) : null);

function flowMonth(index: MonthIndex, month: string, flow: Flow): FlowMonth {
  const g = monthlyGrowth(index, month, flow);
  const previous = monthlyGrowth(index, monthOffset(month, -1), flow);
  const ytd = yearToDate(index, month, flow);
  const ytdBefore = yearToDate(index, monthOffset(month, -12), flow);
  return {
    value: index.get(month)?.[flow]?.value ?? null,
    yearEarlier: index.get(monthOffset(month, -12))?.[flow]?.value ?? null,
    growthPct: g?.value ?? null,
    growthBasis: g?.basis ?? null,
    momentumPp: g && previous ? g.value.minus(previous.value) : null,
    yearToDate: ytd,
    yearToDateYearEarlier: ytdBefore,
    yearToDateGrowthPct: growth(ytdBefore, ytd),
  };
}

/** The months of `year` in the dataset's series (the world total, or a partner's in a bilateral view). */
export function computeMonths(dataset: Dataset, options: { year: number }): MonthsReport {
  const { year } = options;
  const index = indexMonths(dataset.months);
  const inYear = dataset.months.filter((m) => m.month.startsWith(`${year}-`)).map((m) => Number(m.month.slice(5, 7)));
  const rows: MonthRow[] = [];
  const first = inYear.length > 0 ? Math.min(...inYear) : 1;
  const last = inYear.length > 0 ? Math.max(...inYear) : 0;
  for (let m = first; m <= last; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const exports = flowMonth(index, month, 'exports');
    const imports = flowMonth(index, month, 'imports');
    const value = minus(exports.value, imports.value);
    const yearEarlier = minus(exports.yearEarlier, imports.yearEarlier);
    const ytd = minus(exports.yearToDate, imports.yearToDate);
    const ytdBefore = minus(exports.yearToDateYearEarlier, imports.yearToDateYearEarlier);
    rows.push({
      month,
      exports,
      imports,
      balance: { value, yearEarlier, change: minus(value, yearEarlier), yearToDate: ytd, yearToDateYearEarlier: ytdBefore, yearToDateChange: minus(ytd, ytdBefore) },
    });
  }
  const complete = rows.length === 12 && rows.every((r) => r.exports.value && r.imports.value);
  return { kind: 'months', dataset: datasetInfo(dataset), year, rows, complete };
}
