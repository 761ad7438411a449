// A horizontal bar chart for the terminal: one row per item, bars from a zero axis (negative values
// to the left of it, positive to the right), drawn in eighths of a column, with an optional marker
// on each row (◆: a value to compare with, such as the same month a year earlier) and the value
// written at the end of the row. It reads without colour: the axis, the bars, the marker and the
// value are different glyphs; colour only repeats the sign. It never draws wider than asked.
import type { Decimal } from '../core/decimal.js';
import type { Style } from './style.js';
import { legendLines } from './text-common.js';
import { displayWidth } from './wrap.js';

export interface BarRow {
  label: string;
  /** Null: no value (the row shows the axis and "–"). */
  value: Decimal | null;
  marker?: Decimal | null | undefined;
}

export interface BarChartSpec {
  title: string;
  rows: readonly BarRow[];
  /** The value as written at the end of its row. */
  format: (value: Decimal) => string;
  /** Legend parts under the chart ("█ 2025", "◆ 2024"). */
  legend: readonly string[];
  /** Total columns available, labels and values included. */
  width: number;
  style: Style;
  /** Colour bars by sign (a surplus good, a deficit bad); off for amounts, which are never negative. */
  signColours?: boolean | undefined;
}

export const BAR = '█';
export const MARKER = '◆';
const AXIS = '│';
/** Left-aligned eighths, for bars growing right: ▏ is one eighth of a column, ▉ seven. */
const RIGHTWARD = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** Bars growing left can end only in a right eighth (▕) or a right half (▐): the nearest is used. */
const LEFTWARD = ['', '▕', '▕', '▐', '▐', '▐', '▐', BAR];

/** The bar of `eighths` eighths of a column, as cells from the axis outward. */
function barCells(eighths: number, rightward: boolean): string[] {
  const cells: string[] = Array.from({ length: Math.floor(eighths / 8) }, () => BAR);
  const partial = (rightward ? RIGHTWARD : LEFTWARD)[eighths % 8]!;
  if (partial) cells.push(partial);
  return cells;
}

export function renderBarChart(spec: BarChartSpec): string {
  const { rows, style } = spec;
  const labelWidth = Math.max(0, ...rows.map((r) => displayWidth(r.label)));
  const texts = rows.map((r) => (r.value ? spec.format(r.value) : '–'));
  const valueWidth = Math.max(1, ...texts.map((t) => displayWidth(t)));
  const plotWidth = Math.max(12, spec.width - labelWidth - valueWidth - 2);
  const numbers = rows.flatMap((r) => [r.value, r.marker ?? null]).filter((x): x is Decimal => x !== null).map((x) => x.toNumber());
  const lo = Math.min(0, ...numbers);
  let hi = Math.max(0, ...numbers);
  if (hi === lo) hi = lo + 1;
  // One column is the axis; the rest is shared between the two sides in proportion to their reach.
  const span = plotWidth - 1;
  const left = lo < 0 ? Math.max(1, Math.round((span * -lo) / (hi - lo))) : 0;
  const right = span - left;
  const perUnit = (span * 8) / (hi - lo);
  const eighthsOf = (v: number) => Math.min(Math.round(Math.abs(v) * perUnit), (v < 0 ? left : right) * 8);
  /** The cell of the plot where a value's bar ends (the axis for zero). */
  const endCell = (v: number) => {
    const e = eighthsOf(v);
    if (e === 0) return left;
    return v < 0 ? left - Math.ceil(e / 8) : left + Math.ceil(e / 8);
  };

  const out: string[] = [style.heading(spec.title)];
  rows.forEach((row, i) => {
    const cells: string[] = Array.from({ length: plotWidth }, () => ' ');
    cells[left] = AXIS;
    const v = row.value?.toNumber() ?? null;
    let colour: ((s: string) => string) | null = null;
    if (v !== null && v !== 0) {
      const bar = barCells(eighthsOf(v), v > 0);
      bar.forEach((ch, k) => {
        cells[v > 0 ? left + 1 + k : left - 1 - k] = ch;
      });
      if (spec.signColours) colour = v > 0 ? style.good : style.bad;
    }
    const m = row.marker?.toNumber() ?? null;
    const markerCell = m === null ? null : endCell(m);
    if (markerCell !== null) cells[markerCell] = MARKER;
    // Colour the bar's cells only: the axis and the marker stay as they are.
    const drawn = cells.map((ch, c) => (colour && c !== left && c !== markerCell && ch !== ' ' ? colour(ch) : ch)).join('');
    const label = row.label + ' '.repeat(labelWidth - displayWidth(row.label));
    out.push(`${label} ${drawn} ${' '.repeat(valueWidth - displayWidth(texts[i]!))}${texts[i]}`.trimEnd());
  });
  out.push(...legendLines(spec.legend, labelWidth + 1, spec.width));
  return `${out.join('\n')}\n`;
}
