// The projection as text: assumptions, the path year by year against the threshold, the verdict.
import type { Decimal } from '../core/decimal.js';
import type { ProjectionDocument } from '../reports/schemas.js';
import { formatMoney, formatMoneyRange } from './format.js';
import type { TextContext } from './style.js';
import { balanceLabel } from './summary-text.js';
import { drawTable } from './table.js';
import { datasetLine, originText, rateList } from './text-common.js';

export function renderProjectionAsText(r: ProjectionDocument, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const a = r.assumptions;
  const money = (d: Decimal, sign = false) => formatMoney(d, { currency: c, unit: ctx.unit, sign });
  const thresholdText = formatMoney(a.threshold, { currency: c, trim: true });
  const note = (text: string | null) => (text ? style.dim(` (${text})`) : '');

  const out: string[] = [
    datasetLine(r.dataset, a.baseYear),
    '',
    // Said only when a later year was passed over: the usual base year needs no line.
    ...(a.origins.baseYear.source === 'default' && a.origins.baseYear.rule === 'latest-complete-year' ? [`Base year:      ${a.baseYear}${note(originText(a.origins.baseYear))}`] : []),
    `Export growth:  ${rateList(a.exportGrowthPctByYear)}${note(originText(a.origins.exportGrowthPctByYear, 'growth'))}`,
    `Import growth:  ${rateList(a.importGrowthPctByYear)}${note(originText(a.origins.importGrowthPctByYear, 'growth'))}`,
    `Threshold:      ${thresholdText}${note(originText(a.origins.threshold, 'threshold'))}`,
    '',
  ];
  const withRanges = a.withRanges;
  const span = (low: Decimal, high: Decimal, around: Decimal) => formatMoneyRange(low, high, { currency: c, unit: ctx.unit, around });
  const baseRange = r.base.ranges;
  const rows: string[][] = [
    [
      `${a.baseYear}`,
      money(r.base.exports),
      money(r.base.imports),
      money(r.base.balance),
      ...(withRanges && baseRange ? [span(baseRange.balance.low, baseRange.balance.high, r.base.balance)] : []),
      style.dim('base year'),
    ],
  ];
  for (const p of r.path) {
    const mark = p.aboveThreshold ? style.good(`✔ ${money(p.margin, true)}`) : style.bad(`✘ ${money(p.margin, true)}`);
    // Within the rounding the answer may go either way: a "≈" beside the mark, explained below.
    const maybe = p.aboveThresholdInRange === 'maybe' ? style.dim(' ≈') : '';
    rows.push([`${p.year}`, money(p.exports), money(p.imports), money(p.balance), ...(p.ranges ? [span(p.ranges.balance.low, p.ranges.balance.high, p.balance)] : []), `${mark}${maybe}`]);
  }
  const balances = [r.base.balance, ...r.path.map((p) => p.balance)];
  const labels = new Set(balances.map(balanceLabel));
  const balanceHead = labels.size === 1 ? [...labels][0]! : 'Balance';
  const head = ['Year', 'Exports', 'Imports', balanceHead, ...(withRanges ? ['Range given rounding'] : []), `vs ${thresholdText}`];
  out.push(drawTable({ head, rows }, style));
  if (r.path.some((p) => p.aboveThresholdInRange === 'maybe')) {
    out.push(style.dim('≈ the threshold lies within the rounding range: the answer could go either way.'));
  }
  // The colour follows the answer, as the sentence does.
  out.push('', r.verdict.answer ? style.good(r.verdict.text) : style.bad(r.verdict.text));
  return `${out.join('\n')}\n`;
}

