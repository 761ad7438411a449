// `months --format svg`: the chart of the monthly series as a picture, drawn from the same
// `monthsChartData` as the text chart. Amounts: a bar for each month, rising from zero (a balance's
// deficits below it), with a diamond at the same month a year earlier (◆ in the text chart), and
// the growth on it in each bar's tooltip. Stated growth rates only (no amounts): a horizontal bar
// for each month and flow, as the text chart draws them. A part of a year is named by its months.
import type { Decimal } from '../../core/decimal.js';
import type { MonthsDocument } from '../../reports/schemas.js';
import { formatMoney, formatPct } from '../format.js';
import { type MonthsChartData, monthsChartData } from '../months-chart.js';
import { FLOW_TITLES, STATED_MARK, comparisonLabel, missingNotes, monthName, periodLabel, shortMonthName, yearToDateSentence } from '../months-words.js';
import { type Bar, svgBarChart } from './bar-chart.js';
import { type SvgContext, provenanceLine, sourceNotes } from './frame.js';
import type { Tone } from './theme.js';

type MonthDoc = MonthsDocument['months'][number];

/** The picture of the months document; null when the data has nothing to draw (as the text chart). */
export function monthsSvg(doc: MonthsDocument, ctx: SvgContext): string | null {
  const data = monthsChartData(doc);
  if (!data) return null;
  return data.measure === 'money' ? amountsSvg(doc, data, ctx) : growthSvg(doc, data);
}

function amountsSvg(doc: MonthsDocument, data: MonthsChartData, ctx: SvgContext): string {
  const c = doc.dataset.currency;
  const flow = data.rows[0]!.flow;
  const label = periodLabel(doc.period);
  const before = comparisonLabel(doc.period);
  const money = (v: Decimal, sign = false) => formatMoney(v, { currency: c, sign });
  const byMonth = new Map(doc.months.map((m) => [m.month, m]));
  const year = (month: string) => month.slice(0, 4);
  const earlierYear = (month: string) => String(Number(year(month)) - 1);
  /** "+5.36% on Jan 2024" for a flow, "+$20.0B on Jan 2024" for the balance; null when not known. */
  const change = (m: MonthDoc): string | null => {
    const on = `on ${shortMonthName(m.month)} ${earlierYear(m.month)}`;
    if (flow === 'balance') return m.balanceChange === null ? null : `${money(m.balanceChange, true)} ${on}`;
    const [growth, basis] = flow === 'exports' ? [m.exportGrowthPct, m.exportGrowthBasis] : [m.importGrowthPct, m.importGrowthBasis];
    return growth === null ? null : `${formatPct(growth, { sign: true })}${basis === 'stated' ? STATED_MARK : ''} ${on}`;
  };
  const toneOf = (v: Decimal | null): Tone => (!data.signed ? 'neutral' : v !== null && v.isNegative() ? 'below' : 'above');
  const bars: Bar[] = data.rows.map((r) => {
    const m = byMonth.get(r.month)!;
    const growth = change(m);
    return {
      value: r.value,
      tone: toneOf(r.value),
      title: r.value === null ? undefined : `${monthName(r.month)} ${year(r.month)}: ${money(r.value)}${growth ? `, ${growth}` : ''}`,
      marker: r.yearEarlier,
      markerTitle: r.yearEarlier === null ? undefined : `${monthName(r.month)} ${earlierYear(r.month)}: ${money(r.yearEarlier)}`,
    };
  });
  const legend: { tone: Tone; label: string }[] = data.signed
    ? [
        { tone: 'above', label: `surplus, ${data.series.bar}` },
        { tone: 'below', label: `deficit, ${data.series.bar}` },
      ]
    : [{ tone: 'neutral', label: data.series.bar }];
  const ytd = yearToDateSentence(doc, flow, ctx.unit);
  const what = FLOW_TITLES[flow].toLowerCase();
  return svgBarChart({
    text: {
      title: data.title,
      subtitle: [
        provenanceLine(doc.dataset, label),
        `${FLOW_TITLES[flow]} each month of ${label}${data.series.marker ? `; ◆ the same month of ${before}; each bar's tooltip has the change on it` : ''}${data.signed ? '; a deficit is below zero' : ''}`,
      ],
      notes: [...(ytd ? [ytd] : []), ...missingNotes(doc), ...sourceNotes(doc.dataset)],
      description: `Bar chart of the ${what} of ${doc.dataset.reporter} each month of ${label}${data.series.marker ? `, with the same month of ${before}` : ''}: ${data.rows.map((r) => `${shortMonthName(r.month)} ${r.value === null ? 'not known' : money(r.value)}`).join(', ')}.${ytd ? ` ${ytd}` : ''}`,
    },
    orientation: 'vertical',
    categories: { title: `Month of ${label}`, labels: data.rows.map((r) => shortMonthName(r.month)) },
    values: { title: FLOW_TITLES[flow], format: { kind: 'money', currency: c, unit: ctx.unit } },
    bars,
    legend: legend.filter((l) => bars.some((b) => b.value !== null && b.tone === l.tone)),
    markerLabel: data.series.marker ?? undefined,
  });
}

function growthSvg(doc: MonthsDocument, data: MonthsChartData): string {
  const label = periodLabel(doc.period);
  const flows = [...new Set(data.rows.map((r) => r.flow))];
  const byMonth = new Map(doc.months.map((m) => [m.month, m]));
  // Two flows: a bar each, "Nov exports" then "Nov imports".
  const labels = data.rows.map((r) => (flows.length === 1 ? shortMonthName(r.month) : `${shortMonthName(r.month)} ${r.flow}`));
  const stated = (r: MonthsChartData['rows'][number]) => {
    const m = byMonth.get(r.month)!;
    return (r.flow === 'exports' ? m.exportGrowthBasis : m.importGrowthBasis) === 'stated';
  };
  const bars: Bar[] = data.rows.map((r) => ({
    value: r.value,
    tone: r.value !== null && r.value.isNegative() ? 'below' : 'above',
    title: r.value === null ? undefined : `${monthName(r.month)} ${r.flow}: ${formatPct(r.value, { sign: true })}${stated(r) ? STATED_MARK : ''} on ${shortMonthName(r.month)} ${doc.period.year - 1}`,
  }));
  const legend: { tone: Tone; label: string }[] = [
    { tone: 'above', label: 'growth on the same month a year earlier' },
    { tone: 'below', label: 'fall on the same month a year earlier' },
  ];
  const notes = missingNotes(doc);
  return svgBarChart({
    text: {
      title: data.title,
      subtitle: [provenanceLine(doc.dataset, label), `${FLOW_TITLES[flows[0]!]}${flows.length > 1 ? ` and ${flows.slice(1).join(' and ')}` : ''} growth each month of ${label} on the same month of ${comparisonLabel(doc.period)}`],
      notes: [...notes, ...sourceNotes(doc.dataset)],
      description: `Bar chart of the growth of ${doc.dataset.reporter}'s ${flows.join(' and ')} each month of ${label} on the same month a year earlier: ${data.rows.map((r, i) => `${labels[i]} ${r.value === null ? 'not known' : formatPct(r.value, { sign: true })}`).join(', ')}.`,
    },
    orientation: 'horizontal',
    categories: { title: `Month of ${label}`, labels },
    values: { title: 'Growth on the same month a year earlier', format: { kind: 'pct' } },
    bars,
    legend: legend.filter((l) => bars.some((b) => b.value !== null && b.tone === l.tone)),
  });
}
