// The break-even report as text: the assumptions, a table of both solutions with the balance at
// each (with every digit, so it visibly is the threshold), and the sentences.
import type { Decimal } from '../core/decimal.js';
import type { BreakevenDocument } from '../reports/schemas.js';
import { formatMoney, formatPct } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine, originText } from './text-common.js';
import { formatBreakevenPct } from './verdict.js';

export function renderBreakevenAsText(r: BreakevenDocument, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const a = r.assumptions;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const note = (text: string | null) => (text ? style.dim(` (${text})`) : '');
  const n = a.yearCount;
  const out: string[] = [
    datasetLine(r.dataset, a.baseYear),
    '',
    `Horizon:        ${r.horizonYear} (${n === 1 ? '1 year' : `${n} years, constant annual rates`})`,
    `Threshold:      ${t}${note(originText(a.origins.threshold, 'threshold'))}`,
    `Export growth:  ${formatPct(a.exportGrowthPct, { sign: true })} a year${note(originText(a.origins.exportGrowthPct, 'growth'))}`,
    `Import growth:  ${formatPct(a.importGrowthPct, { sign: true })} a year${note(originText(a.origins.importGrowthPct, 'growth'))}`,
    `Balance at these rates in ${r.horizonYear}: ${formatMoney(r.balanceAtAssumptions, { currency: c, unit: ctx.unit })}`,
    '',
  ];
  // The balance with every significant digit ("$1T", not "$1.00T"), so it visibly is the threshold
  // itself and not merely close to it.
  const exact = (d: Decimal) => formatMoney(d, { currency: c, unit: ctx.unit, trim: true });
  const head = ['Break-even', 'Held', 'Annual rate', ...(n > 1 ? [`Over ${n} years`] : []), `${r.horizonYear} balance at it`];
  const rows = r.solutions.map((s) => {
    const label = s.solveFor === 'exports' ? 'Export growth' : 'Import growth';
    const held = s.solveFor === 'exports' ? `imports ${formatPct(a.importGrowthPct, { sign: true })}` : `exports ${formatPct(a.exportGrowthPct, { sign: true })}`;
    return s.found
      ? [label, held, formatBreakevenPct(s.breakevenGrowthPct!, true), ...(n > 1 ? [formatPct(s.cumulativeGrowthPct!, { sign: true })] : []), exact(s.horizonFlows!.balance)]
      : [label, held, style.bad('no solution'), ...(n > 1 ? [''] : []), ''];
  });
  out.push(drawTable({ head, rows }, style), '', ...r.solutions.map((s) => s.text));
  if (n > 1) out.push(style.dim(`Annual rate = (1 + growth needed over ${n} years)^(1/${n}) − 1, the root taken in decimal.`));
  return `${out.join('\n')}\n`;
}
