// The monthly series in words: the period's label ("January–November 2025" for part of a year,
// "2025" only for all twelve months), the year-to-date sentences, and what the data lacks. Shared
// by the text view, markdown's notes and any chart of the series, so they all say the same.
import type { Decimal } from '../core/decimal.js';
import type { MonthsDocument } from '../reports/schemas.js';
import { type DisplayUnit, formatMoney, formatPct } from './format.js';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** "Jan" … "Dec". */
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((m) => m.slice(0, 3));

type Period = MonthsDocument['period'];
export type ChartFlow = 'exports' | 'imports' | 'balance';

/** "2025-11" → "November". */
export function monthName(month: string): string {
  return MONTH_NAMES[Number(month.slice(5, 7)) - 1]!;
}

/** "2025-11" → "Nov". */
export function shortMonthName(month: string): string {
  return monthName(month).slice(0, 3);
}

/** The months of the period in `year`: "2025" for a complete year, else "January–November 2025" or "December 2025". */
export function periodLabel(p: Period, year = p.year): string {
  if (p.complete) return `${year}`;
  const from = monthName(p.from);
  const to = monthName(p.to);
  return from === to ? `${to} ${year}` : `${from}–${to} ${year}`;
}

/** The same months a year earlier: the comparison base. */
export function comparisonLabel(p: Period): string {
  return periodLabel(p, p.year - 1);
}

/** The flows the views show: all three, or the one chosen with --flow. */
export function flowsInView(doc: MonthsDocument): ChartFlow[] {
  return doc.assumptions.flow === 'all' ? ['exports', 'imports', 'balance'] : [doc.assumptions.flow];
}

export const FLOW_TITLES: Record<ChartFlow, string> = { exports: 'Exports', imports: 'Imports', balance: 'Balance' };

/** "a surplus of $1.13T", "a deficit of $90.0B", "balanced trade". */
export function balanceWords(b: Decimal, money: (d: Decimal) => string): string {
  if (b.isZero()) return 'balanced trade';
  return `a ${b.isNegative() ? 'deficit' : 'surplus'} of ${money(b.abs())}`;
}

export const hasAmounts = (doc: MonthsDocument, flow: ChartFlow) => doc.months.some((m) => m[flow] !== null);

/** The months of the period's year, January to its last month, that lack `flow`'s amount (none in the data counts too). */
function missingMonths(doc: MonthsDocument, flow: ChartFlow): string[] {
  const last = Number(doc.period.to.slice(5, 7));
  const byMonth = new Map(doc.months.map((m) => [m.month, m]));
  const missing: string[] = [];
  for (let k = 1; k <= last; k++) {
    const m = byMonth.get(`${doc.period.year}-${String(k).padStart(2, '0')}`);
    const has = m !== undefined && (flow === 'balance' ? m.exports !== null && m.imports !== null : m[flow] !== null);
    if (!has) missing.push(MONTH_NAMES[k - 1]!);
  }
  return missing;
}

function namesList(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The period's total of one flow against the same months a year earlier, or why there is none:
 * "2025: exports $3.71T, +5.50% on 2024 ($3.52T)."
 */
export function yearToDateSentence(doc: MonthsDocument, flow: ChartFlow, unit: DisplayUnit = 'auto'): string | null {
  if (!hasAmounts(doc, flow)) return null;
  const money = (d: Decimal, sign = false) => formatMoney(d, { currency: doc.dataset.currency, unit, sign });
  const label = periodLabel(doc.period);
  const before = comparisonLabel(doc.period);
  const ytd = doc.months[doc.months.length - 1]!.yearToDate;
  const now = ytd[flow];
  if (now === null) {
    const what = flow === 'balance' ? 'the balance' : flow;
    return `${label}: ${what} cannot be totalled, as the data lacks ${flow === 'balance' ? 'exports or imports' : flow} for ${namesList(missingMonths(doc, flow))} ${doc.period.year}.`;
  }
  const then = ytd.yearEarlier[flow];
  if (flow === 'balance') {
    const words = (d: Decimal) => balanceWords(d, (x) => money(x));
    return then === null
      ? `${label}: ${words(now)}; the data lacks ${before} to compare with.`
      : `${label}: ${words(now)}, against ${words(then)} in ${before} (${money(ytd.balanceChange!, true)}).`;
  }
  const growth = flow === 'exports' ? ytd.exportGrowthPct : ytd.importGrowthPct;
  if (then === null || growth === null) return `${label}: ${flow} ${money(now)}; the data lacks ${before} to compare with.`;
  return `${label}: ${flow} ${money(now)}, ${formatPct(growth, { sign: true })} on ${before} (${money(then)}).`;
}

/** The mark of a growth rate the source states (not computed from amounts). */
export const STATED_MARK = '*';

/** What the data lacks, and what the marks mean. */
export function missingNotes(doc: MonthsDocument): string[] {
  const flows = flowsInView(doc);
  const notes: string[] = [];
  const label = periodLabel(doc.period);
  const anyAmount = flows.some((f) => hasAmounts(doc, f));
  if (!anyAmount) {
    notes.push(`The data has no monthly amounts for ${label}, only growth rates as the source states them: the values, year-to-date totals${flows.includes('balance') ? ' and the balance' : ''} need amounts.`);
  }
  const growthFlows = flows.filter((f): f is 'exports' | 'imports' => f !== 'balance');
  const stated = doc.months.some((m) => growthFlows.some((f) => (f === 'exports' ? m.exportGrowthBasis : m.importGrowthBasis) === 'stated'));
  if (stated) notes.push(`${STATED_MARK} growth as the source states it: the data lacks the amounts of the same month a year earlier to compute it.`);
  const anyGrowth = doc.months.some((m) => growthFlows.some((f) => (f === 'exports' ? m.exportGrowthPct : m.importGrowthPct) !== null));
  const anyEarlier = doc.months.some((m) => flows.some((f) => m.yearEarlier[f] !== null));
  if (anyAmount && !anyEarlier && !anyGrowth) notes.push(`Growth needs the same months of ${doc.period.year - 1}, and the data has none of them.`);
  return notes;
}

/** The sentences under a markdown table: the totals of the period, then what the data lacks. */
export function monthsNotes(doc: MonthsDocument, unit: DisplayUnit = 'auto'): string[] {
  return [...flowsInView(doc).map((f) => yearToDateSentence(doc, f, unit)).filter((s): s is string => s !== null), ...missingNotes(doc)];
}
