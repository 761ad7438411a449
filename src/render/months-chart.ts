// The chart of the monthly series, worked out from the document alone (so a text chart and any
// picture of it draw the same thing), then drawn as horizontal bars for the terminal.
//   --flow exports|imports: that flow's amount each month, ◆ the same month a year earlier;
//   --flow balance, or no --flow: the balance each month (deficits to the left), ◆ a year earlier;
//   no amounts (a dataset of stated rates): the growth on a year earlier, each month, per flow.
import type { Decimal } from '../core/decimal.js';
import type { MonthsDocument } from '../reports/schemas.js';
import { BAR, MARKER, renderBarChart } from './bar-chart.js';
import { formatMoney, formatPct } from './format.js';
import { type ChartFlow, FLOW_TITLES, comparisonLabel, hasAmounts, periodLabel, shortMonthName } from './months-words.js';
import type { TextContext } from './style.js';

export interface MonthsChartRow {
  /** "Nov", or "Nov exports" / "imports" when a month has a row per flow. */
  label: string;
  month: string;
  flow: ChartFlow;
  value: Decimal | null;
  /** The same month a year earlier (amount charts only). */
  yearEarlier: Decimal | null;
}

export interface MonthsChartData {
  title: string;
  /** "money": amounts in the dataset's currency; "pct": growth on the same month a year earlier. */
  measure: 'money' | 'pct';
  /** Whether the values can be negative (a balance, a growth rate): bars on both sides of zero. */
  signed: boolean;
  rows: MonthsChartRow[];
  /** What the bar and the marker stand for: the period and its comparison base. */
  series: { bar: string; marker: string | null };
}

/** What the chart of a months document shows; null when the data has nothing to draw. */
export function monthsChartData(doc: MonthsDocument): MonthsChartData | null {
  const flow = doc.assumptions.flow;
  const label = periodLabel(doc.period);
  const amounts = (f: ChartFlow): MonthsChartData => ({
    title: `${FLOW_TITLES[f]} by month, ${label}`,
    measure: 'money',
    signed: f === 'balance',
    rows: doc.months.map((m) => ({ label: shortMonthName(m.month), month: m.month, flow: f, value: m[f], yearEarlier: m.yearEarlier[f] })),
    series: { bar: label, marker: doc.months.some((m) => m.yearEarlier[f] !== null) ? `${comparisonLabel(doc.period)}, same month` : null },
  });
  const candidates: ChartFlow[] = flow === 'all' ? ['balance', 'exports', 'imports'] : [flow];
  const withAmounts = candidates.find((f) => hasAmounts(doc, f));
  if (withAmounts) return amounts(withAmounts);
  // No amounts: growth rates, as stated, one row per month and flow.
  const flows = (flow === 'all' ? ['exports', 'imports'] : flow === 'balance' ? [] : [flow]) as ('exports' | 'imports')[];
  const growth = (m: MonthsDocument['months'][number], f: 'exports' | 'imports') => (f === 'exports' ? m.exportGrowthPct : m.importGrowthPct);
  if (!doc.months.some((m) => flows.some((f) => growth(m, f) !== null))) return null;
  const rows = doc.months.flatMap((m) => {
    const name = shortMonthName(m.month);
    // Two flows: "Nov exports", then "    imports" under it.
    const labelOf = (f: string, i: number) => (flows.length === 1 ? name : i === 0 ? `${name} ${f}` : `${' '.repeat(name.length + 1)}${f}`);
    return flows.map((f, i) => ({ label: labelOf(f, i), month: m.month, flow: f, value: growth(m, f), yearEarlier: null }));
  });
  const what = flows.length === 1 ? `${FLOW_TITLES[flows[0]!]} growth` : 'Growth';
  return { title: `${what} on the same month a year earlier, ${label}`, measure: 'pct', signed: true, rows, series: { bar: 'growth, y/y', marker: null } };
}

export function renderMonthsChart(doc: MonthsDocument, ctx: TextContext): string | null {
  const data = monthsChartData(doc);
  if (!data) return null;
  const format = data.measure === 'money' ? (d: Decimal) => formatMoney(d, { currency: doc.dataset.currency, unit: ctx.unit }) : (d: Decimal) => formatPct(d, { sign: true });
  return renderBarChart({
    title: data.title,
    rows: data.rows.map((r) => ({ label: r.label, value: r.value, marker: r.yearEarlier })),
    format,
    legend: [`${BAR} ${data.series.bar}`, ...(data.series.marker ? [`${MARKER} ${data.series.marker}`] : [])],
    width: ctx.width,
    style: ctx.style,
    signColours: data.signed,
  });
}
