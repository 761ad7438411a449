// A histogram as SVG: bins along a continuous value axis (money), their counts up the other, each
// bar coloured by its side of a threshold (above, below, or cut by it), and the threshold as a
// vertical line. The value axis always reaches the threshold, so the line is always drawn.
import { Decimal } from '../../core/decimal.js';
import { type ChartText, type LegendItem, axisTitleX, layoutFrame, thinLabels, thresholdLine, yAxis, yAxisRoom } from './frame.js';
import type { Threshold } from './line-chart.js';
import { type ValueFormat, axisLabels, axisTitle, linear, niceTicks } from './scale.js';
import { COLOURS, TONE_COLOURS, TYPE, type Tone } from './theme.js';
import { el, textEl, titled } from './xml.js';

export interface HistogramBin {
  low: Decimal;
  high: Decimal;
  count: number;
  tone: Tone;
}

export interface HistogramSpec {
  text: ChartText;
  x: { title: string; format: ValueFormat };
  y: { title: string; format: ValueFormat };
  /** Adjacent bins, ascending. */
  bins: readonly HistogramBin[];
  threshold?: Threshold | undefined;
  /** What each tone used means. */
  legend: readonly { tone: Tone; label: string }[];
  /** A bar's tooltip: "$1.25T to $1.30T: 1,234 runs (6.2%)". */
  barTitle?: ((bin: HistogramBin) => string) | undefined;
  width?: number | undefined;
  plotHeight?: number | undefined;
}

export function svgHistogram(spec: HistogramSpec): string {
  const bins = spec.bins;
  const t = spec.threshold;
  let lo = bins.length > 0 ? bins[0]!.low : (t?.value ?? new Decimal(0));
  let hi = bins.length > 0 ? bins[bins.length - 1]!.high : lo;
  if (t && t.value.lt(lo)) lo = t.value;
  if (t && t.value.gt(hi)) hi = t.value;
  const xTicks = niceTicks(lo, hi, { target: 6 });
  const xLabels = axisLabels(spec.x.format, xTicks);
  const peak = bins.reduce((m, b) => Math.max(m, b.count), 0);
  const yTicks = niceTicks(new Decimal(0), new Decimal(Math.max(peak, 1)), { whole: true });
  const yLabels = axisLabels(spec.y.format, yTicks);

  const legend: LegendItem[] = spec.legend.map((l) => ({ symbol: 'swatch', colour: TONE_COLOURS[l.tone], label: l.label }));
  if (t) legend.push({ symbol: 'threshold', colour: COLOURS.threshold, label: `threshold ${t.label}` });
  const frame = layoutFrame(spec.text, legend, { width: spec.width, plotHeight: spec.plotHeight ?? 300, left: yAxisRoom(yTicks.values.map(yLabels.tick)), right: 24, below: 50 });
  const plot = frame.plot;
  const x = linear(xTicks.lo, xTicks.hi, plot.left, plot.right);
  const y = linear(yTicks.lo, yTicks.hi, plot.bottom, plot.top);

  const body = yAxis(plot, yTicks.values, y, yLabels.tick, axisTitle(spec.y.title, yLabels));
  const tickText = xTicks.values.map(xLabels.tick);
  const shown = thinLabels(tickText, x(xTicks.values[1] ?? xTicks.hi) - x(xTicks.values[0]!), TYPE.label);
  const xTickEls = xTicks.values.flatMap((v, i) =>
    shown[i]
      ? [el('g', { class: 'tick' }, [el('line', { x1: x(v), y1: plot.bottom, x2: x(v), y2: plot.bottom + 5, stroke: COLOURS.axis }), textEl('text', { x: x(v), y: plot.bottom + 19, 'text-anchor': 'middle' }, tickText[i]!)])]
      : [],
  );
  body.push(el('g', { class: 'axis x', fill: COLOURS.text }, [el('line', { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: COLOURS.axis }), ...xTickEls, axisTitleX(plot, axisTitle(spec.x.title, xLabels))]));

  const bars = bins.flatMap((b) => {
    if (b.count === 0) return [];
    let x0 = x(b.low);
    let x1 = x(b.high);
    // A bin with no width (every run gave the same balance) is still seen: a narrow bar on its value.
    if (x1 - x0 < 3) [x0, x1] = [(x0 + x1) / 2 - 1.5, (x0 + x1) / 2 + 1.5];
    // A hairline of white between neighbouring bars, where they are wide enough to spare it.
    const gap = x1 - x0 > 4 ? 0.5 : 0;
    const top = y(new Decimal(b.count));
    return [titled('rect', { class: `bar ${b.tone}`, x: x0 + gap, y: top, width: x1 - x0 - 2 * gap, height: plot.bottom - top, fill: TONE_COLOURS[b.tone] }, spec.barTitle?.(b))];
  });
  body.push(el('g', { class: 'bars' }, bars));
  if (t) body.push(thresholdLine(plot, x(t.value), 'vertical', `threshold ${t.label}`));
  return frame.render(body);
}
