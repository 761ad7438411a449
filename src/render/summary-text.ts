// The summary as text for people: the year against the prior year, ratios, monthly momentum.
import type { Decimal } from '../core/decimal.js';
import type { SummaryReport } from '../core/summary.js';
import { formatMoney, formatPct, formatPp, formatRatio } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';

export function balanceLabel(balance: Decimal): string {
  if (balance.isNegative()) return 'Trade deficit';
  if (balance.isZero()) return 'Trade balance';
  return 'Trade surplus';
}

export function renderSummaryAsText(r: SummaryReport, ctx: TextContext): string {
  const { style } = ctx;
  const money = (d: Decimal, sign = false) => formatMoney(d, { currency: r.dataset.currency, unit: ctx.unit, sign });
  const colour = (d: Decimal, text: string) => (d.isNegative() ? style.bad(text) : style.good(text));
  const out: string[] = [datasetLine(r.dataset, r.current.year), ''];

  const prior = r.prior;
  const head = ['', ...(prior ? [`${prior.year}${prior.basis === 'implied' ? ' (implied)' : ''}`] : []), `${r.current.year}`, ...(prior ? ['Change'] : [])];
  const row = (label: string, now: Decimal, before: Decimal | undefined, change: string[]) => [
    label,
    ...(prior && before ? [money(before)] : []),
    money(now),
    ...(prior ? change : []),
  ];
  const growth = r.growth;
  const rows = [
    row('Exports', r.current.exports, prior?.exports, [growth ? formatPct(growth.exportGrowthPct, { sign: true }) : '']),
    row('Imports', r.current.imports, prior?.imports, [growth ? formatPct(growth.importGrowthPct, { sign: true }) : '']),
    [
      colour(r.current.balance, balanceLabel(r.current.balance)),
      ...(prior ? [money(prior.balance)] : []),
      colour(r.current.balance, money(r.current.balance)),
      ...(prior && r.balanceChange
        ? [`${money(r.balanceChange, true)}${r.balanceChangePct ? ` (${formatPct(r.balanceChangePct, { sign: true })})` : ''}`]
        : []),
    ],
    row('Total trade', r.totalTrade, prior ? prior.exports.plus(prior.imports) : undefined, [
      prior ? money(r.totalTrade.minus(prior.exports.plus(prior.imports)), true) : '',
    ]),
  ];
  out.push(drawTable({ head, rows }, style));

  const notes: string[] = [];
  if (prior?.basis === 'implied') notes.push(`${prior.year} is implied by the stated growth rates (exports ÷ (1 + growth)).`);
  if (growth?.basis === 'derived') notes.push(`Growth is derived from the ${prior?.year} figures.`);

  const ratioRows: string[][] = [];
  if (r.coverageRatio) ratioRows.push(['Export/import coverage', formatRatio(r.coverageRatio)]);
  if (r.balanceShareOfTradePct) ratioRows.push([`${balanceLabel(r.current.balance).replace('Trade ', '')} as share of trade`.replace(/^./, (c) => c.toUpperCase()), formatPct(r.balanceShareOfTradePct)]);
  if (ratioRows.length > 0) out.push('', drawTable({ head: ['Ratio', `${r.current.year}`], rows: ratioRows }, style));

  const m = r.momentum;
  if (m) {
    const mrows: string[][] = [];
    if (m.exports) mrows.push(['Exports', formatPct(m.exports.earlierPct, { sign: true }), formatPct(m.exports.laterPct, { sign: true }), formatPp(m.exports.changePp)]);
    if (m.imports) mrows.push(['Imports', formatPct(m.imports.earlierPct, { sign: true }), formatPct(m.imports.laterPct, { sign: true }), formatPp(m.imports.changePp)]);
    out.push('', drawTable({ head: ['Monthly growth, y/y', m.earlier, m.later, 'Momentum'], rows: mrows }, style));
  }
  if (notes.length > 0) out.push('', ...notes.map((n) => style.dim(n)));
  return `${out.join('\n')}\n`;
}
