// The summary as text for people: the year against the prior year, ratios, monthly momentum.
import type { Decimal } from '../core/decimal.js';
import type { IntervalDoc } from '../reports/document.js';
import type { SummaryDocument } from '../reports/schemas.js';
import { formatMoney, formatMoneyRange, formatPct, formatPctRange, formatPp, formatPpRange, formatRatio, formatRatioRange } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine, passedOverText } from './text-common.js';

export function balanceLabel(balance: Decimal): string {
  if (balance.isNegative()) return 'Trade deficit';
  if (balance.isZero()) return 'Trade balance';
  return 'Trade surplus';
}

export function renderSummaryAsText(r: SummaryDocument, ctx: TextContext): string {
  const { style } = ctx;
  const year = r.assumptions.year;
  const money = (d: Decimal, sign = false) => formatMoney(d, { currency: r.dataset.currency, unit: ctx.unit, sign });
  const colour = (d: Decimal, text: string) => (d.isNegative() ? style.bad(text) : style.good(text));
  const out: string[] = [datasetLine(r.dataset, year), ''];

  const prior = r.prior;
  const growth = r.exportGrowthPct && r.importGrowthPct ? { exportGrowthPct: r.exportGrowthPct, importGrowthPct: r.importGrowthPct, basis: r.growthBasis } : null;
  const head = ['', ...(prior ? [`${prior.year}${prior.basis === 'implied' ? ' (implied)' : ''}`] : []), `${year}`, ...(prior ? ['Change'] : [])];
  /** A row: label, the prior year's cell (when there is a prior year), this year's, the change. */
  const row = (label: string, before: string, now: string, change: string) => [label, ...(prior ? [before] : []), now, ...(prior ? [change] : [])];
  const balanceChange = r.balanceChange
    ? `${money(r.balanceChange, true)}${r.balanceChangePct ? ` (${formatPct(r.balanceChangePct, { sign: true })})` : ''}`
    : '';
  const rows = [
    row('Exports', prior ? money(prior.exports) : '', money(r.exports), growth ? formatPct(growth.exportGrowthPct, { sign: true }) : ''),
    row('Imports', prior ? money(prior.imports) : '', money(r.imports), growth ? formatPct(growth.importGrowthPct, { sign: true }) : ''),
    row(
      // A surplus one year and a deficit the other is a "Trade balance" row, signed in each column.
      colour(r.balance, prior && balanceLabel(prior.balance) !== balanceLabel(r.balance) ? 'Trade balance' : balanceLabel(r.balance)),
      prior ? money(prior.balance) : '',
      colour(r.balance, money(r.balance)),
      balanceChange,
    ),
    row('Total trade', prior ? money(prior.totalTrade) : '', money(r.totalTrade), r.totalTradeChange ? money(r.totalTradeChange, true) : ''),
  ];
  // Ratios read down the same year columns; they have no "change" of their own.
  const ratio = (d: Decimal | null | undefined) => (d ? formatRatio(d) : '–');
  const share = (d: Decimal | null | undefined) => (d ? formatPct(d) : '–');
  if (r.coverageRatio || prior?.coverageRatio) rows.push(row('Export/import coverage', ratio(prior?.coverageRatio), ratio(r.coverageRatio), ''));
  if (r.balanceShareOfTradePct || prior?.balanceShareOfTradePct) {
    rows.push(row('Balance as share of trade', share(prior?.balanceShareOfTradePct), share(r.balanceShareOfTradePct), ''));
  }
  out.push(drawTable({ head, rows }, style));

  const notes: string[] = [];
  if (prior?.basis === 'implied') notes.push(`${prior.year} is implied by the stated growth rates (exports ÷ (1 + growth)).`);
  if (growth?.basis === 'derived') notes.push(`Growth is derived from the ${prior?.year} figures.`);
  const origin = r.assumptions.origins.year;
  if (origin.source === 'default' && origin.rule === 'latest-complete-year') notes.push(`${r.assumptions.year} is the latest complete year: ${passedOverText(origin.passedOver)} (see tradecalc months).`);

  const m = r.momentum;
  if (m) {
    const mrows: string[][] = [];
    if (m.exports) mrows.push(['Exports', formatPct(m.exports.fromPct, { sign: true }), formatPct(m.exports.toPct, { sign: true }), formatPp(m.exports.changePp)]);
    if (m.imports) mrows.push(['Imports', formatPct(m.imports.fromPct, { sign: true }), formatPct(m.imports.toPct, { sign: true }), formatPp(m.imports.changePp)]);
    out.push('', drawTable({ head: ['Monthly growth, y/y', m.from, m.to, 'Momentum'], rows: mrows }, style));
  }
  if (r.ranges) out.push('', rangesTable(r, r.ranges, ctx));
  if (notes.length > 0) out.push('', ...notes.map((n) => style.dim(n)));
  return `${out.join('\n')}\n`;
}

/** Each derived value beside the range the rounding of the stated figures allows. */
function rangesTable(r: SummaryDocument, x: NonNullable<SummaryDocument['ranges']>, ctx: TextContext): string {
  const c = r.dataset.currency;
  const rows: string[][] = [];
  const money = (label: string, value: Decimal | null | undefined, iv: IntervalDoc | null | undefined, sign = false) => {
    if (value && iv) rows.push([label, formatMoney(value, { currency: c, unit: ctx.unit, sign }), formatMoneyRange(iv.low, iv.high, { currency: c, unit: ctx.unit, around: value, sign })]);
  };
  const pct = (label: string, value: Decimal | null | undefined, iv: IntervalDoc | null | undefined, sign = true) => {
    if (value && iv) rows.push([label, formatPct(value, { sign }), formatPctRange(iv.low, iv.high, { sign })]);
  };
  const y = r.assumptions.year;
  const bal = balanceLabel(r.balance);
  money(`Exports ${y}`, r.exports, x.exports);
  money(`Imports ${y}`, r.imports, x.imports);
  money(`${bal} ${y}`, r.balance, x.balance);
  money(`Total trade ${y}`, r.totalTrade, x.totalTrade);
  if (r.coverageRatio && x.coverageRatio) rows.push(['Export/import coverage', formatRatio(r.coverageRatio), formatRatioRange(x.coverageRatio.low, x.coverageRatio.high)]);
  pct(`${bal.replace('Trade ', '').replace(/^./, (ch) => ch.toUpperCase())} as share of trade`, r.balanceShareOfTradePct, x.balanceShareOfTradePct, false);
  const basis = r.growthBasis === 'derived' ? ' (derived)' : '';
  pct(`Export growth${basis}`, r.exportGrowthPct, x.exportGrowthPct);
  pct(`Import growth${basis}`, r.importGrowthPct, x.importGrowthPct);
  if (r.prior && x.prior) {
    const p = `${r.prior.year}${r.prior.basis === 'implied' ? ' (implied)' : ''}`;
    money(`Exports ${p}`, r.prior.exports, x.prior.exports);
    money(`Imports ${p}`, r.prior.imports, x.prior.imports);
    money(`${balanceLabel(r.prior.balance)} ${p}`, r.prior.balance, x.prior.balance);
    money('Balance change', r.balanceChange, x.balanceChange, true);
    pct('Balance change, %', r.balanceChangePct, x.balanceChangePct);
  }
  const m = r.momentum;
  if (m?.exports && x.momentum?.exports) rows.push(['Export momentum', formatPp(m.exports.changePp), formatPpRange(x.momentum.exports.changePp.low, x.momentum.exports.changePp.high)]);
  if (m?.imports && x.momentum?.imports) rows.push(['Import momentum', formatPp(m.imports.changePp), formatPpRange(x.momentum.imports.changePp.low, x.momentum.imports.changePp.high)]);
  return drawTable({ head: ['Given the rounding', 'As stated', 'Range'], rows }, ctx.style);
}
