// The frame every SVG chart sits in: the root element (size, viewBox, font, accessible title and
// description), a white background, the title and provenance lines above the plot, the legend and
// the notes (source, method) under it. A chart decides its plot's size and margins; the frame adds
// the rest and says where the plot goes. No scripts, no external references, no web fonts.
import { Decimal } from '../../core/decimal.js';
import type { DatasetDoc } from '../../reports/document.js';
import type { DisplayUnit } from '../format.js';
import type { OriginDoc } from '../../reports/schemas.js';
import { datasetLine, importedLines, originText } from '../text-common.js';
import { COLOURS, FONT_FAMILY, THRESHOLD_DASH, TYPE, textWidth, wrapText } from './theme.js';
import { el, num, textEl, titled } from './xml.js';

export const SVG_WIDTH = 960;

/** What a chart takes from the command line besides its document: the unit of money axes (--unit). */
export interface SvgContext {
  unit: DisplayUnit;
}
const MARGIN = 16;

/** The words around a chart. */
export interface ChartText {
  title: string;
  /** Under the title: where the figures come from, then the assumptions. */
  subtitle: readonly string[];
  /** Under the legend: the source, how to read the chart, what was left out. */
  notes: readonly string[];
  /** The chart in a sentence or two, for screen readers (the SVG's <desc>). */
  description: string;
}

export type LegendSymbol = 'swatch' | 'line' | 'threshold' | 'filled' | 'hollow' | 'diamond';
export interface LegendItem {
  symbol: LegendSymbol;
  colour: string;
  label: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Frame {
  width: number;
  height: number;
  /** Where the plot goes. */
  plot: Box;
  /** The whole SVG document around the plot's markup. */
  render(body: readonly string[]): string;
}

export interface FrameOptions {
  width?: number;
  plotHeight: number;
  /** Room left of the plot (y axis labels and title), right of it, and under it (x axis). */
  left: number;
  right: number;
  below: number;
}

const LINE = { title: 24, subtitle: 18, legend: 22, note: 15 } as const;

export function layoutFrame(text: ChartText, legend: readonly LegendItem[], o: FrameOptions): Frame {
  const width = o.width ?? SVG_WIDTH;
  const inner = width - 2 * MARGIN;
  const titleLines = wrapText(text.title, TYPE.title, inner, 2);
  const subtitleLines = text.subtitle.flatMap((s) => wrapText(s, TYPE.subtitle, inner, 2));
  const noteLines = text.notes.flatMap((s) => wrapText(s, TYPE.small, inner, 3));
  const legendRows = legendLayout(legend, MARGIN, inner);

  let y = MARGIN;
  const head: string[] = [];
  titleLines.forEach((line) => {
    y += LINE.title;
    head.push(textEl('text', { class: 'title', x: MARGIN, y: y - 6, 'font-size': TYPE.title, 'font-weight': 600, fill: COLOURS.text }, line));
  });
  subtitleLines.forEach((line) => {
    y += LINE.subtitle;
    head.push(textEl('text', { class: 'subtitle', x: MARGIN, y: y - 4, 'font-size': TYPE.subtitle, fill: COLOURS.muted }, line));
  });
  const top = y + 22;
  const bottom = top + o.plotHeight;
  let footY = bottom + o.below + 10;
  const foot: string[] = [];
  const legendItems: string[] = [];
  for (const row of legendRows) {
    footY += LINE.legend;
    for (const item of row) legendItems.push(legendItem(item.item, item.x, footY - 6));
  }
  if (legendItems.length > 0) foot.push(el('g', { class: 'legend', 'font-size': TYPE.label, fill: COLOURS.text }, legendItems));
  if (noteLines.length > 0) {
    footY += 6;
    const notes = noteLines.map((line) => {
      footY += LINE.note;
      return textEl('text', { x: MARGIN, y: footY - 4 }, line);
    });
    foot.push(el('g', { class: 'notes', 'font-size': TYPE.small, fill: COLOURS.muted }, notes));
  }
  const height = Math.ceil(footY + MARGIN);
  return {
    width,
    height,
    plot: { left: o.left, top, right: width - o.right, bottom },
    render: (body) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n${el(
        'svg',
        {
          xmlns: 'http://www.w3.org/2000/svg',
          width,
          height,
          viewBox: `0 0 ${width} ${height}`,
          role: 'img',
          'aria-labelledby': 'chart-title chart-desc',
          'font-family': FONT_FAMILY,
          'font-size': TYPE.label,
        },
        [
          textEl('title', { id: 'chart-title' }, text.title),
          textEl('desc', { id: 'chart-desc' }, text.description),
          el('rect', { class: 'background', x: 0, y: 0, width, height, fill: COLOURS.background }),
          ...head,
          ...body,
          ...foot,
        ],
      )}\n`,
  };
}

/** Legend items in rows that fit the width, each a symbol and its label. */
function legendLayout(items: readonly LegendItem[], left: number, width: number): { item: LegendItem; x: number }[][] {
  const rows: { item: LegendItem; x: number }[][] = [];
  let row: { item: LegendItem; x: number }[] = [];
  let x = left;
  for (const item of items) {
    const w = 28 + textWidth(item.label, TYPE.label);
    if (row.length > 0 && x + w > left + width) {
      rows.push(row);
      row = [];
      x = left;
    }
    row.push({ item, x });
    x += w + 22;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendItem(item: LegendItem, x: number, baseline: number): string {
  const mid = baseline - 4;
  const symbol = (() => {
    switch (item.symbol) {
      case 'swatch':
        return el('rect', { x, y: mid - 6, width: 20, height: 12, fill: item.colour });
      case 'line':
        return el('line', { x1: x, y1: mid, x2: x + 20, y2: mid, stroke: item.colour, 'stroke-width': 2.5 });
      case 'threshold':
        return el('line', { x1: x, y1: mid, x2: x + 21, y2: mid, stroke: item.colour, 'stroke-width': 2, 'stroke-dasharray': THRESHOLD_DASH.join(' ') });
      case 'diamond':
        return diamond(x + 10, mid, 6, item.colour);
      case 'filled':
        return el('circle', { cx: x + 10, cy: mid, r: 5, fill: item.colour, stroke: item.colour, 'stroke-width': 2 });
      default:
        return el('circle', { cx: x + 10, cy: mid, r: 5, fill: COLOURS.background, stroke: item.colour, 'stroke-width': 2 });
    }
  })();
  return el('g', { class: 'legend-item' }, [symbol, textEl('text', { x: x + 28, y: baseline }, item.label)]);
}

/** A diamond centred on (cx, cy), `r` from its centre to each point: a value to compare with (◆ in the text charts). */
export function diamond(cx: number, cy: number, r: number, colour: string, attrs: Record<string, string> = {}, title?: string): string {
  const points = [
    [cx, cy - r],
    [cx + r, cy],
    [cx, cy + r],
    [cx - r, cy],
  ]
    .map(([px, py]) => `${num(px!)},${num(py!)}`)
    .join(' ');
  return titled('polygon', { ...attrs, points, fill: colour, stroke: COLOURS.background, 'stroke-width': 1.5 }, title);
}

/** The provenance line: "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14)"; a part of a year is named by its months ("January–February 2025"). */
export function provenanceLine(dataset: DatasetDoc, year: number | string): string {
  return datasetLine(dataset, year);
}

/** "+3.00% a year (2026 forecast: around 3%)": a value and, unless the user gave it, where it came from. */
export function withOrigin(text: string, origin: OriginDoc, what: 'growth' | 'threshold' | 'other' = 'other'): string {
  const note = originText(origin, what);
  return note ? `${text} (${note})` : text;
}

/**
 * The source as notes: how the publisher's figures were compiled (basis), and the dataset's own
 * note, which for an imported file names the file ("Imported by tradecalc from …"). A URL is left
 * out: the picture makes no external reference, not even one that looks like a link.
 */
export function sourceNotes(dataset: DatasetDoc): string[] {
  const s = dataset.source;
  // Imported figures: the publisher, the files, the rows and the valuation, as under a table (in
  // place of the note, which only names the files).
  const imported = importedLines(dataset)[0] ?? '';
  return [s.basis ? `Source: ${s.basis}.` : '', imported === '' ? (s.note ?? '') : '', imported].filter((n) => n !== '').map((n) => n.replace(/\.\.$/, '.'));
}

/** The y axis line, ticks, grid lines and labels; `y` maps a value to its pixel row. */
export function yAxis(plot: Box, ticks: readonly Decimal[], y: (v: Decimal) => number, label: (v: Decimal) => string, title: string): string[] {
  const out: string[] = [];
  const grid = ticks.map((t) => el('line', { x1: plot.left, y1: y(t), x2: plot.right, y2: y(t), stroke: COLOURS.grid, 'stroke-width': 1 }));
  out.push(el('g', { class: 'grid y' }, grid));
  const zero = new Decimal(0);
  if (ticks.length > 1 && zero.gt(ticks[0]!) && zero.lt(ticks[ticks.length - 1]!)) {
    out.push(el('line', { class: 'zero', x1: plot.left, y1: y(zero), x2: plot.right, y2: y(zero), stroke: COLOURS.zero, 'stroke-width': 1.25 }));
  }
  const tickEls = ticks.map((t) =>
    el('g', { class: 'tick' }, [
      el('line', { x1: plot.left - 5, y1: y(t), x2: plot.left, y2: y(t), stroke: COLOURS.axis }),
      textEl('text', { x: plot.left - 8, y: y(t) + 4, 'text-anchor': 'end' }, label(t)),
    ]),
  );
  out.push(
    el('g', { class: 'axis y', fill: COLOURS.text }, [
      el('line', { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: COLOURS.axis }),
      ...tickEls,
      axisTitleY(plot, title),
    ]),
  );
  return out;
}

export function axisTitleY(plot: Box, title: string): string {
  const x = MARGIN + 12;
  const y = (plot.top + plot.bottom) / 2;
  return textEl('text', { class: 'axis-title', x, y, transform: `rotate(-90 ${num(x)} ${num(y)})`, 'text-anchor': 'middle', 'font-size': TYPE.label, fill: COLOURS.muted }, title);
}

export function axisTitleX(plot: Box, title: string): string {
  return textEl('text', { class: 'axis-title', x: (plot.left + plot.right) / 2, y: plot.bottom + 42, 'text-anchor': 'middle', 'font-size': TYPE.label, fill: COLOURS.muted }, title);
}

/** Room an axis of these tick labels needs left of the plot: the rotated title, the labels, the ticks. */
export function yAxisRoom(labels: readonly string[]): number {
  return MARGIN + 22 + Math.max(0, ...labels.map((l) => textWidth(l, TYPE.label))) + 12;
}

/** Which of n labels, `spacing` px apart, to show so none collide: every k-th, and always the last. */
export function thinLabels(labels: readonly string[], spacing: number, size: number): boolean[] {
  const n = labels.length;
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, size)));
  const stride = spacing <= 0 ? n : Math.max(1, Math.ceil((widest + 10) / spacing));
  const shown = labels.map((_, i) => i % stride === 0);
  if (n > 1 && !shown[n - 1]) {
    // The last label matters (the horizon): show it, hiding the one before it if they would touch.
    shown[n - 1] = true;
    const prev = Math.floor((n - 1) / stride) * stride;
    if (prev > 0 && (n - 1 - prev) * spacing < widest + 10) shown[prev] = false;
  }
  return shown;
}

/** The threshold line across the plot (horizontal at `at`, or vertical), dashed, with its label. */
export function thresholdLine(plot: Box, at: number, orientation: 'horizontal' | 'vertical', label: string): string {
  const common = { class: 'threshold', stroke: COLOURS.threshold, 'stroke-width': 2, 'stroke-dasharray': THRESHOLD_DASH.join(' ') };
  if (orientation === 'horizontal') {
    return el('g', {}, [
      el('line', { ...common, x1: plot.left, y1: at, x2: plot.right, y2: at }),
      textEl('text', { class: 'threshold-label', x: plot.right - 4, y: at - 6, 'text-anchor': 'end', fill: COLOURS.threshold, 'font-size': TYPE.small }, label),
    ]);
  }
  return el('g', {}, [
    el('line', { ...common, x1: at, y1: plot.top, x2: at, y2: plot.bottom }),
    // Right of the line, or left of it where the plot ends too soon.
    at + 5 + textWidth(label, TYPE.small) <= plot.right
      ? textEl('text', { class: 'threshold-label', x: at + 5, y: plot.top + 12, fill: COLOURS.threshold, 'font-size': TYPE.small }, label)
      : textEl('text', { class: 'threshold-label', x: at - 5, y: plot.top + 12, 'text-anchor': 'end', fill: COLOURS.threshold, 'font-size': TYPE.small }, label),
  ]);
}
