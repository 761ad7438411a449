// A line chart as SVG: one or more series over labelled points (years, months) against a
// threshold. Each point is marked by its side of the threshold, filled at or above and hollow
// below, as ● and ○ in the text chart; one series takes the green and red of the tables, several
// take a colour each. A missing value (null) breaks its line.
import { Decimal } from '../../core/decimal.js';
import { type ChartText, type LegendItem, axisTitleX, layoutFrame, thinLabels, thresholdLine, yAxis, yAxisRoom } from './frame.js';
import { type ValueFormat, axisLabels, axisTitle, linear, niceTicks } from './scale.js';
import { COLOURS, SERIES_COLOURS, TYPE } from './theme.js';
import { el, num, textEl, titled } from './xml.js';

export interface LineSeries {
  name: string;
  /** One per x label; null where the value is not known. */
  values: readonly (Decimal | null)[];
  /** Where each value may lie (the rounding of the stated figures), drawn as a whisker. */
  ranges?: readonly ({ low: Decimal; high: Decimal } | null | undefined)[] | undefined;
}

export interface Threshold {
  value: Decimal;
  /** How the line is named in its label and the legend: "$1T". */
  label: string;
}

export interface LineChartSpec {
  text: ChartText;
  x: { title: string; labels: readonly string[] };
  y: { title: string; format: ValueFormat };
  series: readonly LineSeries[];
  threshold?: Threshold | undefined;
  /** The words for the two sides of the threshold in the legend (default "at or above $1T", "below $1T"). */
  sides?: { above: string; below: string } | undefined;
  width?: number | undefined;
  plotHeight?: number | undefined;
}

const RADIUS = 5;

export function svgLineChart(spec: LineChartSpec): string {
  const n = spec.x.labels.length;
  const t = spec.threshold;
  const known = spec.series.flatMap((s) => [
    ...s.values.filter((v): v is Decimal => v !== null),
    ...(s.ranges ?? []).flatMap((r) => (r ? [r.low, r.high] : [])),
  ]);
  const all = t ? [...known, t.value] : known;
  if (all.length === 0) all.push(new Decimal(0));
  const lo = all.reduce((m, v) => (v.lt(m) ? v : m), all[0]!);
  const hi = all.reduce((m, v) => (v.gt(m) ? v : m), all[0]!);
  // A twentieth of the span beyond the extremes, so no point and no threshold sits on the plot's
  // edge; but an axis of positive values does not go below zero for it (nor a negative one above).
  const pad = hi.minus(lo).div(20);
  const zero = new Decimal(0);
  const low = lo.gt(0) ? Decimal.max(zero, lo.minus(pad)) : lo.minus(pad);
  const high = hi.lt(0) ? Decimal.min(zero, hi.plus(pad)) : hi.plus(pad);
  const ticks = niceTicks(low, high);
  const labels = axisLabels(spec.y.format, ticks);
  const tickText = ticks.values.map(labels.tick);
  const single = spec.series.length === 1;
  const colourOf = (s: number) => (single ? COLOURS.line : SERIES_COLOURS[s % SERIES_COLOURS.length]!);
  const sides = spec.sides ?? (t ? { above: `at or above ${t.label}`, below: `below ${t.label}` } : undefined);

  const legend: LegendItem[] = spec.series.map((s, i) => ({ symbol: 'line', colour: colourOf(i), label: s.name }));
  if (t && sides) {
    legend.push(
      { symbol: 'filled', colour: single ? COLOURS.above : COLOURS.line, label: sides.above },
      { symbol: 'hollow', colour: single ? COLOURS.below : COLOURS.line, label: sides.below },
      { symbol: 'threshold', colour: COLOURS.threshold, label: `threshold ${t.label}` },
    );
  }
  const frame = layoutFrame(spec.text, legend, { width: spec.width, plotHeight: spec.plotHeight ?? 300, left: yAxisRoom(tickText), right: 24, below: 50 });
  const plot = frame.plot;
  const y = linear(ticks.lo, ticks.hi, plot.bottom, plot.top);
  // Points sit inside the plot, clear of its edges, evenly spaced.
  const inset = Math.min(28, (plot.right - plot.left) / (2 * Math.max(1, n)));
  const x = (i: number) => (n === 1 ? (plot.left + plot.right) / 2 : plot.left + inset + (i * (plot.right - plot.left - 2 * inset)) / (n - 1));

  // Markers shrink when years crowd together (a century of them), so neighbours stay apart.
  const radius = n > 1 ? Math.max(2, Math.min(RADIUS, (x(1) - x(0)) / 2.5)) : RADIUS;

  const body: string[] = yAxis(plot, ticks.values, y, labels.tick, axisTitle(spec.y.title, labels));

  // The x axis: its line, a tick and label under each point that has room.
  const shown = thinLabels(spec.x.labels, n > 1 ? x(1) - x(0) : plot.right - plot.left, TYPE.label);
  const xTicks = spec.x.labels.flatMap((label, i) =>
    shown[i]
      ? [el('g', { class: 'tick' }, [el('line', { x1: x(i), y1: plot.bottom, x2: x(i), y2: plot.bottom + 5, stroke: COLOURS.axis }), textEl('text', { x: x(i), y: plot.bottom + 19, 'text-anchor': 'middle' }, label)])]
      : [],
  );
  body.push(el('g', { class: 'axis x', fill: COLOURS.text }, [el('line', { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: COLOURS.axis }), ...xTicks, axisTitleX(plot, spec.x.title)]));

  // Whiskers first, then the lines, the threshold over them, the points on top.
  spec.series.forEach((s, si) => {
    const whiskers = (s.ranges ?? []).flatMap((r, i) => {
      if (!r) return [];
      const cap = (v: Decimal) => el('line', { x1: x(i) - 4, y1: y(v), x2: x(i) + 4, y2: y(v) });
      return [el('g', { class: 'range' }, [el('line', { x1: x(i), y1: y(r.low), x2: x(i), y2: y(r.high) }), cap(r.low), cap(r.high)])];
    });
    if (whiskers.length > 0) body.push(el('g', { class: 'ranges', stroke: colourOf(si), 'stroke-width': 1.5, opacity: 0.6 }, whiskers));
  });
  spec.series.forEach((s, si) => {
    // A null breaks the line: each run of known values is its own polyline.
    const runs: string[][] = [];
    let run: string[] = [];
    s.values.forEach((v, i) => {
      if (v === null) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else run.push(`${num(x(i))},${num(y(v))}`);
    });
    if (run.length > 0) runs.push(run);
    for (const r of runs) {
      body.push(el('polyline', { class: 'series', 'data-series': s.name, points: r.join(' '), fill: 'none', stroke: colourOf(si), 'stroke-width': 2.5, 'stroke-linejoin': 'round' }));
    }
  });
  if (t) body.push(thresholdLine(plot, y(t.value), 'horizontal', `threshold ${t.label}`));
  spec.series.forEach((s, si) => {
    const points = s.values.flatMap((v, i) => {
      if (v === null) return [];
      const side = t ? (v.gte(t.value) ? 'above' : 'below') : null;
      const colour = single && side ? (side === 'above' ? COLOURS.above : COLOURS.below) : colourOf(si);
      const title = `${single ? '' : `${s.name}, `}${spec.x.labels[i]}: ${labels.value(v)}${side && sides ? ` (${side === 'above' ? sides.above : sides.below})` : ''}`;
      return [titled('circle', { class: side ? `point ${side}` : 'point', cx: x(i), cy: y(v), r: radius, fill: side === 'below' ? COLOURS.background : colour, stroke: colour, 'stroke-width': radius < RADIUS ? 1.5 : 2 }, title)];
    });
    body.push(el('g', { class: 'points', 'data-series': s.name }, points));
  });
  return frame.render(body);
}
