// The projection as text: assumptions, the path year by year against the threshold, the verdict.
import type { Decimal } from '../core/decimal.js';
import type { ProjectionReport } from '../core/project.js';
import type { ProjectionRanges } from '../core/ranges.js';
import { formatMoney, formatMoneyRange, formatPct } from './format.js';
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

export function renderProjectionAsText(r: ProjectionReport, ctx: TextContext, ranges?: ProjectionRanges): string {
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
  const span = (low: Decimal, high: Decimal, around: Decimal) => formatMoneyRange(low, high, { currency: c, unit: ctx.unit, around });
  const rows: string[][] = [
    [
      `${r.base.year}`,
      money(r.base.exports),
      money(r.base.imports),
      money(r.base.balance),
      ...(ranges ? [span(ranges.base.balance.low, ranges.base.balance.high, r.base.balance)] : []),
      style.dim('base year'),
    ],
  ];
  r.path.forEach((p, i) => {
    const mark = p.aboveThreshold ? style.good(`✔ ${money(p.margin, true)}`) : style.bad(`✘ ${money(p.margin, true)}`);
    const x = ranges?.path[i];
    // Within the rounding the answer may go either way: a "≈" beside the mark, explained below.
    const maybe = x && x.aboveThreshold === 'maybe' ? style.dim(' ≈') : '';
    rows.push([`${p.year}`, money(p.exports), money(p.imports), money(p.balance), ...(x ? [span(x.balance.low, x.balance.high, p.balance)] : []), `${mark}${maybe}`]);
  });
  const balances = [r.base.balance, ...r.path.map((p) => p.balance)];
  const labels = new Set(balances.map(balanceLabel));
  const balanceHead = labels.size === 1 ? [...labels][0]! : 'Balance';
  const head = ['Year', 'Exports', 'Imports', balanceHead, ...(ranges ? ['Range given rounding'] : []), `vs ${thresholdText}`];
  out.push(drawTable({ head, rows }, style));
  if (ranges?.path.some((x) => x.aboveThreshold === 'maybe')) {
    out.push(style.dim('≈ the threshold lies within the rounding range: the answer could go either way.'));
  }
  const verdict = projectionVerdictText(r);
  out.push('', r.verdict.holds ? style.good(verdict) : style.bad(verdict));
  return `${out.join('\n')}\n`;
}

