// The break-even report as text: the assumptions, a table of both solutions with the balance
// recomputed at each (with every digit, so it visibly equals the threshold), and the sentences.
import type { BreakevenReport, BreakevenResult } from '../core/breakeven.js';
import type { Decimal } from '../core/decimal.js';
import { formatMoney, formatPct } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';
import { breakevenExportText, breakevenImportText, formatBreakevenPct } from './verdict.js';

export function renderBreakevenAsText(r: BreakevenReport, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const t = formatMoney(r.threshold, { currency: c, trim: true });
  const origins = r.assumptions.origins ?? {};
  const note = (key: string) => (origins[key] && origins[key] !== 'option' ? style.dim(` (${origins[key]})`) : '');
  const n = r.assumptions.years;
  const out: string[] = [
    datasetLine(r.dataset, r.base.year),
    '',
    `Horizon:        ${r.horizonYear} (${n === 1 ? '1 year' : `${n} years, constant annual rates`})`,
    `Threshold:      ${t}${note('threshold')}`,
    `Export growth:  ${formatPct(r.assumptions.exportGrowthPct, { sign: true })} a year${note('exportGrowthPct')}`,
    `Import growth:  ${formatPct(r.assumptions.importGrowthPct, { sign: true })} a year${note('importGrowthPct')}`,
    `Balance at these rates in ${r.horizonYear}: ${formatMoney(r.balanceAtAssumptions, { currency: c, unit: ctx.unit })}`,
    '',
  ];
  // The recomputed balance with every significant digit ("$1T", not "$1.00T"), so it visibly is the
  // threshold itself and not merely close to it.
  const exact = (d: Decimal) => formatMoney(d, { currency: c, unit: ctx.unit, trim: true });
  const row = (label: string, held: string, res: BreakevenResult): string[] =>
    res.found
      ? [label, held, formatBreakevenPct(res.solution.growthPct, true), ...(n > 1 ? [formatPct(res.solution.cumulativeGrowthPct, { sign: true })] : []), exact(res.solution.balance)]
      : [label, held, style.bad('no solution'), ...(n > 1 ? [''] : []), ''];
  const head = ['Break-even', 'Held', 'Annual rate', ...(n > 1 ? [`Over ${n} years`] : []), `${r.horizonYear} balance at it`];
  out.push(
    drawTable(
      {
        head,
        rows: [
          row('Export growth', `imports ${formatPct(r.assumptions.importGrowthPct, { sign: true })}`, r.exportGrowth),
          row('Import growth', `exports ${formatPct(r.assumptions.exportGrowthPct, { sign: true })}`, r.importGrowth),
        ],
      },
      style,
    ),
    '',
    breakevenExportText(r),
    breakevenImportText(r),
  );
  if (n > 1) out.push(style.dim(`Annual rate = (1 + growth needed over ${n} years)^(1/${n}) − 1, the root taken in decimal.`));
  return `${out.join('\n')}\n`;
}
