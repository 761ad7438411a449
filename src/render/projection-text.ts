// The projection as text: assumptions, the path year by year against the threshold, the verdict.
import type { Decimal } from '../core/decimal.js';
import type { ProjectionReport } from '../core/project.js';
import { formatMoney, formatPct } from './format.js';
import type { TextContext } from './style.js';
import { balanceLabel } from './summary-text.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';
import { projectionVerdictText } from './verdict.js';

/** "3%" for a constant rate, "3%, 2.5%, 2%" for a path of rates. */
function rateList(rates: readonly Decimal[]): string {
  const distinct = new Set(rates.map((d) => d.toString()));
  if (distinct.size === 1) return `${formatPct(rates[0]!, { sign: true })} a year`;
  return rates.map((d) => formatPct(d, { sign: true })).join(', ');
}

export function renderProjectionAsText(r: ProjectionReport, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const money = (d: Decimal, sign = false) => formatMoney(d, { currency: c, unit: ctx.unit, sign });
  const thresholdText = formatMoney(r.threshold, { currency: c, trim: true });
  const origins = r.assumptions.origins ?? {};
  const originNote = (key: string) => (origins[key] && origins[key] !== 'option' ? style.dim(` (${origins[key]})`) : '');

  const out: string[] = [
    datasetLine(r.dataset, r.base.year),
    '',
    `Export growth:  ${rateList(r.assumptions.exportGrowthPct)}${originNote('exportGrowthPct')}`,
    `Import growth:  ${rateList(r.assumptions.importGrowthPct)}${originNote('importGrowthPct')}`,
    `Threshold:      ${thresholdText}${originNote('threshold')}`,
    '',
  ];
  const rows: string[][] = [
    [`${r.base.year}`, money(r.base.exports), money(r.base.imports), money(r.base.balance), style.dim('base year')],
  ];
  for (const p of r.path) {
    const mark = p.aboveThreshold ? style.good(`✔ ${money(p.margin, true)}`) : style.bad(`✘ ${money(p.margin, true)}`);
    rows.push([`${p.year}`, money(p.exports), money(p.imports), money(p.balance), mark]);
  }
  const balances = [r.base.balance, ...r.path.map((p) => p.balance)];
  const labels = new Set(balances.map(balanceLabel));
  const balanceHead = labels.size === 1 ? [...labels][0]! : 'Balance';
  out.push(drawTable({ head: ['Year', 'Exports', 'Imports', balanceHead, `vs ${thresholdText}`], rows }, style));
  const verdict = projectionVerdictText(r);
  out.push('', r.verdict.holds ? style.good(verdict) : style.bad(verdict));
  return `${out.join('\n')}\n`;
}

