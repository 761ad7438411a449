// The monthly series as text for people: one table per flow (all three, or the one chosen with
// --flow), each month against the same month a year earlier, with growth, momentum and the year to
// date; then the period's totals in sentences and what the data lacks. A column the data leaves
// empty in every month is left out, so a dataset of stated rates alone shows just those.
import type { Decimal } from '../core/decimal.js';
import type { MonthsDocument } from '../reports/schemas.js';
import { formatMoney, formatPct, formatPp } from './format.js';
import { FLOW_TITLES, type ChartFlow, STATED_MARK, comparisonLabel, flowsInView, missingNotes, periodLabel, shortMonthName, yearToDateSentence } from './months-words.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';

type MonthDoc = MonthsDocument['months'][number];

interface Column {
  head: string;
  cell: (m: MonthDoc) => string | null;
}

function flowTable(doc: MonthsDocument, flow: ChartFlow, ctx: TextContext): { table: string; compared: boolean } | null {
  const { style } = ctx;
  const year = doc.period.year;
  const money = (d: Decimal | null, sign = false) => (d === null ? null : formatMoney(d, { currency: doc.dataset.currency, unit: ctx.unit, sign }));
  const pct = (d: Decimal | null) => (d === null ? null : formatPct(d, { sign: true }));
  const signed = (d: Decimal | null, text: string | null) => (d === null || text === null ? text : d.isNegative() ? style.bad(text) : style.good(text));
  let columns: Column[];
  if (flow === 'balance') {
    columns = [
      { head: `${year}`, cell: (m) => signed(m.balance, money(m.balance)) },
      { head: `${year - 1}`, cell: (m) => signed(m.yearEarlier.balance, money(m.yearEarlier.balance)) },
      { head: 'Change', cell: (m) => money(m.balanceChange, true) },
      { head: 'Year to date', cell: (m) => signed(m.yearToDate.balance, money(m.yearToDate.balance)) },
      { head: 'YTD change', cell: (m) => money(m.yearToDate.balanceChange, true) },
    ];
  } else {
    const e = flow === 'exports';
    const growth = (m: MonthDoc) => (e ? m.exportGrowthPct : m.importGrowthPct);
    const basis = (m: MonthDoc) => (e ? m.exportGrowthBasis : m.importGrowthBasis);
    // A rate the source states is marked; the others get a space, so the column stays aligned.
    const marks = doc.months.some((m) => basis(m) === 'stated');
    columns = [
      { head: `${year}`, cell: (m) => money(m[flow]) },
      { head: `${year - 1}`, cell: (m) => money(m.yearEarlier[flow]) },
      { head: 'y/y', cell: (m) => (growth(m) === null ? null : `${pct(growth(m))}${basis(m) === 'stated' ? STATED_MARK : marks ? ' ' : ''}`) },
      { head: 'Momentum', cell: (m) => ((e ? m.exportMomentumPp : m.importMomentumPp) === null ? null : formatPp((e ? m.exportMomentumPp : m.importMomentumPp)!)) },
      { head: 'Year to date', cell: (m) => money(m.yearToDate[flow]) },
      { head: 'YTD y/y', cell: (m) => pct(e ? m.yearToDate.exportGrowthPct : m.yearToDate.importGrowthPct) },
    ];
  }
  const cells = columns.map((c) => doc.months.map((m) => c.cell(m)));
  const kept = columns.map((_, i) => i).filter((i) => cells[i]!.some((x) => x !== null));
  if (kept.length === 0) return null;
  const rows = doc.months.map((m, r) => [shortMonthName(m.month), ...kept.map((i) => cells[i]![r] ?? '–')]);
  const table = drawTable({ head: [FLOW_TITLES[flow], ...kept.map((i) => columns[i]!.head)], rows }, style);
  return { table, compared: kept.some((i) => columns[i]!.head !== `${year}` && columns[i]!.head !== 'Year to date') };
}

export function renderMonthsAsText(doc: MonthsDocument, ctx: TextContext): string {
  const { style } = ctx;
  // A part of a year is named by its months, here too.
  const out: string[] = [datasetLine(doc.dataset, periodLabel(doc.period))];
  for (const flow of flowsInView(doc)) {
    const t = flowTable(doc, flow, ctx);
    if (!t) continue;
    const heading = `${FLOW_TITLES[flow]}, ${periodLabel(doc.period)}${t.compared ? ` against ${comparisonLabel(doc.period)}` : ''}`;
    out.push('', style.heading(heading), t.table);
    const sentence = yearToDateSentence(doc, flow, ctx.unit);
    if (sentence) out.push(sentence);
  }
  const notes = missingNotes(doc);
  if (notes.length > 0) out.push('', ...notes.map((n) => style.dim(n)));
  return `${out.join('\n')}\n`;
}
