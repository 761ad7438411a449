// Trade by partner as text: the partners biggest first, the other partners as one row, the sum of
// the partners against the world total with what is unallocated, the notes, and a bar chart of
// the flow the report is about (balances: deficits left of zero, surpluses right).
import type { Decimal } from '../core/decimal.js';
import type { PartnersDocument } from '../reports/schemas.js';
import { renderDivergingBarChart } from './diverging-bar-chart.js';
import { formatMoney, formatPct } from './format.js';
import { PARTNERS_CHART_LEGEND, partnersChartData, rowLabel } from './partners-chart.js';
import { partnersNotes } from './partners-words.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';

type Row = PartnersDocument['rows'][number];

const SORTED_BY = {
  balance: 'the largest balance first (surplus or deficit alike)',
  exports: 'the largest exports first',
  imports: 'the largest imports first',
  total: 'the largest total trade first',
} as const;

export function renderPartnersAsText(doc: PartnersDocument, ctx: TextContext, opts: { chart: boolean } = { chart: true }): string {
  const { style } = ctx;
  const a = doc.assumptions;
  const c = doc.dataset.currency;
  const money = (d: Decimal | null, sign = false) => (d ? formatMoney(d, { currency: c, unit: ctx.unit, sign }) : '–');
  const pct = (d: Decimal | null, sign = false) => (d ? formatPct(d, { decimals: 1, sign }) : '–');
  const prior = doc.priorYear;

  // The share and the change shown are those of the flow the report is about.
  const flow = a.flow;
  const shareHead = { balance: 'Trade\nshare', exports: 'Export\nshare', imports: 'Import\nshare', total: 'Trade\nshare' }[flow];
  const changeHead = { balance: `Balance\nvs ${prior}`, exports: `Exports\nvs ${prior}`, imports: `Imports\nvs ${prior}`, total: `Total\nvs ${prior}` }[flow];
  const shareOf = (r: Row) => pct({ balance: r.shareOfTradePct, exports: r.shareOfExportsPct, imports: r.shareOfImportsPct, total: r.shareOfTradePct }[flow]);
  const changeOf = (r: Row) =>
    ({ balance: money(r.balanceChange, true), exports: pct(r.exportGrowthPct, true), imports: pct(r.importGrowthPct, true), total: money(r.totalTradeChange, true) })[flow];
  // A partner's balance share is of its own side; a group holds a share of each (in the notes).
  const balanceShare = (r: Row) => {
    if (r.row !== 'partner') return '';
    if (r.balance.isZero()) return '–';
    return pct(r.balance.isNegative() ? r.shareOfDeficitsPct : r.shareOfSurplusesPct);
  };
  const colour = (r: Row, text: string) => (r.row === 'partner' || r.row === 'other-partners' ? (r.balance.isNegative() ? style.bad(text) : style.good(text)) : text);

  const head = ['Partner', 'Exports', 'Imports', 'Balance', ...(flow === 'total' ? ['Total\ntrade'] : []), shareHead, ...(flow === 'balance' ? ['Balance\nshare'] : []), changeHead];
  const rows: string[][] = [];
  for (const r of doc.rows) {
    if (r.row === 'all-partners') rows.push(head.map(() => ''));
    const label = r.row === 'partner' ? rowLabel(r) : style.dim(rowLabel(r));
    rows.push([
      label,
      money(r.exports),
      money(r.imports),
      colour(r, money(r.balance)),
      ...(flow === 'total' ? [money(r.totalTrade)] : []),
      shareOf(r),
      ...(flow === 'balance' ? [balanceShare(r)] : []),
      r.row === 'unallocated' ? '' : changeOf(r),
    ]);
  }

  const out: string[] = [datasetLine(doc.dataset, a.year), ''];
  out.push(`${doc.partnerCount} partner${doc.partnerCount === 1 ? '' : 's'} with a complete ${a.year}, ${SORTED_BY[a.sort]}; shares are of ${doc.shareBasis === 'world' ? 'the world total' : 'the sum of the partners'}.`, '');
  out.push(drawTable({ head, rows }, style));
  out.push('', ...partnersNotes(doc).map((n) => style.dim(n)));
  if (doc.rows.some((r) => r.row !== 'unallocated' && r.priorFlows === null)) out.push(style.dim(`– in the last column: no complete ${prior} to compare with (for a group, for one of its partners).`));

  if (opts.chart) {
    const chart = partnersChartData(doc);
    out.push(
      '',
      renderDivergingBarChart({
        title: chart.signed ? `${chart.title} (deficits left of 0, surpluses right)` : chart.title,
        signed: chart.signed,
        bars: chart.bars,
        currency: c,
        unit: ctx.unit,
        width: ctx.width,
        style,
        legend: PARTNERS_CHART_LEGEND,
      }).trimEnd(),
    );
  }
  return `${out.join('\n')}\n`;
}
