// Scenario reports as text: the sensitivity grid as a heat map (✔ at or above the threshold, ✘
// below, coloured when colour is on), with each row's and column's break-even rate so the crossing
// is explicit; and named scenarios side by side.
import type { Decimal } from '../core/decimal.js';
import type { ScenarioComparisonDocument, ScenarioGridDocument } from '../reports/schemas.js';
import { autoUnit, formatMoney, formatPct, formatScaled, unitHeading } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { datasetLine, originText, rateHead, scenarioOriginText } from './text-common.js';

const ABOVE = '✔';
const BELOW = '✘';

function crossingText(pct: Decimal | null): string {
  return pct ? formatPct(pct, { sign: true }) : 'none';
}

const rangeText = (x: { start: Decimal; stop: Decimal; step: Decimal }) => `${x.start.toFixed()}:${x.stop.toFixed()}:${x.step.toFixed()}`;

/** The heat map. A table is for reading, so the grid is at most a few thousand cells (the spec checks). */
export function renderScenarioGridAsText(r: ScenarioGridDocument, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const a = r.assumptions;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const exportAxis = [...r.exportAxis];
  const importAxis = [...r.importAxis];
  const cells = [...r.cells];
  const cols = exportAxis.length;
  const cellAt = (row: number, col: number) => cells[row * cols + col]!;
  // One unit for every cell, chosen by the largest magnitude shown, so the cells line up and compare.
  let largest = a.threshold.abs();
  for (const cell of cells) if (cell.balance.abs().gt(largest)) largest = cell.balance.abs();
  const unit = ctx.unit === 'auto' ? autoUnit(largest) : ctx.unit;
  const rangeNote = (origin: typeof a.origins.exportGrowthPctRange, range: typeof a.exportGrowthPctRange) =>
    origin.source === 'option' ? '' : style.dim(` (default range ${rangeText(range)})`);
  const thresholdNote = originText(a.origins.threshold, 'threshold');

  const out: string[] = [
    datasetLine(r.dataset, a.baseYear),
    '',
    `Balance in ${r.horizonYear}, ${unitHeading(unit, c)}, ${a.yearCount === 1 ? 'after one year' : `after ${a.yearCount} years`} of constant growth`,
    `Columns: export growth a year${rangeNote(a.origins.exportGrowthPctRange, a.exportGrowthPctRange)}; rows: import growth a year${rangeNote(a.origins.importGrowthPctRange, a.importGrowthPctRange)}`,
    `Threshold: ${t}${thresholdNote ? style.dim(` (${thresholdNote})`) : ''}   ${style.good(`${ABOVE} at or above`)}   ${style.bad(`${BELOW} below`)}`,
    '',
  ];

  // The cells as plain text first (to measure), styled when drawn.
  const cellText = (row: number, col: number) => {
    const cell = cellAt(row, col);
    const text = `${cell.aboveThreshold ? ABOVE : BELOW} ${formatScaled(cell.balance, unit)}`;
    return { text, above: cell.aboveThreshold };
  };
  const rowHeads = importAxis.map((x) => rateHead(x.importGrowthPct));
  const colHeads = exportAxis.map((x) => rateHead(x.exportGrowthPct));
  const rowCross = importAxis.map((x) => crossingText(x.breakevenExportGrowthPct));
  const colCross = exportAxis.map((x) => crossingText(x.breakevenImportGrowthPct));
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

export function renderScenarioComparisonAsText(r: ScenarioComparisonDocument, ctx: TextContext): string {
  const { style } = ctx;
  const c = r.dataset.currency;
  const a = r.assumptions;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const money = (d: Decimal) => formatMoney(d, { currency: c, unit: ctx.unit });
  const note = originText(a.origins.threshold, 'threshold');
  const out: string[] = [datasetLine(r.dataset, a.baseYear), '', `Threshold: ${t}${note ? style.dim(` (${note})`) : ''}`, ''];
  const head = ['', ...r.scenarios.map((s) => s.label)];
  const rows: string[][] = [
    ['Export growth', ...r.scenarios.map((s) => `${formatPct(s.exportGrowthPct, { sign: true })} a year`)],
    ['Import growth', ...r.scenarios.map((s) => `${formatPct(s.importGrowthPct, { sign: true })} a year`)],
    [`${a.baseYear} balance`, ...r.scenarios.map(() => style.dim(money(r.base.balance)))],
  ];
  for (let i = 0; i < a.yearCount; i++) {
    rows.push([
      `${a.baseYear + i + 1} balance`,
      ...r.scenarios.map((s) => {
        const p = s.path[i]!;
        const text = `${p.aboveThreshold ? ABOVE : BELOW} ${money(p.balance)}`;
        return p.aboveThreshold ? style.good(text) : style.bad(text);
      }),
    ]);
  }
  out.push(drawTable({ head, rows }, style), '');
  for (const s of r.scenarios) {
    const line = `${s.label}: ${s.verdict.text}`;
    out.push(s.verdict.answer ? style.good(line) : style.bad(line));
  }
  const defs = r.scenarios.map((s) => `${s.label}: ${s.description ?? scenarioOriginText(s.definition)}`);
  if (defs.length > 0) out.push('', ...defs.map((d) => style.dim(d)));
  return `${out.join('\n')}\n`;
}
