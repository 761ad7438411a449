// A heat map as SVG: a grid of cells over two evenly spaced axes (columns left to right, rows top
// to bottom, in the order given, as in the text table), each cell coloured by its tone and, where
// it has room, showing its value; and a boundary drawn through points given in axis values (the
// break-even crossings, where the grid's value meets the threshold).
import type { Decimal } from '../../core/decimal.js';
import { type ChartText, type LegendItem, axisTitleX, axisTitleY, layoutFrame, thinLabels } from './frame.js';
import { COLOURS, TYPE, type Tone, textWidth } from './theme.js';
import { el, num, textEl, titled } from './xml.js';

export interface HeatCell {
  /** The value as printed on the cell (in the unit the subtitle names): "1.30". */
  label: string;
  tone: Tone;
  /** The cell's tooltip. */
  title?: string | undefined;
}

export interface HeatAxis {
  title: string;
  labels: readonly string[];
  /** The value of each column or row, evenly spaced: boundary points are placed between them. */
  values: readonly Decimal[];
}

export interface HeatMapSpec {
  text: ChartText;
  columns: HeatAxis;
  rows: HeatAxis;
  /** Row by row: cells[row × columns + column]. */
  cells: readonly HeatCell[];
  legend: readonly { tone: Tone; label: string }[];
  /** A line through points in axis values, e.g. where the balance equals the threshold. */
  boundary?: { label: string; points: readonly { column: Decimal; row: Decimal; title?: string | undefined }[] } | undefined;
  width?: number | undefined;
}

/** Cells are light, so the dark value printed on them reads. */
const FILLS: Record<Tone, string> = { above: COLOURS.aboveFill, below: COLOURS.belowFill, spans: '#e6e8eb', neutral: '#dbe9fb', rest: '#f3f4f6' };

export function svgHeatMap(spec: HeatMapSpec): string {
  const cols = spec.columns.labels.length;
  const rows = spec.rows.labels.length;
  const legend: LegendItem[] = spec.legend.map((l) => ({ symbol: 'swatch', colour: FILLS[l.tone], label: l.label }));
  if (spec.boundary) legend.push({ symbol: 'line', colour: COLOURS.threshold, label: spec.boundary.label });
  const left = 16 + 22 + Math.max(0, ...spec.rows.labels.map((l) => textWidth(l, TYPE.label))) + 12;
  // Cells 28 high, fewer pixels each past 16 rows; and the plot at least as tall as its rotated title.
  const titleRoom = textWidth(spec.rows.title, TYPE.label) + 16;
  const cellH = rows <= 16 ? Math.max(28, Math.ceil(titleRoom / Math.max(1, rows))) : Math.max(4, Math.min(28, Math.floor(560 / rows)));
  const frame = layoutFrame(spec.text, legend, { width: spec.width, plotHeight: rows * cellH, left, right: 24, below: 50 });
  const plot = frame.plot;
  const cellW = (plot.right - plot.left) / Math.max(1, cols);
  const cx = (c: number) => plot.left + cellW * (c + 0.5);
  const cy = (r: number) => plot.top + cellH * (r + 0.5);
  // Values only where every one fits its cell; else the colours alone (and the tooltips) tell.
  const withValues = cellH >= 15 && spec.cells.every((c) => textWidth(c.label, TYPE.small) + 6 <= cellW);
  const gap = cellW > 8 && cellH > 8 ? 1 : 0;

  const body: string[] = [];
  const cells: string[] = [];
  const values: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = spec.cells[r * cols + c]!;
      cells.push(
        titled('rect', { class: `cell ${cell.tone}`, x: plot.left + c * cellW + gap / 2, y: plot.top + r * cellH + gap / 2, width: cellW - gap, height: cellH - gap, fill: FILLS[cell.tone] }, cell.title),
      );
      // A halo in the cell's own colour keeps the value legible where the boundary crosses it.
      if (withValues) values.push(textEl('text', { x: cx(c), y: cy(r) + 4, 'text-anchor': 'middle', stroke: FILLS[cell.tone], 'stroke-width': 3, 'paint-order': 'stroke' }, cell.label));
    }
  }
  body.push(el('g', { class: 'cells' }, cells));

  const colShown = thinLabels(spec.columns.labels, cellW, TYPE.label);
  const colTicks = spec.columns.labels.flatMap((label, c) =>
    colShown[c] ? [el('g', { class: 'tick' }, [el('line', { x1: cx(c), y1: plot.bottom, x2: cx(c), y2: plot.bottom + 5, stroke: COLOURS.axis }), textEl('text', { x: cx(c), y: plot.bottom + 19, 'text-anchor': 'middle' }, label)])] : [],
  );
  body.push(el('g', { class: 'axis x', fill: COLOURS.text }, [...colTicks, axisTitleX(plot, spec.columns.title)]));
  const stride = Math.max(1, Math.ceil((TYPE.label + 2) / cellH));
  const rowTicks = spec.rows.labels.flatMap((label, r) =>
    r % stride === 0 || r === rows - 1
      ? [el('g', { class: 'tick' }, [el('line', { x1: plot.left - 5, y1: cy(r), x2: plot.left, y2: cy(r), stroke: COLOURS.axis }), textEl('text', { x: plot.left - 8, y: cy(r) + 4, 'text-anchor': 'end' }, label)])]
      : [],
  );
  body.push(el('g', { class: 'axis y', fill: COLOURS.text }, [...rowTicks, axisTitleY(plot, spec.rows.title)]));

  if (spec.boundary) {
    const at = (axis: HeatAxis, v: Decimal, size: number, first: number): number | null => {
      const n = axis.values.length;
      if (n === 1) return v.eq(axis.values[0]!) ? first : null;
      const index = v.minus(axis.values[0]!).div(axis.values[1]!.minus(axis.values[0]!)).toNumber();
      // Within the grid's cells: from the first cell's edge to the last one's.
      return index < -0.5 || index > n - 0.5 ? null : first + index * size;
    };
    const points = spec.boundary.points
      .map((p) => ({ x: at(spec.columns, p.column, cellW, cx(0)), y: at(spec.rows, p.row, cellH, cy(0)), p }))
      .filter((q): q is { x: number; y: number; p: (typeof spec.boundary.points)[number] } => q.x !== null && q.y !== null)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    if (points.length > 1) {
      body.push(el('polyline', { class: 'boundary', points: points.map((q) => `${num(q.x)},${num(q.y)}`).join(' '), fill: 'none', stroke: COLOURS.threshold, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }));
    }
    body.push(el('g', { class: 'crossings', fill: COLOURS.threshold }, points.map((q) => titled('circle', { class: 'crossing', cx: q.x, cy: q.y, r: 3 }, q.p.title))));
  }
  // The values last, over the boundary.
  if (values.length > 0) body.push(el('g', { class: 'cell-values', 'font-size': TYPE.small, fill: COLOURS.text, 'stroke-linejoin': 'round' }, values));
  return frame.render(body);
}
