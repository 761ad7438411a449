// The charts as SVG pictures (--format svg, --output chart.svg), checked two ways against the
// command's own JSON document:
//   - read back: the SVG is parsed as strict XML, its axes read from their tick labels and
//     positions (the unit from the axis title), and every point, bar, cell and line is where that
//     printed scale puts the document's numbers;
//   - rendered: resvg draws it to pixels, and the colour where the threshold line, each bar and
//     each point must be is the colour of what must be there; the background is white elsewhere.
// Also: escaping of text from the data, no scripts and no external references, and the usage
// errors (a command without a chart, contradictory options), all before any file is read.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/reports/registry.js';
import { COLOURS, SERIES_COLOURS, THRESHOLD_DASH } from '../../src/render/svg/theme.js';
import { cli, expectUsageError } from '../helpers.js';
import { type Axis, type Picture, ZOOM, categoryPosition, expectColour, parseXml, readAxis, render, unitFactorOf } from '../svg/chart.js';
import { type XmlElement, byClass, elements, numAttr, one, textOf, tooltipOf } from '../svg/xml.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-svg-'));

// biome-ignore lint: documents are read as plain JSON here.
type Json = any;

interface Chart {
  text: string;
  svg: XmlElement;
  doc: Json;
  picture: Picture;
}

/** The SVG of a command and its JSON document, from the same options. */
async function chart(argv: string[]): Promise<Chart> {
  const svg = await cli([...argv, '--format', 'svg']);
  expect(svg.stderr).toBe('');
  expect(svg.code).toBe(0);
  const json = await cli([...argv, '--json']);
  expect(json.code).toBe(0);
  return { text: svg.stdout, svg: parseXml(svg.stdout), doc: JSON.parse(json.stdout), picture: render(svg.stdout) };
}

const close = (actual: number, expected: number, what: string, tolerance = 0.05) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} against ${expected}`).toBeLessThanOrEqual(tolerance);

/** The plot's box, from the axis lines the frame draws along its left and bottom edges. */
function plotBox(svg: XmlElement): { left: number; top: number; right: number; bottom: number } {
  const x = one(svg, 'axis', 'x').children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'line');
  const y = one(svg, 'axis', 'y').children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'line');
  if (x && y) return { left: numAttr(y, 'x1'), top: numAttr(y, 'y1'), right: numAttr(x, 'x2'), bottom: numAttr(x, 'y1') };
  // The heat map has no axis lines: its cells are the plot.
  const cells = byClass(svg, 'cell');
  return {
    left: Math.min(...cells.map((c) => numAttr(c, 'x'))),
    top: Math.min(...cells.map((c) => numAttr(c, 'y'))),
    right: Math.max(...cells.map((c) => numAttr(c, 'x') + numAttr(c, 'width'))),
    bottom: Math.max(...cells.map((c) => numAttr(c, 'y') + numAttr(c, 'height'))),
  };
}

/** Every document-level promise of a picture: a standalone, well-formed SVG with no way out. */
function expectSelfContained(text: string, svg: XmlElement): void {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  expect(svg.name).toBe('svg');
  expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  const { width, height } = svg.attrs;
  expect(svg.attrs.viewBox).toBe(`0 0 ${width} ${height}`);
  expect(Number(width)).toBeGreaterThan(0);
  expect(Number(height)).toBeGreaterThan(0);
  // Nothing to run and nothing to fetch: no script, no foreign object, no link or href, no url(),
  // and no "http" anywhere but the namespace name (which is a name, not a reference).
  const names = new Set(elements(svg).map((e) => e.name));
  for (const bad of ['script', 'foreignObject', 'a', 'image', 'use', 'style', 'link']) expect(names.has(bad), bad).toBe(false);
  for (const e of elements(svg)) {
    for (const [k, v] of Object.entries(e.attrs)) {
      expect(k.toLowerCase().includes('href') || k.toLowerCase().startsWith('on'), `${e.name} ${k}`).toBe(false);
      expect(/url\(/i.test(v), `${e.name} ${k}=${v}`).toBe(false);
    }
  }
  expect(/http/i.test(text.replace('xmlns="http://www.w3.org/2000/svg"', ''))).toBe(false);
  expect(/<script/i.test(text)).toBe(false);
  // A generic font stack: no web font to fetch.
  expect(svg.attrs['font-family']).toMatch(/sans-serif$/);
  expect(text).not.toMatch(/@font-face|@import/);
}

/** Samples along a dashed line at the middle of each dash, skipping points near `avoid`. */
function dashCentres(line: XmlElement, avoid: { x: number; y: number }[] = []): { x: number; y: number }[] {
  const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((k) => numAttr(line, k)) as [number, number, number, number];
  const dash = line.attrs['stroke-dasharray']!.split(' ').map(Number) as [number, number];
  expect(dash).toEqual([...THRESHOLD_DASH]);
  const length = Math.hypot(x2 - x1, y2 - y1);
  const out: { x: number; y: number }[] = [];
  for (let s = dash[0] / 2; s < length - dash[0] / 2; s += dash[0] + dash[1]) {
    const p = { x: x1 + ((x2 - x1) * s) / length, y: y1 + ((y2 - y1) * s) / length };
    if (avoid.every((a) => Math.hypot(a.x - p.x, a.y - p.y) > 9)) out.push(p);
  }
  return out;
}

function expectThresholdDrawn(c: Chart, line: XmlElement, avoid: { x: number; y: number }[] = []): void {
  const samples = dashCentres(line, avoid);
  expect(samples.length).toBeGreaterThan(3);
  for (const p of samples) expectColour(c.picture, p.x, p.y, COLOURS.threshold, 'the threshold line');
}

/** White (or a faint grid line): nothing of the chart is drawn there. */
function expectBackground(picture: Picture, x: number, y: number, what: string): void {
  const [r, g, b, a] = picture.at(x, y);
  expect(a, what).toBe(255);
  expect(Math.min(r, g, b), `${what} at (${x}, ${y}): ${r},${g},${b}`).toBeGreaterThanOrEqual(0xe0);
}

describe('project --format svg', () => {
  /** Years and balances of a projection: the base year, then the path. */
  const pointsOf = (doc: Json) => [
    { year: doc.assumptions.baseYear, balance: doc.base.balance, above: doc.base.balance >= doc.assumptions.threshold, range: doc.base.ranges?.balance },
    ...doc.path.map((p: Json) => ({ year: p.year, balance: p.balance, above: p.aboveThreshold, range: p.ranges?.balance })),
  ];

  function checkProjection(c: Chart): { x: Axis; y: Axis } {
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const y = readAxis(svg, 'y');
    const x = readAxis(svg, 'x', false);
    // Units: the dataset's currency, in the unit of the largest tick.
    expect(y.title).toMatch(/^Trade balance \(\$ (trillions|billions)\)$/);
    expect(x.title).toBe('Year');
    // Tick values are ascending up the axis, and the scale covers every balance and the threshold.
    for (let i = 1; i < y.ticks.length; i++) expect(y.ticks[i]!.value).toBeGreaterThan(y.ticks[i - 1]!.value);
    const values = [...pointsOf(doc).map((p) => p.balance), doc.assumptions.threshold];
    expect(y.ticks[0]!.value).toBeLessThanOrEqual(Math.min(...values));
    expect(y.ticks[y.ticks.length - 1]!.value).toBeGreaterThanOrEqual(Math.max(...values));
    // The first and last years are always labelled.
    const points = pointsOf(doc);
    expect(x.ticks[0]!.label).toBe(String(points[0]!.year));
    expect(x.ticks[x.ticks.length - 1]!.label).toBe(String(points[points.length - 1]!.year));
    const xOf = categoryPosition(x);

    // The threshold line, where the axis puts the threshold.
    const line = one(svg, 'threshold');
    close(numAttr(line, 'y1'), y.position(doc.assumptions.threshold), 'threshold y');
    close(numAttr(line, 'y2'), y.position(doc.assumptions.threshold), 'threshold y');
    const box = plotBox(svg);
    close(numAttr(line, 'x1'), box.left, 'threshold from the left edge');
    close(numAttr(line, 'x2'), box.right, 'threshold to the right edge');

    // Each point, where the axes put its year and balance, marked by its side of the threshold.
    const circles = byClass(svg, 'point');
    expect(circles).toHaveLength(points.length);
    points.forEach((p, i) => {
      const circle = circles[i]!;
      close(numAttr(circle, 'cx'), xOf(String(p.year)), `x of ${p.year}`);
      close(numAttr(circle, 'cy'), y.position(p.balance), `y of ${p.year}`);
      expect(circle.attrs.class).toBe(p.above ? 'point above' : 'point below');
      expect(tooltipOf(circle)!.startsWith(`${p.year}: `)).toBe(true);
    });
    // The line through them.
    const polyline = one(svg, 'series');
    const coords = polyline.attrs.points!.split(' ').map((xy) => xy.split(',').map(Number) as [number, number]);
    expect(coords).toHaveLength(points.length);
    coords.forEach(([px, py], i) => {
      close(px, xOf(String(points[i]!.year)), 'line x');
      close(py, y.position(points[i]!.balance), 'line y');
    });

    // Pixels: a filled green disc at or above, a white centre in a red ring below.
    for (const circle of circles) {
      const cx = numAttr(circle, 'cx');
      const cy = numAttr(circle, 'cy');
      if (circle.attrs.class === 'point above') expectColour(c.picture, cx, cy, COLOURS.above, 'a point at or above');
      else {
        expectColour(c.picture, cx, cy, COLOURS.background, 'the centre of a point below');
        expectColour(c.picture, cx + 5, cy, COLOURS.below, 'the ring of a point below');
      }
    }
    expectThresholdDrawn(c, line, circles.map((e) => ({ x: numAttr(e, 'cx'), y: numAttr(e, 'cy') })));
    // Background: just inside the plot's left edge (points are inset), between two grid lines,
    // clear of the threshold.
    const between = y.ticks.slice(1).map((t, i) => (t.at + y.ticks[i]!.at) / 2).find((yy) => Math.abs(yy - numAttr(line, 'y1')) > 8)!;
    expectBackground(c.picture, box.left + 3, between, 'inside the plot');
    return { x, y };
  }

  it('the article, one year: the point, the threshold and the axes agree with the document', async () => {
    const c = await chart(['project', '--growth', '3']);
    checkProjection(c);
    // Title and provenance: the dataset's title, publisher and date; the assumptions; the verdict.
    expect(textOf(one(c.svg, 'title'))).toBe('Trade balance against $1T, 2025–2026');
    const subtitle = byClass(c.svg, 'subtitle').map(textOf).join(' ');
    expect(subtitle).toContain("China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14)");
    expect(subtitle).toContain('Export growth +3.00% a year');
    const notes = elements(one(c.svg, 'notes')).filter((e) => e.name === 'text').map(textOf);
    expect(notes[0]).toBe(c.doc.verdict.text);
    expect(notes).toContain('Source: China customs data, released 2026-01-14; USD.');
    const legend = elements(one(c.svg, 'legend')).filter((e) => e.name === 'text').map(textOf);
    expect(legend).toEqual(['Trade balance, 2025 then projected', 'at or above $1T', 'below $1T', 'threshold $1T']);
    // The accessible name and description.
    const title = c.svg.children.find((e): e is XmlElement => typeof e !== 'string' && e.name === 'title')!;
    expect(textOf(title)).toBe('Trade balance against $1T, 2025–2026');
    expect(c.svg.attrs['aria-labelledby']).toBe('chart-title chart-desc');
  });

  it('ten years that cross the threshold: points above and below, each where it must be', async () => {
    const c = await chart(['project', '--years', '10', '--growth', '3', '--import-growth', '6']);
    checkProjection(c);
    const classes = byClass(c.svg, 'point').map((e) => e.attrs.class);
    expect(classes.filter((k) => k === 'point above').length).toBeGreaterThan(0);
    expect(classes.filter((k) => k === 'point below').length).toBeGreaterThan(0);
  });

  it('a deficit against a negative threshold, in billions with --unit B', async () => {
    const c = await chart(['project', '--data', `${fixtures}deficit.json`, '--years', '3', '--threshold', '-1.01T', '--unit', 'B']);
    const { y } = checkProjection(c);
    expect(y.title).toBe('Trade balance ($ billions)');
    expect(y.ticks.every((t) => t.value < 0 && /^-[\d,]+$/.test(t.label))).toBe(true);
    expect(c.doc.assumptions.threshold).toBe(-1.01e12);
  });

  it('a surplus that turns into a deficit: the zero line is drawn where the axis puts zero', async () => {
    const c = await chart(['project', '--growth', '-40', '--threshold', '-500B']);
    const { y } = checkProjection(c);
    const zero = one(c.svg, 'zero');
    close(numAttr(zero, 'y1'), y.position(0), 'the zero line');
    expect(c.doc.path[0].balance).toBeLessThan(0);
    expect(c.doc.base.balance).toBeGreaterThan(0);
  });

  it('a century: markers shrink so neighbours stay apart, labels thin out, first and last kept', async () => {
    const c = await chart(['project', '--years', '100', '--growth', '3']);
    const circles = byClass(c.svg, 'point');
    expect(circles).toHaveLength(101);
    const gap = numAttr(circles[1]!, 'cx') - numAttr(circles[0]!, 'cx');
    expect(2 * numAttr(circles[0]!, 'r')).toBeLessThan(gap);
    const x = readAxis(c.svg, 'x', false);
    expect(x.ticks.length).toBeLessThan(30);
    expect([x.ticks[0]!.label, x.ticks[x.ticks.length - 1]!.label]).toEqual(['2025', '2125']);
    // An axis of positive balances starts at zero, not below it.
    expect(readAxis(c.svg, 'y').ticks[0]!.value).toBe(0);
  });

  it('--ranges draws each balance range as a whisker from its low to its high end', async () => {
    const c = await chart(['project', '--ranges', '--years', '2']);
    const { y } = checkProjection(c);
    const whiskers = byClass(c.svg, 'range');
    const points = pointsOf(c.doc);
    expect(whiskers).toHaveLength(points.length);
    whiskers.forEach((w, i) => {
      const stem = w.children.find((e): e is XmlElement => typeof e !== 'string' && e.name === 'line')!;
      close(numAttr(stem, 'y1'), y.position(points[i]!.range.low), 'range low');
      close(numAttr(stem, 'y2'), y.position(points[i]!.range.high), 'range high');
    });
  });

  it('--chart goes with svg (the picture is the chart); --no-chart does not', async () => {
    const a = await cli(['project', '--chart', '--format', 'svg']);
    const b = await cli(['project', '--format', 'svg']);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(a.stdout).toBe(b.stdout);
    await expectUsageError(['project', '--no-chart', '--format', 'svg', '--data', '/nonexistent/trade.csv'], 'tradecalc: --no-chart leaves out the chart, and an SVG is the chart');
  });
});

describe('simulate --format svg', () => {
  it('the histogram of the horizon year: each bar where its bin and count put it, coloured by its side of the threshold', async () => {
    const c = await chart(['simulate', '--runs', '20000', '--growth', '0', '--growth-sd', '4', '--import-growth-sd', '0']);
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const x = readAxis(svg, 'x');
    const y = readAxis(svg, 'y');
    expect(x.title).toBe('Trade balance in 2026 ($ trillions)');
    expect(y.title).toBe('Runs (of 20,000)');
    expect(y.ticks[0]!.value).toBe(0);
    const t = doc.assumptions.threshold;
    const { min, max, binCounts } = doc.histogram;
    const n = binCounts.length;
    const bins = binCounts.map((count: number, k: number) => ({ low: min + ((max - min) * k) / n, high: k + 1 === n ? max : min + ((max - min) * (k + 1)) / n, count }));
    const drawn = bins.filter((b: Json) => b.count > 0);
    const bars = byClass(svg, 'bar');
    expect(bars).toHaveLength(drawn.length);
    const box = plotBox(svg);
    drawn.forEach((b: Json, i: number) => {
      const bar = bars[i]!;
      const left = numAttr(bar, 'x');
      const right = left + numAttr(bar, 'width');
      // Bars are drawn with a hairline gap of half a unit on each side.
      expect(left).toBeGreaterThanOrEqual(x.position(b.low) - 0.05);
      expect(left).toBeLessThanOrEqual(x.position(b.low) + 0.55);
      expect(right).toBeLessThanOrEqual(x.position(b.high) + 0.05);
      expect(right).toBeGreaterThanOrEqual(x.position(b.high) - 0.55);
      close(numAttr(bar, 'y'), y.position(b.count), 'bar top');
      close(numAttr(bar, 'y') + numAttr(bar, 'height'), y.position(0), 'bar bottom');
      close(y.position(0), box.bottom, 'the count axis starts at the plot bottom');
      const tone = b.low >= t ? 'above' : b.high < t ? 'below' : 'spans';
      expect(bar.attrs.class).toBe(`bar ${tone}`);
      expect(tooltipOf(bar)).toMatch(/ runs \(\d+\.\d%\)$/);
    });
    // Every run is in a bin.
    expect(bins.reduce((s: number, b: Json) => s + b.count, 0)).toBe(doc.assumptions.runCount);
    const tones = new Set(bars.map((b) => b.attrs.class));
    expect(tones).toEqual(new Set(['bar above', 'bar below', 'bar spans']));

    const line = one(svg, 'threshold');
    close(numAttr(line, 'x1'), x.position(t), 'threshold x');
    close(numAttr(line, 'x2'), x.position(t), 'threshold x');
    close(numAttr(line, 'y1'), box.top, 'threshold from the top');
    close(numAttr(line, 'y2'), box.bottom, 'threshold to the bottom');

    // Pixels: inside each bar tall and wide enough to sample, its colour (away from the threshold line).
    const colour = { 'bar above': COLOURS.above, 'bar below': COLOURS.below, 'bar spans': COLOURS.spans } as Record<string, string>;
    let sampled = 0;
    for (const bar of bars) {
      const left = numAttr(bar, 'x');
      const w = numAttr(bar, 'width');
      const top = numAttr(bar, 'y');
      const h = numAttr(bar, 'height');
      if (w < 3 || h < 3) continue;
      const xs = [left + w / 4, left + w / 2, left + (3 * w) / 4].filter((xx) => Math.abs(xx - x.position(t)) > 3);
      for (const xx of xs) expectColour(c.picture, xx, top + h / 2, colour[bar.attrs.class!]!, bar.attrs.class!);
      sampled++;
    }
    expect(sampled).toBeGreaterThan(10);
    expectThresholdDrawn(c, line);
    // Above the bars on the far left (the tail has few runs), nothing but background.
    const tail = bars[0]!;
    expectBackground(c.picture, numAttr(tail, 'x') + numAttr(tail, 'width') / 2, box.top + (numAttr(tail, 'y') - box.top) / 2 + 0.5, 'above the tail');
  });

  it('no uncertainty, one balance: its bar is still seen, on that balance', async () => {
    const c = await chart(['simulate', '--runs', '100', '--growth-sd', '0', '--import-growth-sd', '0']);
    expect(c.doc.histogram.min).toBe(c.doc.histogram.max);
    const x = readAxis(c.svg, 'x');
    const bars = byClass(c.svg, 'bar');
    expect(bars).toHaveLength(1);
    const bar = bars[0]!;
    close(numAttr(bar, 'x') + numAttr(bar, 'width') / 2, x.position(c.doc.histogram.min), 'the bar on the balance');
    expect(numAttr(bar, 'width')).toBeGreaterThanOrEqual(2);
    expect(bar.attrs.class).toBe('bar above');
    expectColour(c.picture, numAttr(bar, 'x') + numAttr(bar, 'width') / 2, numAttr(bar, 'y') + 10, COLOURS.above, 'the one bar');
  });

  it('a threshold outside the simulated range still has its line: the axis reaches it', async () => {
    const c = await chart(['simulate', '--runs', '2000', '--threshold', '0', '--growth-sd', '1', '--import-growth-sd', '1']);
    const x = readAxis(c.svg, 'x');
    const line = one(c.svg, 'threshold');
    close(numAttr(line, 'x1'), x.position(0), 'threshold x at zero');
    expect(x.ticks[0]!.value).toBeLessThanOrEqual(0);
    expect(byClass(c.svg, 'bar').every((b) => b.attrs.class === 'bar above')).toBe(true);
    expectThresholdDrawn(c, line);
  });
});

describe('scenarios --format svg', () => {
  it('the grid as a heat map: cells in the document order, coloured and valued as the document says, the break-even line through the crossings', async () => {
    const c = await chart(['scenarios']);
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const cols = readAxis(svg, 'x', false);
    const rows = readAxis(svg, 'y', false);
    expect(cols.title).toBe('Export growth a year');
    expect(rows.title).toBe('Import growth a year');
    // Every column and row labelled with its rate, in the document's order.
    expect(cols.ticks.map((t) => Number(t.label.replace('%', '')))).toEqual(doc.exportAxis.map((a: Json) => a.exportGrowthPct));
    expect(rows.ticks.map((t) => Number(t.label.replace('%', '')))).toEqual(doc.importAxis.map((a: Json) => a.importGrowthPct));
    // The unit of the values printed on the cells is named in the subtitle.
    const subtitle = byClass(svg, 'subtitle').map(textOf).join(' ');
    expect(subtitle).toContain('Balance in 2026 ($ trillions) after one year of constant growth');
    const factor = unitFactorOf(subtitle.slice(subtitle.indexOf('Balance in')));
    expect(factor).toBe(1e12);

    const cells = byClass(svg, 'cell');
    const values = elements(one(svg, 'cell-values')).filter((e) => e.name === 'text');
    expect(cells).toHaveLength(doc.cellCount);
    expect(values).toHaveLength(doc.cellCount);
    doc.cells.forEach((cell: Json, i: number) => {
      const col = doc.exportAxis.findIndex((a: Json) => a.exportGrowthPct === cell.exportGrowthPct);
      const row = doc.importAxis.findIndex((a: Json) => a.importGrowthPct === cell.importGrowthPct);
      const rect = cells[i]!;
      // The cell is centred on its column's and row's labels.
      close(numAttr(rect, 'x') + numAttr(rect, 'width') / 2, cols.ticks[col]!.at, 'cell centre x');
      close(numAttr(rect, 'y') + numAttr(rect, 'height') / 2, rows.ticks[row]!.at, 'cell centre y');
      expect(rect.attrs.class).toBe(cell.aboveThreshold ? 'cell above' : 'cell below');
      // Its value, printed in the named unit to two decimals.
      close(Number(textOf(values[i]!)) * factor, cell.balance, 'the printed value', 0.005e12);
    });

    // The break-even crossings: each column's at its solved import rate, each row's at its export rate.
    const crossings = byClass(svg, 'crossing').map((e) => ({ x: numAttr(e, 'cx'), y: numAttr(e, 'cy') }));
    const between = (ticks: Axis['ticks'], rates: number[], rate: number) => {
      const k = (rate - rates[0]!) / (rates[1]! - rates[0]!);
      return ticks[0]!.at + k * (ticks[1]!.at - ticks[0]!.at);
    };
    const exportRates = doc.exportAxis.map((a: Json) => a.exportGrowthPct);
    const importRates = doc.importAxis.map((a: Json) => a.importGrowthPct);
    const expected = [
      ...doc.exportAxis.filter((a: Json) => a.breakevenImportGrowthPct !== null).map((a: Json) => ({ x: between(cols.ticks, exportRates, a.exportGrowthPct), y: between(rows.ticks, importRates, a.breakevenImportGrowthPct) })),
      ...doc.importAxis.filter((a: Json) => a.breakevenExportGrowthPct !== null).map((a: Json) => ({ x: between(cols.ticks, exportRates, a.breakevenExportGrowthPct), y: between(rows.ticks, importRates, a.importGrowthPct) })),
    ];
    const box = plotBox(svg);
    const inside = expected.filter((p) => p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom);
    expect(inside.length).toBeGreaterThan(3);
    expect(crossings).toHaveLength(inside.length);
    for (const p of inside) expect(crossings.some((q) => Math.abs(q.x - p.x) < 0.05 && Math.abs(q.y - p.y) < 0.05), `a crossing at (${p.x}, ${p.y})`).toBe(true);
    const boundary = one(svg, 'boundary').attrs.points!.split(' ').map((xy) => xy.split(',').map(Number));
    expect(boundary).toHaveLength(inside.length);

    // Pixels: each cell's colour in a corner clear of its value and of the boundary; the boundary's at each crossing.
    const nearBoundary = (px: number, py: number) =>
      boundary.slice(1).some(([bx, by], i) => {
        const [ax, ay] = boundary[i]! as [number, number];
        const len2 = (bx! - ax) ** 2 + (by! - ay) ** 2;
        const s = Math.max(0, Math.min(1, ((px - ax) * (bx! - ax) + (py - ay) * (by! - ay)) / len2));
        return Math.hypot(px - (ax + s * (bx! - ax)), py - (ay + s * (by! - ay))) < 5;
      });
    for (const rect of cells) {
      const [x0, y0, w, h] = ['x', 'y', 'width', 'height'].map((k) => numAttr(rect, k)) as [number, number, number, number];
      const corners = [[x0 + 3, y0 + 3], [x0 + w - 3, y0 + 3], [x0 + 3, y0 + h - 3], [x0 + w - 3, y0 + h - 3]].filter(([px, py]) => !nearBoundary(px!, py!));
      expect(corners.length).toBeGreaterThan(0);
      for (const [px, py] of corners) expectColour(c.picture, px!, py!, rect.attrs.class === 'cell above' ? COLOURS.aboveFill : COLOURS.belowFill, rect.attrs.class!);
    }
    for (const q of crossings) expectColour(c.picture, q.x, q.y, COLOURS.threshold, 'a break-even crossing');
    // Outside the grid, the background.
    expectBackground(c.picture, box.right + 8, (box.top + box.bottom) / 2, 'right of the grid');
  });

  it('a large grid keeps its cells and colours and leaves out the values that would not fit', async () => {
    const c = await chart(['scenarios', '--growth', '-10:10:0.5', '--import-growth', '-5:15:0.5']);
    expect(byClass(c.svg, 'cell')).toHaveLength(41 * 41);
    expect(byClass(c.svg, 'cell-values')).toHaveLength(0);
    for (const rect of byClass(c.svg, 'cell').filter((_, i) => i % 97 === 0)) {
      const cx = numAttr(rect, 'x') + 1;
      const cy = numAttr(rect, 'y') + 1;
      expectColour(c.picture, cx, cy, rect.attrs.class === 'cell above' ? COLOURS.aboveFill : COLOURS.belowFill, rect.attrs.class!);
      expect(tooltipOf(rect)).toMatch(/^exports [-+]?\d/);
    }
  });

  it('named scenarios: a line each, its points where the axes put the document balances, marked by side', async () => {
    const c = await chart(['scenarios', '--scenario', 'baseline,optimistic,pessimistic', '--years', '3']);
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const y = readAxis(svg, 'y');
    const xOf = categoryPosition(readAxis(svg, 'x', false));
    const lines = byClass(svg, 'series');
    expect(lines.map((l) => l.attrs['data-series'])).toEqual(doc.scenarios.map((s: Json) => s.label));
    const line = one(svg, 'threshold');
    close(numAttr(line, 'y1'), y.position(doc.assumptions.threshold), 'threshold y');
    const groups = byClass(svg, 'points');
    const markers: { x: number; y: number }[] = [];
    doc.scenarios.forEach((s: Json, i: number) => {
      const points = [{ year: doc.assumptions.baseYear, balance: doc.base.balance, above: doc.base.balance >= doc.assumptions.threshold }, ...s.path.map((p: Json) => ({ year: p.year, balance: p.balance, above: p.aboveThreshold }))];
      const coords = lines[i]!.attrs.points!.split(' ').map((xy) => xy.split(',').map(Number) as [number, number]);
      const circles = byClass(groups[i]!, 'point');
      expect(groups[i]!.attrs['data-series']).toBe(s.label);
      points.forEach((p: Json, k: number) => {
        close(coords[k]![0], xOf(String(p.year)), 'x');
        close(coords[k]![1], y.position(p.balance), 'y');
        close(numAttr(circles[k]!, 'cy'), y.position(p.balance), 'marker y');
        expect(circles[k]!.attrs.class).toBe(p.above ? 'point above' : 'point below');
        markers.push({ x: numAttr(circles[k]!, 'cx'), y: numAttr(circles[k]!, 'cy') });
      });
    });
    // The pessimistic scenario falls below $1T in the last year: a hollow marker there.
    expect(doc.scenarios[2].path[2].aboveThreshold).toBe(false);
    // Pixels, where markers do not overlap (the base year is shared by every scenario).
    doc.scenarios.forEach((s: Json, i: number) => {
      const circles = byClass(groups[i]!, 'point').slice(1);
      for (const circle of circles) {
        const cx = numAttr(circle, 'cx');
        const cy = numAttr(circle, 'cy');
        if (markers.some((m) => (m.x !== cx || m.y !== cy) && Math.hypot(m.x - cx, m.y - cy) < 12)) continue;
        if (circle.attrs.class === 'point above') expectColour(c.picture, cx, cy, SERIES_COLOURS[i]!, `${s.label}: a point at or above`);
        else {
          expectColour(c.picture, cx, cy, COLOURS.background, `${s.label}: the centre of a point below`);
          expectColour(c.picture, cx - 5, cy, SERIES_COLOURS[i]!, `${s.label}: the ring of a point below`);
        }
      }
    });
    expectThresholdDrawn(c, line, markers);
  });
});

describe('partners --format svg', () => {
  const data = ['--data', `${fixtures}partners-mirror.csv`, '--reporter', 'Examplia'];
  const drawn = (doc: Json) => doc.rows.filter((r: Json) => r.row === 'partner' || r.row === 'other-partners' || r.row === 'unallocated');
  const labelOf = (r: Json) => (r.row === 'partner' ? r.partner : r.row === 'other-partners' ? `Other partners (${r.partnerCount})` : 'Unallocated');

  /** Each bar from zero to its value on the printed money axis, on its partner's line, in the table's order. */
  function checkPartners(c: Chart, flow: 'balance' | 'exports' | 'imports' | 'total'): { x: Axis; bars: XmlElement[] } {
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const x = readAxis(svg, 'x');
    const value = (r: Json) => ({ balance: r.balance, exports: r.exports, imports: r.imports, total: r.totalTrade })[flow];
    const rows = drawn(doc);
    // Partner labels down the side, in the document's order (--sort, --top).
    const cats = byClass(one(svg, 'axis', 'y'), 'tick').map((g) => {
      const t = elements(g).find((e) => e.name === 'text')!;
      return { label: textOf(t), centre: numAttr(t, 'y') - 4 };
    });
    expect(cats.map((k) => k.label)).toEqual(rows.map(labelOf));
    const bars = byClass(svg, 'bar');
    expect(bars).toHaveLength(rows.length);
    rows.forEach((r: Json, i: number) => {
      const bar = bars[i]!;
      const v = value(r);
      close(numAttr(bar, 'x'), x.position(Math.min(0, v)), `${labelOf(r)}: bar start`);
      close(numAttr(bar, 'x') + numAttr(bar, 'width'), x.position(Math.max(0, v)), `${labelOf(r)}: bar end`);
      close(numAttr(bar, 'y') + numAttr(bar, 'height') / 2, cats[i]!.centre, `${labelOf(r)}: on its label's line`);
      const tone = r.row === 'other-partners' ? 'spans' : r.row === 'unallocated' ? 'rest' : flow !== 'balance' ? 'neutral' : v < 0 ? 'below' : 'above';
      expect(bar.attrs.class).toBe(`bar ${tone}`);
      expect(tooltipOf(bar)!.startsWith(`${labelOf(r)}: `)).toBe(true);
    });
    // The zero axis, where the printed scale puts zero, from the top of the plot to its bottom.
    const zero = one(svg, 'zero');
    close(numAttr(zero, 'x1'), x.position(0), 'the zero line');
    close(numAttr(zero, 'x2'), x.position(0), 'the zero line');

    // Pixels: each bar's colour in its middle; the zero line between the bars.
    const colour: Record<string, string> = { 'bar above': COLOURS.above, 'bar below': COLOURS.below, 'bar neutral': COLOURS.neutral, 'bar spans': COLOURS.spans, 'bar rest': COLOURS.rest };
    for (const bar of bars) {
      const [bx, by, w, h] = ['x', 'y', 'width', 'height'].map((k) => numAttr(bar, k)) as [number, number, number, number];
      for (const f of [0.25, 0.5, 0.75]) expectColour(c.picture, bx + w * f, by + h / 2, colour[bar.attrs.class!]!, bar.attrs.class!);
      // Just beyond the bar's far end, nothing (the bar stops where its value says).
      const end = x.position(0) < bx + w / 2 ? bx + w + 2 : bx - 2;
      if (Math.abs(end - x.position(0)) > 3) expectBackground(c.picture, end, by + h / 2, `past the end of ${tooltipOf(bar)}`);
    }
    for (let i = 1; i < bars.length; i++) {
      const gap = (numAttr(bars[i - 1]!, 'y') + numAttr(bars[i - 1]!, 'height') + numAttr(bars[i]!, 'y')) / 2;
      expectColour(c.picture, x.position(0), gap, COLOURS.text, 'the zero line between two bars');
    }
    return { x, bars };
  }

  it('balances: deficits left of zero, surpluses right, each bar where its balance says; title and provenance', async () => {
    const c = await chart(['partners', ...data]);
    const { x, bars } = checkPartners(c, 'balance');
    expect(x.title).toBe('Trade balance, 2025 ($ billions)');
    expect(x.ticks[0]!.value).toBeLessThanOrEqual(-200e9);
    expect(bars.map((b) => b.attrs.class)).toEqual(['bar below', 'bar above', 'bar above', 'bar above', 'bar rest']);
    expect(textOf(one(c.svg, 'title'))).toBe('Trade balance with each partner, 2025');
    const subtitle = byClass(c.svg, 'subtitle').map(textOf);
    expect(subtitle[0]).toBe('Examplia, 2025 — Trade figures from partners-mirror.csv');
    expect(subtitle[1]).toContain('4 of 4 partners with a complete 2025, by balance');
    const notes = elements(one(c.svg, 'notes')).filter((e) => e.name === 'text').map(textOf).join(' ');
    expect(notes).toContain('The 4 partners add up to the world total of 2025: no');
    const legend = elements(one(c.svg, 'legend')).filter((e) => e.name === 'text').map(textOf);
    expect(legend).toEqual(['surplus with the partner', 'deficit with the partner', 'unallocated (world − partners)']);
    expect(tooltipOf(bars[0]!)).toBe('Eastland: -$200.0B');
  });

  it('--top 2 --flow exports: the top two, the other partners as one bar, exports on the axis', async () => {
    const c = await chart(['partners', ...data, '--top', '2', '--flow', 'exports']);
    const { x, bars } = checkPartners(c, 'exports');
    expect(x.title).toBe('Exports, 2025 ($ billions)');
    expect(x.ticks[0]!.value).toBe(0);
    expect(bars.map((b) => b.attrs.class)).toEqual(['bar neutral', 'bar neutral', 'bar spans', 'bar rest']);
    expect(textOf(one(c.svg, 'title'))).toBe('Exports to each partner, 2025');
  });

  it('--sort imports --flow total, in millions with --unit M: the order and the unit follow', async () => {
    const c = await chart(['partners', ...data, '--sort', 'imports', '--flow', 'total', '--unit', 'M']);
    const { x } = checkPartners(c, 'total');
    expect(x.title).toBe('Total trade, 2025 ($ millions)');
    expect(drawn(c.doc).slice(0, 2).map(labelOf)).toEqual(['Eastland', 'Northland']);
  });

  it('--output partners.svg writes the picture; --no-chart with svg is a usage error', async () => {
    const target = join(dir, 'partners.svg');
    expect(await cli(['partners', ...data, '--output', target])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(target, 'utf8')).toBe((await cli(['partners', ...data, '--format', 'svg'])).stdout);
    await expectUsageError(['partners', '--no-chart', '--format', 'svg', '--data', '/nonexistent/trade.csv'], 'tradecalc: --no-chart leaves out the chart, and an SVG is the chart');
  });
});

describe('months --format svg', () => {
  const amounts = ['--data', `${fixtures}china-months.json`];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const short = (month: string) => MONTHS[Number(month.slice(5, 7)) - 1]!;

  /** A bar per month, from zero to the month's amount; a diamond at the same month a year earlier. */
  function checkAmounts(c: Chart, flow: 'balance' | 'exports' | 'imports'): Axis {
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const y = readAxis(svg, 'y');
    const x = readAxis(svg, 'x', false);
    expect(x.ticks.map((t) => t.label)).toEqual(doc.months.map((m: Json) => short(m.month)));
    const known = doc.months.filter((m: Json) => m[flow] !== null);
    const bars = byClass(svg, 'bar');
    expect(bars).toHaveLength(known.length);
    known.forEach((m: Json, i: number) => {
      const bar = bars[i]!;
      const at = x.ticks[doc.months.indexOf(m)]!.at;
      close(numAttr(bar, 'x') + numAttr(bar, 'width') / 2, at, `${m.month}: under its label`);
      close(numAttr(bar, 'y'), y.position(Math.max(0, m[flow])), `${m.month}: bar top`);
      close(numAttr(bar, 'y') + numAttr(bar, 'height'), y.position(Math.min(0, m[flow])), `${m.month}: bar bottom`);
      expect(bar.attrs.class).toBe(flow !== 'balance' ? 'bar neutral' : m[flow] < 0 ? 'bar below' : 'bar above');
    });
    // The markers: a diamond centred on each month at the same month a year earlier.
    const earlier = doc.months.filter((m: Json) => m.yearEarlier[flow] !== null);
    const markers = byClass(svg, 'marker');
    expect(markers).toHaveLength(earlier.length);
    earlier.forEach((m: Json, i: number) => {
      const pts = markers[i]!.attrs.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
      close((pts[0]![0] + pts[2]![0]) / 2, x.ticks[doc.months.indexOf(m)]!.at, `${m.month}: marker x`);
      close((pts[0]![1] + pts[2]![1]) / 2, y.position(m.yearEarlier[flow]), `${m.month}: marker y`);
    });
    // The zero line, where the axis puts zero.
    const zero = byClass(svg, 'zero');
    expect(zero.length).toBeGreaterThan(0);
    for (const z of zero) close(numAttr(z, 'y1'), y.position(0), 'the zero line');

    // Pixels: each bar's colour between its top and its marker, and the background just above it.
    const colour: Record<string, string> = { 'bar above': COLOURS.above, 'bar below': COLOURS.below, 'bar neutral': COLOURS.neutral };
    for (const bar of bars) {
      const [bx, by, w, h] = ['x', 'y', 'width', 'height'].map((k) => numAttr(bar, k)) as [number, number, number, number];
      expectColour(c.picture, bx + w / 6, by + h / 2, colour[bar.attrs.class!]!, `${tooltipOf(bar)}: the bar`);
      if (bar.attrs.class !== 'bar below') expectBackground(c.picture, bx + w / 6, by - 3, `${tooltipOf(bar)}: above its top`);
    }
    for (const m of markers) {
      const pts = m.attrs.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
      expectColour(c.picture, (pts[0]![0] + pts[2]![0]) / 2, (pts[0]![1] + pts[2]![1]) / 2, COLOURS.marker, 'a marker');
    }
    const box = plotBox(svg);
    const firstGap = (numAttr(bars[0]!, 'x') + numAttr(bars[0]!, 'width') + numAttr(bars[1]!, 'x')) / 2;
    expect(firstGap).toBeGreaterThan(box.left);
    expectColour(c.picture, firstGap, y.position(0), COLOURS.text, 'the zero line between two bars');
    return y;
  }

  it('amounts, every flow in view: the balance each month against a year earlier; title and provenance', async () => {
    const c = await chart(['months', ...amounts]);
    const y = checkAmounts(c, 'balance');
    expect(y.title).toBe('Balance ($ billions)');
    expect(textOf(one(c.svg, 'title'))).toBe('Balance by month, 2025');
    expect(textOf(byClass(c.svg, 'subtitle')[0]!)).toMatch(/^China, 2025 — China by month, 2024–2025/);
    const legend = elements(one(c.svg, 'legend')).filter((e) => e.name === 'text').map(textOf);
    expect(legend).toEqual(['surplus, 2025', '2024, same month']);
    const notes = elements(one(c.svg, 'notes')).filter((e) => e.name === 'text').map(textOf);
    expect(notes[0]).toBe('2025: a surplus of $1.13T, against a surplus of $940.0B in 2024 (+$193.6B).');
  });

  it('--flow exports: the growth on a year earlier is in each bar', async () => {
    const c = await chart(['months', ...amounts, '--flow', 'exports']);
    expect(checkAmounts(c, 'exports').title).toBe('Exports ($ billions)');
    const dec = byClass(c.svg, 'bar')[11]!;
    expect(tooltipOf(dec)).toBe('December 2025: $373.1B, +6.60% on Dec 2024');
    expect(tooltipOf(byClass(c.svg, 'marker')[11]!)).toBe('December 2024: $350.0B');
  });

  it('part of a year is named by its months, never as the year', async () => {
    const c = await chart(['months', '--data', `${fixtures}publishers/census/2024`, '--partner', 'China', '--flow', 'exports']);
    checkAmounts(c, 'exports');
    expect(textOf(one(c.svg, 'title'))).toBe('Exports by month, January–February 2025');
    expect(byClass(c.svg, 'subtitle').map(textOf).join(' ')).toContain('the same month of January–February 2024');
    expect(readAxis(c.svg, 'x', false).title).toBe('Month of January–February 2025');
  });

  it('stated growth rates only: a bar per month and flow from zero, on a percentage axis', async () => {
    const c = await chart(['months']);
    const { svg, doc } = c;
    expectSelfContained(c.text, svg);
    const x = readAxis(svg, 'x');
    expect(x.title).toBe('Growth on the same month a year earlier (%)');
    const rows = doc.months.flatMap((m: Json) => [
      { label: `${short(m.month)} exports`, value: m.exportGrowthPct },
      { label: `${short(m.month)} imports`, value: m.importGrowthPct },
    ]);
    const cats = byClass(one(svg, 'axis', 'y'), 'tick').map((g) => textOf(elements(g).find((e) => e.name === 'text')!));
    expect(cats).toEqual(rows.map((r: Json) => r.label));
    const bars = byClass(svg, 'bar');
    rows.forEach((r: Json, i: number) => {
      close(numAttr(bars[i]!, 'x'), x.position(0), `${r.label}: from zero`);
      close(numAttr(bars[i]!, 'x') + numAttr(bars[i]!, 'width'), x.position(r.value), `${r.label}: to its rate`);
      expect(tooltipOf(bars[i]!)).toMatch(/%\* on (Nov|Dec) 2024$/);
      expectColour(c.picture, numAttr(bars[i]!, 'x') + numAttr(bars[i]!, 'width') - 3, numAttr(bars[i]!, 'y') + numAttr(bars[i]!, 'height') / 2, COLOURS.above, r.label);
      expectBackground(c.picture, numAttr(bars[i]!, 'x') + numAttr(bars[i]!, 'width') + 3, numAttr(bars[i]!, 'y') + numAttr(bars[i]!, 'height') / 2, `past ${r.label}`);
    });
    close(numAttr(one(svg, 'zero'), 'x1'), x.position(0), 'the zero line');
    expect(textOf(one(svg, 'title'))).toBe('Growth on the same month a year earlier, November–December 2025');
  });

  it('--chart goes with svg; --no-chart does not; a flow with nothing to draw is a data error', async () => {
    const a = await cli(['months', ...amounts, '--chart', '--format', 'svg']);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(a.stdout).toBe((await cli(['months', ...amounts, '--format', 'svg'])).stdout);
    await expectUsageError(['months', '--no-chart', '--format', 'svg', '--data', '/nonexistent/trade.csv'], 'tradecalc: --no-chart leaves out the chart, and an SVG is the chart');
    await expectUsageError(['months', '--chart', '--format', 'csv', '--data', '/nonexistent/trade.csv'], 'tradecalc: --chart draws under the tables and cannot go with --format csv');
    const target = join(dir, 'months.svg');
    const r = await cli(['months', '--flow', 'balance', '--output', target]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('has nothing to draw for 2025: the balance needs monthly amounts of exports and imports');
    expect(r.stdout).toBe('');
  });
});

describe('text from the data is text', () => {
  const hostile = `<script>alert("x")</script> & 'quotes' ]]> \u0007bell`;
  const file = join(dir, 'hostile.json');
  writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 1,
      id: 'hostile',
      title: hostile,
      reporter: 'R&D <Land>',
      currency: 'USD',
      source: { publisher: 'Pub "lisher" <b>', published: '2026-01-01', note: 'see https://example.com/a?b=1&c=2 </desc>' },
      years: [{ year: 2025, exports: '3T', imports: '2T' }],
    }),
  );

  it.each([
    ['project', ['project', '--years', '3']],
    ['simulate', ['simulate', '--runs', '500']],
    ['scenarios', ['scenarios']],
  ])('%s: a title with markup renders as that text, and the file stays valid XML', async (_name, argv) => {
    const r = await cli([...argv, '--data', file, '--format', 'svg']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const svg = parseXml(r.stdout);
    // No element came from the data: the only elements are the chart's own.
    expect(elements(svg).some((e) => e.name === 'script' || e.name === 'b')).toBe(false);
    expect(r.stdout).not.toMatch(/<script|<b>|<Land>/);
    expect(r.stdout).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; ]]&gt;');
    // Read back, the text is the title itself, its control character replaced.
    const subtitle = textOf(byClass(svg, 'subtitle')[0]!);
    expect(subtitle).toBe(`R&D <Land>, 2025 — <script>alert("x")</script> & 'quotes' ]]> \uFFFDbell (Pub "lisher" <b>, 2026-01-01)`);
    const desc = svg.children.find((e): e is XmlElement => typeof e !== 'string' && e.name === 'desc')!;
    expect(textOf(desc)).toContain('R&D <Land>');
    // A URL the data mentions is text in a note, never a reference: no attribute holds it.
    const notes = elements(one(svg, 'notes')).filter((e) => e.name === 'text').map(textOf);
    expect(notes).toContain('see https://example.com/a?b=1&c=2 </desc>');
    expectSelfContained(r.stdout.replace('https://example.com/a?b=1&amp;c=2', ''), svg);
    // And the renderer reads it (resvg refuses malformed XML).
    expect(render(r.stdout).width).toBe(Number(svg.attrs.width) * ZOOM);
  });
});

describe('imported publisher files', () => {
  it('a Comtrade download: the title says where the figures come from, and which file', async () => {
    const r = await cli(['project', '--data', `${fixtures}publishers/comtrade/TradeData_2024.csv`, '--reporter', 'China', '--growth', '2', '--format', 'svg']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const svg = parseXml(r.stdout);
    expect(textOf(byClass(svg, 'subtitle')[0]!)).toBe('China, 2024 — Trade as reported to UN Comtrade');
    const notes = elements(one(svg, 'notes')).filter((e) => e.name === 'text').map(textOf).join(' ');
    // What the rows were and how the flows are valued, as under a table.
    expect(notes).toMatch(/Imported from UN Comtrade \(.*TradeData_2024\.csv\): 8 rows read, 4 summed; values in US dollars; exports FOB, imports CIF/);
  });

  it('a Comext download in euros: the money axis is in euros', async () => {
    const r = await cli(['project', '--data', `${fixtures}publishers/comext/estat_ds-059341.csv`, '--growth', '2', '--format', 'svg']);
    if (r.code !== 0) throw new Error(r.stderr);
    const svg = parseXml(r.stdout);
    expect(readAxis(svg, 'y').title).toMatch(/^Trade balance \(€ (trillions|billions|millions)\)$/);
  });
});

describe('the golden pictures', () => {
  const golden = new URL('../golden/', import.meta.url).pathname;
  it.each(readdirSync(golden).filter((f) => f.endsWith('.svg')))('%s is a self-contained SVG that renders', (name) => {
    const text = readFileSync(join(golden, name), 'utf8');
    const svg = parseXml(text);
    expectSelfContained(text, svg);
    const picture = render(text);
    expect([picture.width, picture.height]).toEqual([Number(svg.attrs.width) * ZOOM, Number(svg.attrs.height) * ZOOM]);
  });
});

describe('--format svg and --output chart.svg', () => {
  it('--output with .svg writes the same picture, atomically, and prints nothing', async () => {
    const target = join(dir, 'chart.svg');
    const w = await cli(['simulate', '--runs', '1000', '--output', target]);
    expect(w).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const s = await cli(['simulate', '--runs', '1000', '--format', 'svg']);
    expect(readFileSync(target, 'utf8')).toBe(s.stdout);
    // Another format into a .svg name is allowed when asked for by name.
    const j = await cli(['simulate', '--runs', '1000', '--output', target, '--format', 'json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).kind).toBe('simulation');
  });

  it('the same run gives the same bytes (no dates, no random ids)', async () => {
    const a = await cli(['scenarios', '--format', 'svg']);
    const b = await cli(['scenarios', '--format', 'svg']);
    expect(a.stdout).toBe(b.stdout);
  });

  it.each([
    [['summary', '--format', 'svg'], '--format svg: tradecalc summary draws no chart (the commands that do: months, partners, project, scenarios, simulate; use table, json, csv or markdown)'],
    [['check', '--format', 'svg', '--data', '/nonexistent/trade.csv'], '--format svg: tradecalc check draws no chart'],
    [['breakeven', '--output', 'chart.svg', '--data', '/nonexistent/trade.csv'], '--output "chart.svg" asks for an SVG picture, and tradecalc breakeven draws no chart (the commands that do: months, partners, project, scenarios, simulate; give --format'],
    [['data', 'show', '--format', 'svg'], '--format svg: tradecalc data show draws no chart'],
    [['data', 'validate', '/nonexistent/trade.csv', '--format', 'svg'], '--format svg: tradecalc data validate draws no chart'],
    [['schema', 'projection', '--format', 'svg'], '--format svg: tradecalc schema draws no chart'],
    [['scenarios', '--growth', '0:10:0.1', '--import-growth', '0:10:0.1', '--format', 'svg', '--data', '/nonexistent/trade.csv'], 'tradecalc: a grid of 10,201 cells is too large for an SVG picture (at most 2,500'],
    [['project', '--json', '--format', 'svg'], 'tradecalc: --json and --format svg ask for different formats'],
  ])('%j is a usage error before any file is read', async (argv, message) => {
    await expectUsageError(argv, message.startsWith('tradecalc: ') ? message : `tradecalc: ${message}`);
  });

  it('the registry says which commands draw a chart, and exactly those have an SVG view', async () => {
    for (const decl of COMMANDS) {
      const spec = await decl.load();
      expect(decl.chart === true, decl.path.join(' ')).toBe(spec.svg !== undefined);
    }
    expect(COMMANDS.filter((d) => d.chart).map((d) => d.path.join(' '))).toEqual(['project', 'months', 'scenarios', 'simulate', 'partners']);
  });
});
