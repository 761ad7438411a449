// A bar chart of labelled categories as SVG: vertical (months along the bottom, bars rising from
// zero) or horizontal (partners down the side, bars from zero: negative values, deficits, to the
// left, positive ones to the right). Bars always start at zero, so their lengths compare; each
// takes the colour of its tone; an optional marker on each (◆ in the text charts: a value to
// compare with, such as the same month a year earlier) is a diamond on the value axis; an
// optional threshold is drawn across it.
import { Decimal } from '../../core/decimal.js';
import { type Box, type ChartText, type LegendItem, axisTitleX, axisTitleY, diamond, layoutFrame, thinLabels, thresholdLine, yAxis, yAxisRoom } from './frame.js';
import type { Threshold } from './line-chart.js';
import { type ValueFormat, axisLabels, axisTitle, linear, niceTicks } from './scale.js';
import { COLOURS, TONE_COLOURS, TYPE, type Tone, fitText, textWidth } from './theme.js';
import { el, textEl, titled } from './xml.js';

export interface Bar {
  /** Null: not known (no bar, and the category keeps its place). */
  value: Decimal | null;
  tone: Tone;
  /** The bar's tooltip; the category and the value in full by default. */
  title?: string | undefined;
  /** A value to compare with, drawn as a diamond (null or absent: none). */
  marker?: Decimal | null | undefined;
  /** The marker's tooltip; the category and the marker's value in full by default. */
  markerTitle?: string | undefined;
}

export interface BarChartSpec {
  text: ChartText;
  /** vertical: categories along the bottom; horizontal: down the left side, first at the top. */
  orientation: 'vertical' | 'horizontal';
  categories: { title: string; labels: readonly string[] };
  values: { title: string; format: ValueFormat };
  /** One per category label. */
  bars: readonly Bar[];
  threshold?: Threshold | undefined;
  /** What each tone used means: "surplus", "deficit". */
  legend: readonly { tone: Tone; label: string }[];
  /** What the markers stand for, in the legend ("2024, same month"); needed when a bar has one. */
  markerLabel?: string | undefined;
  width?: number | undefined;
  /** The plot's height; a horizontal chart defaults to 24 px a category. */
  plotHeight?: number | undefined;
}

/** The widest a category label may be in a horizontal chart before it is cut with an ellipsis. */
const CATEGORY_LABEL_MAX = 200;

export function svgBarChart(spec: BarChartSpec): string {
  const values = spec.bars.flatMap((b) => [b.value, b.marker ?? null].filter((v): v is Decimal => v !== null));
  const zero = new Decimal(0);
  const all = [zero, ...values, ...(spec.threshold ? [spec.threshold.value] : [])];
  const lo = all.reduce((m, v) => (v.lt(m) ? v : m), zero);
  const hi = all.reduce((m, v) => (v.gt(m) ? v : m), zero);
  const ticks = niceTicks(lo, hi, { target: spec.orientation === 'horizontal' ? 6 : 5 });
  const labels = axisLabels(spec.values.format, ticks);
  const tickText = ticks.values.map(labels.tick);
  const n = spec.categories.labels.length;
  const legend: LegendItem[] = spec.legend.map((l) => ({ symbol: 'swatch', colour: TONE_COLOURS[l.tone], label: l.label }));
  const marked = spec.bars.some((b) => b.marker !== undefined && b.marker !== null);
  if (marked) legend.push({ symbol: 'diamond', colour: COLOURS.marker, label: spec.markerLabel ?? 'marker' });
  if (spec.threshold) legend.push({ symbol: 'threshold', colour: COLOURS.threshold, label: `threshold ${spec.threshold.label}` });
  const barTitle = (i: number) => spec.bars[i]!.title ?? `${spec.categories.labels[i]}: ${labels.value(spec.bars[i]!.value!)}`;
  const markerTitle = (i: number) => spec.bars[i]!.markerTitle ?? `${spec.categories.labels[i]}, ${spec.markerLabel ?? 'marker'}: ${labels.value(spec.bars[i]!.marker!)}`;
  /** The markers over the bars, each on the middle of its category's band at its value. */
  const markers = (at: (i: number, v: Decimal) => { x: number; y: number }) =>
    el(
      'g',
      { class: 'markers' },
      spec.bars.flatMap((b, i) => {
        if (b.marker === undefined || b.marker === null) return [];
        const p = at(i, b.marker);
        return [diamond(p.x, p.y, 6, COLOURS.marker, { class: 'marker' }, markerTitle(i))];
      }),
    );

  if (spec.orientation === 'vertical') {
    const frame = layoutFrame(spec.text, legend, { width: spec.width, plotHeight: spec.plotHeight ?? 300, left: yAxisRoom(tickText), right: 24, below: 50 });
    const plot = frame.plot;
    const y = linear(ticks.lo, ticks.hi, plot.bottom, plot.top);
    const band = (plot.right - plot.left) / Math.max(1, n);
    const body = yAxis(plot, ticks.values, y, labels.tick, axisTitle(spec.values.title, labels));
    const shown = thinLabels(spec.categories.labels, band, TYPE.label);
    const xTicks = spec.categories.labels.flatMap((label, i) =>
      shown[i] ? [el('g', { class: 'tick' }, [textEl('text', { x: plot.left + band * (i + 0.5), y: plot.bottom + 19, 'text-anchor': 'middle' }, label)])] : [],
    );
    body.push(el('g', { class: 'axis x', fill: COLOURS.text }, [el('line', { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: COLOURS.axis }), ...xTicks, axisTitleX(plot, spec.categories.title)]));
    const bars = spec.bars.flatMap((b, i) => {
      if (b.value === null) return [];
      const [y0, y1] = [y(zero), y(b.value)].sort((p, q) => p - q) as [number, number];
      return [titled('rect', { class: `bar ${b.tone}`, x: plot.left + band * (i + 0.15), y: y0, width: band * 0.7, height: y1 - y0, fill: TONE_COLOURS[b.tone] }, barTitle(i))];
    });
    body.push(el('g', { class: 'bars' }, bars));
    body.push(zeroLine(plot, y(zero), 'horizontal'));
    if (spec.threshold) body.push(thresholdLine(plot, y(spec.threshold.value), 'horizontal', `threshold ${spec.threshold.label}`));
    if (marked) body.push(markers((i, v) => ({ x: plot.left + band * (i + 0.5), y: y(v) })));
    return frame.render(body);
  }

  // Horizontal: category labels on the left, the value axis along the bottom.
  const catLabels = spec.categories.labels.map((l) => fitText(l, TYPE.label, CATEGORY_LABEL_MAX));
  const left = 16 + 22 + Math.max(0, ...catLabels.map((l) => textWidth(l, TYPE.label))) + 12;
  const bandHeight = 24;
  const frame = layoutFrame(spec.text, legend, { width: spec.width, plotHeight: spec.plotHeight ?? Math.max(120, n * bandHeight, textWidth(spec.categories.title, TYPE.label) + 16), left, right: 32, below: 50 });
  const plot = frame.plot;
  const x = linear(ticks.lo, ticks.hi, plot.left, plot.right);
  const band = (plot.bottom - plot.top) / Math.max(1, n);
  const grid = ticks.values.map((v) => el('line', { x1: x(v), y1: plot.top, x2: x(v), y2: plot.bottom, stroke: COLOURS.grid }));
  const body: string[] = [el('g', { class: 'grid x' }, grid)];
  const shown = thinLabels(tickText, x(ticks.values[1] ?? ticks.hi) - x(ticks.values[0]!), TYPE.label);
  const xTicks = ticks.values.flatMap((v, i) =>
    shown[i]
      ? [el('g', { class: 'tick' }, [el('line', { x1: x(v), y1: plot.bottom, x2: x(v), y2: plot.bottom + 5, stroke: COLOURS.axis }), textEl('text', { x: x(v), y: plot.bottom + 19, 'text-anchor': 'middle' }, tickText[i]!)])]
      : [],
  );
  body.push(el('g', { class: 'axis x', fill: COLOURS.text }, [el('line', { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: COLOURS.axis }), ...xTicks, axisTitleX(plot, axisTitle(spec.values.title, labels))]));
  // Labels stacked down the side need a line each: with thinner bands, every k-th one.
  const stride = Math.max(1, Math.ceil((TYPE.label + 2) / band));
  const yTicks = catLabels.flatMap((label, i) =>
    i % stride === 0 ? [el('g', { class: 'tick' }, [textEl('text', { x: plot.left - 8, y: plot.top + band * (i + 0.5) + 4, 'text-anchor': 'end' }, label)])] : [],
  );
  body.push(el('g', { class: 'axis y', fill: COLOURS.text }, [...yTicks, axisTitleY(plot, spec.categories.title)]));
  const bars = spec.bars.flatMap((b, i) => {
    if (b.value === null) return [];
    const [x0, x1] = [x(zero), x(b.value)].sort((p, q) => p - q) as [number, number];
    return [titled('rect', { class: `bar ${b.tone}`, x: x0, y: plot.top + band * (i + 0.15), width: x1 - x0, height: band * 0.7, fill: TONE_COLOURS[b.tone] }, barTitle(i))];
  });
  body.push(el('g', { class: 'bars' }, bars));
  body.push(zeroLine(plot, x(zero), 'vertical'));
  if (spec.threshold) body.push(thresholdLine(plot, x(spec.threshold.value), 'vertical', `threshold ${spec.threshold.label}`));
  if (marked) body.push(markers((i, v) => ({ x: x(v), y: plot.top + band * (i + 0.5) })));
  return frame.render(body);
}

/** The line bars grow from. */
function zeroLine(plot: Box, at: number, orientation: 'horizontal' | 'vertical'): string {
  return orientation === 'horizontal'
    ? el('line', { class: 'zero', x1: plot.left, y1: at, x2: plot.right, y2: at, stroke: COLOURS.text, 'stroke-width': 1 })
    : el('line', { class: 'zero', x1: at, y1: plot.top, x2: at, y2: plot.bottom, stroke: COLOURS.text, 'stroke-width': 1 });
}
