// Scenario reports as text: the sensitivity grid as a heat map (✔ at or above the threshold, ✘
// below, coloured when colour is on), with each row's and column's break-even rate so the crossing
// is explicit; and named scenarios side by side.
import type { Decimal } from '../core/decimal.js';
import type { BreakevenResult } from '../core/breakeven.js';
import { type ScenarioComparisonReport, type ScenarioGridReport, gridCell } from '../core/scenarios.js';
import { autoUnit, formatMoney, formatPct, formatScaled, unitHeading } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';
import { projectionVerdictText } from './verdict.js';

const ABOVE = '✔';
const BELOW = '✘';

function rateHead(pct: Decimal): string {
  return formatPct(pct, { sign: true, decimals: pct.decimalPlaces() > 2 ? pct.decimalPlaces() : pct.isInteger() ? 0 : 2 });
}

function crossingText(res: BreakevenResult): string {
  return res.found ? formatPct(res.solution.growthPct, { sign: true }) : 'none';
}

export function renderScenarioGridAsText(r: ScenarioGridReport, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const t = formatMoney(r.threshold, { currency: c, trim: true });
  // One unit for every cell, chosen by the largest magnitude shown, so the cells line up and compare.
  let largest = r.threshold.abs();
  for (let row = 0; row < r.importGrowthPct.length; row++) {
    for (let col = 0; col < r.exportGrowthPct.length; col++) {
      const b = gridCell(r, row, col).balance.abs();
      if (b.gt(largest)) largest = b;
    }
  }
  const unit = ctx.unit === 'auto' ? autoUnit(largest) : ctx.unit;
  const origins = r.assumptions.origins ?? {};
  const note = (key: string) => (origins[key] && origins[key] !== 'option' ? style.dim(` (${origins[key]})`) : '');

  const out: string[] = [
    datasetLine(r.dataset, r.base.year),
    '',
    `Balance in ${r.horizonYear}, ${unitHeading(unit, c)}, ${r.assumptions.years === 1 ? 'after one year' : `after ${r.assumptions.years} years`} of constant growth`,
    `Columns: export growth a year${note('exportGrowthPct')}; rows: import growth a year${note('importGrowthPct')}`,
    `Threshold: ${t}${note('threshold')}   ${style.good(`${ABOVE} at or above`)}   ${style.bad(`${BELOW} below`)}`,
    '',
  ];

  // The cells as plain text first (to measure), styled when drawn.
  const cellText = (row: number, col: number) => {
    const cell = gridCell(r, row, col);
    const text = `${cell.aboveThreshold ? ABOVE : BELOW} ${formatScaled(cell.balance, unit)}`;
    return { text, above: cell.aboveThreshold };
  };
  const rowHeads = r.importGrowthPct.map(rateHead);
  const colHeads = r.exportGrowthPct.map(rateHead);
  const rowCross = r.rowCrossings.map(crossingText);
  const colCross = r.columnCrossings.map(crossingText);
  const firstHead = 'Imp. \\ Exp.';
  const crossHead = 'Break-even';
  const crossRowHead = 'Break-even';
  const firstWidth = Math.max(firstHead.length, crossRowHead.length, ...rowHeads.map((h) => h.length)) + 3;
  const crossWidth = Math.max(crossHead.length, ...rowCross.map((x) => x.length)) + 3;
  const colWidth = (col: number) => {
    let w = Math.max(colHeads[col]!.length, colCross[col]!.length);
    for (let row = 0; row < rowHeads.length; row++) w = Math.max(w, cellText(row, col).text.length);
    return w + 3;
  };

  // Split the columns into blocks that fit the width, like a wide table printed page by page.
  const blocks: number[][] = [];
  let current: number[] = [];
  let used = firstWidth + 1;
  for (let col = 0; col < colHeads.length; col++) {
    const w = colWidth(col);
    const last = col === colHeads.length - 1;
    const need = w + (last ? crossWidth : 0);
    if (current.length > 0 && used + need > ctx.width) {
      blocks.push(current);
      current = [];
      used = firstWidth + 1;
    }
    current.push(col);
    used += w;
  }
  blocks.push(current);

  blocks.forEach((cols, b) => {
    const lastBlock = b === blocks.length - 1;
    const head = [firstHead, ...cols.map((col) => colHeads[col]!), ...(lastBlock ? [crossHead] : [])];
    const rows = rowHeads.map((rh, row) => [
      rh,
      ...cols.map((col) => {
        const { text, above } = cellText(row, col);
        return above ? style.good(text) : style.bad(text);
      }),
      ...(lastBlock ? [style.heading(rowCross[row]!)] : []),
    ]);
    rows.push([crossRowHead, ...cols.map((col) => style.heading(colCross[col]!)), ...(lastBlock ? [''] : [])]);
    if (b > 0) out.push('');
    out.push(drawTable({ head, rows }, style));
  });

  out.push(
    '',
    style.dim(`Break-even column: the export growth at which that row lands exactly on ${t}.`),
    style.dim(`Break-even row: the import growth at which that column lands exactly on ${t}.`),
  );
  return `${out.join('\n')}\n`;
}

export function renderScenarioComparisonAsText(r: ScenarioComparisonReport, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const t = formatMoney(r.threshold, { currency: c, trim: true });
  const money = (d: Decimal) => formatMoney(d, { currency: c, unit: ctx.unit });
  const thresholdNote = r.origins.threshold && r.origins.threshold !== 'option' ? style.dim(` (${r.origins.threshold})`) : '';
  const out: string[] = [datasetLine(r.dataset, r.base.year), '', `Threshold: ${t}${thresholdNote}`, ''];
  const head = ['', ...r.outcomes.map((o) => o.scenario.label)];
  const rows: string[][] = [
    ['Export growth', ...r.outcomes.map((o) => `${formatPct(o.scenario.exportGrowthPct, { sign: true })} a year`)],
    ['Import growth', ...r.outcomes.map((o) => `${formatPct(o.scenario.importGrowthPct, { sign: true })} a year`)],
    [`${r.base.year} balance`, ...r.outcomes.map(() => style.dim(money(r.base.balance)))],
  ];
  for (let i = 0; i < r.years; i++) {
    const year = r.base.year + i + 1;
    rows.push([
      `${year} balance`,
      ...r.outcomes.map((o) => {
        const p = o.projection.path[i]!;
        const text = `${p.aboveThreshold ? ABOVE : BELOW} ${money(p.balance)}`;
        return p.aboveThreshold ? style.good(text) : style.bad(text);
      }),
    ]);
  }
  out.push(drawTable({ head, rows }, style), '');
  for (const o of r.outcomes) {
    const v = projectionVerdictText(o.projection);
    const line = `${o.scenario.label}: ${v}`;
    out.push(o.projection.verdict.holds ? style.good(line) : style.bad(line));
  }
  const defs = r.outcomes.filter((o) => o.scenario.origin !== 'option').map((o) => `${o.scenario.label}: ${o.scenario.description ?? o.scenario.origin}`);
  if (defs.length > 0) out.push('', ...defs.map((d) => style.dim(d)));
  return `${out.join('\n')}\n`;
}
