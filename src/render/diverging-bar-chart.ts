// A horizontal bar chart around a zero axis, drawn in Unicode for the terminal: negative values
// (deficits) to the left of the axis, positive ones (surpluses) to the right, on one scale, each
// bar beside its label and its signed value, so the chart reads without colour. It fits the width
// it is given: labels are shortened, never the scale's meaning. A value that is not zero always
// gets at least one cell, so its side shows however small it is; the printed value is exact.
import type { Decimal } from '../core/decimal.js';
import { type DisplayUnit, formatMoney } from './format.js';
import type { Style } from './style.js';
import { legendLines } from './text-common.js';
import { displayWidth } from './wrap.js';

/** How a bar is filled: one partner, a group of partners, or what no partner accounts for. */
export type BarKind = 'item' | 'group' | 'rest';

export interface Bar {
  label: string;
  value: Decimal;
  kind: BarKind;
}

export interface DivergingBarChartSpec {
  title: string;
  bars: readonly Bar[];
  currency: string;
  unit: DisplayUnit;
  /** Total columns available, labels included. */
  width: number;
  style: Style;
  /** Values with their sign ("+$150.0B"): for values that may be either (balances), not for flows. */
  signed: boolean;
  /** The legend's words for each kind of bar present ("partner", "other partners", …). */
  legend: Record<BarKind, string>;
}

export const BAR_GLYPHS: Record<BarKind, string> = { item: '█', group: '▒', rest: '░' };
const AXIS = '│';
const LABEL_MAX = 24;

/** `text` cut to `width` columns, with an ellipsis when it is cut. */
function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

const pad = (text: string, width: number, left: boolean) => {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return left ? `${gap}${text}` : `${text}${gap}`;
};

export function renderDivergingBarChart(spec: DivergingBarChartSpec): string {
  const { bars, style } = spec;
  const money = (d: Decimal) => formatMoney(d, { currency: spec.currency, unit: spec.unit, sign: spec.signed });
  const values = bars.map((b) => b.value.toNumber());
  const left = Math.max(0, ...values.map((v) => -v));
  const right = Math.max(0, ...values.map((v) => v));
  const labelWidth = Math.min(LABEL_MAX, Math.max(0, ...bars.map((b) => displayWidth(b.label))));
  const valueTexts = bars.map((b) => money(b.value));
  const valueWidth = Math.max(0, ...valueTexts.map(displayWidth));
  // Label, value, then the plot: cells left of the axis, the axis, cells right of it.
  const plot = Math.max(11, spec.width - labelWidth - valueWidth - 2);
  const cells = plot - 1;
  const span = left + right;
  let leftCells = span === 0 ? 0 : Math.round((cells * left) / span);
  if (left > 0) leftCells = Math.max(1, leftCells);
  if (right > 0) leftCells = Math.min(cells - 1, leftCells);
  const rightCells = cells - leftCells;
  // One scale for both sides: the side that needs more columns per unit sets it.
  const perUnit = span === 0 ? 0 : Math.min(left > 0 ? leftCells / left : Infinity, right > 0 ? rightCells / right : Infinity);

  const out: string[] = [style.heading(spec.title)];
  bars.forEach((b, i) => {
    const v = values[i]!;
    const room = v < 0 ? leftCells : rightCells;
    const length = v === 0 || b.value.isZero() ? 0 : Math.min(room, Math.max(1, Math.round(Math.abs(v) * perUnit)));
    const glyph = BAR_GLYPHS[b.kind].repeat(length);
    const paint = b.kind === 'item' ? (v < 0 ? style.bad : style.good) : style.dim;
    const bar = length === 0 ? '' : paint(glyph);
    const leftPart = v < 0 ? `${' '.repeat(leftCells - length)}${bar}` : ' '.repeat(leftCells);
    const rightPart = v > 0 ? bar : '';
    out.push(`${pad(fit(b.label, labelWidth), labelWidth, false)} ${pad(valueTexts[i]!, valueWidth, true)} ${leftPart}${style.dim(AXIS)}${rightPart}`.trimEnd());
  });

  // The scale under the plot: the largest deficit at the left end, 0 at the axis, the largest surplus at the right end.
  const indent = labelWidth + valueWidth + 2;
  out.push(`${' '.repeat(indent)}${'─'.repeat(leftCells)}┴${'─'.repeat(rightCells)}`);
  const ticks = Array.from({ length: plot }, () => ' ');
  const place = (text: string, start: number) => {
    if (start < 0 || start + text.length > plot || ticks.slice(Math.max(0, start - 1), start + text.length + 1).some((c) => c !== ' ')) return;
    for (let k = 0; k < text.length; k++) ticks[start + k] = text[k]!;
  };
  const leftEnd = left > 0 ? money(bars.find((b) => b.value.toNumber() === -left)!.value) : '';
  const rightEnd = right > 0 ? money(bars.find((b) => b.value.toNumber() === right)!.value) : '';
  if (leftEnd) place(leftEnd, 0);
  if (rightEnd) place(rightEnd, plot - rightEnd.length);
  place('0', leftCells);
  out.push(`${' '.repeat(indent)}${ticks.join('')}`.trimEnd());

  const kinds = (['item', 'group', 'rest'] as const).filter((k) => bars.some((b) => b.kind === k));
  out.push(...legendLines(kinds.map((k) => `${BAR_GLYPHS[k]} ${spec.legend[k]}`), indent, spec.width));
  return `${out.join('\n')}\n`;
}
