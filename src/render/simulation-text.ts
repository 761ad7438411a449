// The simulation as text: the assumptions, per-year probability and percentiles, and a histogram
// of the horizon year's balance whose bars say, by their glyph, which side of the threshold they lie.
import { Decimal } from '../core/decimal.js';
import type { SimulationDocument } from '../reports/schemas.js';
import { formatCount, formatMoney, formatPct } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine, legendLines, originText, simulationChanceText } from './text-common.js';

type SimulatedYear = SimulationDocument['path'][number];

const FULL = '█';
const SPLIT = '▒';
const EMPTY = '░';

/**
 * "89.62% ±0.10": the share and one standard error; at 0 % or 100 %, where the standard error is
 * zero and would read as certainty, the 95 % interval instead: "100.00% (95 %: 99.81–100%)".
 */
function probabilityText(y: SimulatedYear): string {
  const p = formatPct(y.probabilityAboveThreshold.times(100));
  if (y.probabilityStandardError.isZero()) {
    const iv = y.probabilityInterval95;
    return `${p} (95 %: ${formatPct(iv.low.times(100), { rounding: 'floor' }).slice(0, -1)}–${formatPct(iv.high.times(100), { rounding: 'ceil' })})`;
  }
  return `${p} ±${y.probabilityStandardError.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}`;
}

export function renderSimulationAsText(r: SimulationDocument, ctx: TextContext): string {
  const { style } = ctx;
  const a = r.assumptions;
  const c = r.dataset.currency;
  const money = (x: Decimal) => formatMoney(x, { currency: c, unit: ctx.unit });
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const note = (key: keyof typeof a.origins, what: 'growth' | 'threshold' | 'other' = 'other') => {
    const text = originText(a.origins[key], what);
    return text ? style.dim(` (${text})`) : '';
  };
  const sd = (x: Decimal) => `${x.toFixed()} pp`;
  const out: string[] = [
    datasetLine(r.dataset, a.baseYear),
    '',
    `Export growth:  ${formatPct(a.exportGrowthPct, { sign: true })} a year${note('exportGrowthPct', 'growth')}, sd ${sd(a.exportGrowthSdPct)}${note('exportGrowthSdPct')}`,
    `Import growth:  ${formatPct(a.importGrowthPct, { sign: true })} a year${note('importGrowthPct', 'growth')}, sd ${sd(a.importGrowthSdPct)}${note('importGrowthSdPct')}`,
    `Correlation:    ${a.correlation.toFixed()}`,
    `Threshold:      ${t}${note('threshold', 'threshold')}`,
    `Runs:           ${formatCount(a.runCount)} (seed ${a.seed}); growth drawn afresh each year, normal`,
    '',
  ];
  const rows = r.path.map((y) => {
    const pText = probabilityText(y);
    const good = y.probabilityAboveThreshold.gte('0.5');
    return [`${y.year}`, good ? style.good(pText) : style.bad(pText), money(y.mean), money(y.p5), money(y.p50), money(y.p95)];
  });
  // A deficit is called a deficit: a line below zero reads "deficit at most $1T".
  const threshold = a.threshold;
  const tAbs = formatMoney(threshold.abs(), { currency: c, trim: true });
  const event = threshold.isZero() ? 'surplus' : threshold.isNegative() ? `deficit ≤ ${tAbs}` : `≥ ${t}`;
  out.push(drawTable({ head: ['Year', `P(${event})`, 'Mean', '5th pct', 'Median', '95th pct'], rows }, style));

  out.push('', style.heading(`Balance in ${r.histogram.year} across ${formatCount(a.runCount)} runs`));
  out.push(...histogramLines(r, ctx));

  out.push(
    '',
    simulationChanceText(r),
    style.dim('Sampled in binary floating point; sampling error (± one standard error, or the 95 % interval where every run or none is above) is far larger than its rounding.'),
  );
  return `${out.join('\n')}\n`;
}

function histogramLines(r: SimulationDocument, ctx: TextContext): string[] {
  const { style } = ctx;
  const h = { min: r.histogram.min.toNumber(), max: r.histogram.max.toNumber(), counts: r.histogram.binCounts };
  const c = r.dataset.currency;
  const runs = r.assumptions.runCount;
  const t = r.assumptions.threshold.toNumber();
  const bins = h.counts.length;
  const width = (h.max - h.min) / bins;
  const edge = (k: number) => (k === bins ? h.max : h.min + k * width);
  const dec = (x: number) => new Decimal(x.toString());
  const labels = h.counts.map((_, k) => `${formatMoney(dec(edge(k)), { currency: c })} to ${formatMoney(dec(edge(k + 1)), { currency: c })}`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const shares = h.counts.map((n) => formatPct(new Decimal(n).div(runs).times(100), { decimals: 1 }));
  const shareWidth = Math.max(...shares.map((s) => s.length));
  const barWidth = Math.max(10, ctx.width - labelWidth - shareWidth - 4);
  const peak = h.counts.reduce((m, n) => Math.max(m, n), 1);
  const lines: string[] = [];
  // Highest balances at the top, as on the projection chart.
  for (let k = bins - 1; k >= 0; k--) {
    const n = h.counts[k]!;
    const lo = edge(k);
    const hi = edge(k + 1);
    const glyph = lo >= t ? FULL : hi < t ? EMPTY : SPLIT;
    const len = n === 0 ? 0 : Math.max(1, Math.round((n / peak) * barWidth));
    const bar = glyph.repeat(len);
    const styled = glyph === FULL ? style.good(bar) : glyph === EMPTY ? style.bad(bar) : bar;
    lines.push(`${labels[k]!.padStart(labelWidth)} ${shares[k]!.padStart(shareWidth)} ${styled}`.trimEnd());
  }
  const tText = formatMoney(r.assumptions.threshold, { currency: c, trim: true });
  lines.push(...legendLines([`${style.good(FULL)} at or above ${tText}`, `${style.bad(EMPTY)} below`, `${SPLIT} spans ${tText}`], labelWidth + shareWidth + 2, ctx.width));
  return lines;
}
