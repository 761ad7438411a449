// A line chart of a balance path against a threshold line, drawn in Unicode for the terminal.
// Hand-written rather than asciichart: asciichart draws every series with the same glyphs (the
// threshold and the path could be told apart only by colour), plots one column per point (no
// fitting to the width) and has no year axis. Here the path is ● at or above the line and ○ below,
// the threshold is ┄, so the chart reads without colour; it stretches to the width it is given.
import type { Decimal } from '../core/decimal.js';
import { formatMoney } from './format.js';
import type { Style } from './style.js';
import { legendLines } from './text-common.js';

export interface ChartPoint {
  label: string;
  value: Decimal;
}

export interface LineChartSpec {
  title: string;
  points: readonly ChartPoint[];
  threshold: Decimal;
  currency: string;
  /** Total columns available, labels included. */
  width: number;
  /** Rows of plot area. */
  height?: number;
  style: Style;
}

const ABOVE = '●';
const BELOW = '○';
const LINE = '·';
const THRESHOLD = '┄';

export function renderLineChart(spec: LineChartSpec): string {
  const { points, style } = spec;
  const height = Math.max(3, spec.height ?? 10);
  const values = points.map((p) => p.value.toNumber());
  const t = spec.threshold.toNumber();
  let lo = Math.min(t, ...values);
  let hi = Math.max(t, ...values);
  if (hi === lo) {
    // A flat chart still needs a scale: open it up around the one value.
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  // A year below the line must be drawn below it, however close: leave a row under the threshold
  // when any value is below it, and never round such a value onto the threshold's row.
  if (values.some((v) => v < t)) lo = Math.min(lo, t - (hi - t) / (height - 2));
  const rawRow = (v: number) => Math.round(((hi - v) / (hi - lo)) * (height - 1));
  const rowOf = (v: number) => (v < t ? Math.max(rawRow(v), rawRow(t) + 1) : Math.min(rawRow(v), rawRow(t)));
  const money = (v: Decimal) => formatMoney(v, { currency: spec.currency });
  const maxPoint = points.reduce((a, p) => (p.value.gt(a.value) ? p : a), points[0]!);
  const minPoint = points.reduce((a, p) => (p.value.lt(a.value) ? p : a), points[0]!);
  const tRow = rowOf(t);

  // Axis labels: the threshold, and the highest and lowest balance where they have a row of their own.
  const labels = new Map<number, string>();
  labels.set(tRow, formatMoney(spec.threshold, { currency: spec.currency, trim: true }));
  for (const p of [maxPoint, minPoint]) {
    const r = rowOf(p.value.toNumber());
    if (!labels.has(r)) labels.set(r, money(p.value));
  }
  const labelWidth = Math.max(...[...labels.values()].map((l) => l.length));
  // Never wider than asked: with more years than columns, neighbouring years share a column.
  const plotWidth = Math.max(10, spec.width - labelWidth - 3);

  const grid: string[][] = Array.from({ length: height }, () => Array.from({ length: plotWidth }, () => ' '));
  const colour: (((s: string) => string) | null)[][] = Array.from({ length: height }, () => Array.from({ length: plotWidth }, () => null));
  const colOf = (i: number) => (points.length === 1 ? Math.floor(plotWidth / 2) : Math.round((i * (plotWidth - 1)) / (points.length - 1)));

  for (let c = 0; c < plotWidth; c++) {
    grid[tRow]![c] = THRESHOLD;
    colour[tRow]![c] = style.dim;
  }
  // The path between points: one dot per column, filled vertically so steep steps stay joined.
  let prevRow: number | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const c0 = colOf(i);
    const c1 = colOf(i + 1);
    for (let c = c0; c <= c1; c++) {
      const f = c1 === c0 ? 0 : (c - c0) / (c1 - c0);
      const r = rowOf(values[i]! + f * (values[i + 1]! - values[i]!));
      const from = prevRow === null ? r : prevRow;
      const step = r >= from ? 1 : -1;
      for (let rr = from; rr !== r + step; rr += step) {
        if (rr === r || (rr !== from && grid[rr]![c] !== ABOVE && grid[rr]![c] !== BELOW)) {
          grid[rr]![c] = LINE;
          colour[rr]![c] = null;
        }
      }
      prevRow = r;
    }
  }
  points.forEach((p, i) => {
    const r = rowOf(values[i]!);
    const c = colOf(i);
    const above = values[i]! >= t && !p.value.lt(spec.threshold);
    grid[r]![c] = above ? ABOVE : BELOW;
    colour[r]![c] = above ? style.good : style.bad;
  });

  const out: string[] = [style.heading(spec.title)];
  for (let r = 0; r < height; r++) {
    const label = labels.get(r) ?? '';
    const axis = labels.has(r) ? '┤' : '│';
    const cells = grid[r]!.map((ch, c) => (colour[r]![c] ? colour[r]![c]!(ch) : ch)).join('');
    out.push(`${label.padStart(labelWidth)} ${axis}${cells}`.trimEnd());
  }
  out.push(`${' '.repeat(labelWidth)} └${'─'.repeat(plotWidth)}`);
  out.push(`${' '.repeat(labelWidth + 2)}${xLabels(points.map((p) => p.label), colOf, plotWidth)}`.trimEnd());
  const tText = formatMoney(spec.threshold, { currency: spec.currency, trim: true });
  out.push(...legendLines([`${style.good(ABOVE)} at or above ${tText}`, `${style.bad(BELOW)} below`, `${style.dim(THRESHOLD)} ${tText}`], labelWidth + 2, spec.width));
  return `${out.join('\n')}\n`;
}

/** Year labels under their points: first and last always, others where they fit with a gap. */
function xLabels(labels: string[], colOf: (i: number) => number, width: number): string {
  const line = Array.from({ length: width + 8 }, () => ' ');
  const placed: [number, number][] = [];
  const tryPlace = (i: number, force: boolean) => {
    const text = labels[i]!;
    let start = colOf(i) - Math.floor(text.length / 2);
    start = Math.max(0, Math.min(start, width - text.length));
    const end = start + text.length;
    if (!force && placed.some(([s, e]) => start < e + 1 && end + 1 > s)) return;
    placed.push([start, end]);
    for (let k = 0; k < text.length; k++) line[start + k] = text[k]!;
  };
  if (labels.length === 0) return '';
  tryPlace(0, true);
  if (labels.length > 1) tryPlace(labels.length - 1, true);
  for (let i = 1; i < labels.length - 1; i++) tryPlace(i, false);
  return line.join('');
}
