// The SVG layer on its own, with plain data: escaping, numbers, nice ticks worked by hand, axis
// labels, text fitting, and the generic charts (line, bar, histogram, heat map) read back and
// rendered, so a new chart (partners, months) starts from tested pieces.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { svgBarChart } from '../../src/render/svg/bar-chart.js';
import { type ChartText, thinLabels } from '../../src/render/svg/frame.js';
import { svgHeatMap } from '../../src/render/svg/heat-map.js';
import { svgHistogram } from '../../src/render/svg/histogram.js';
import { svgLineChart } from '../../src/render/svg/line-chart.js';
import { axisLabels, axisTitle, niceTicks } from '../../src/render/svg/scale.js';
import { COLOURS, TONE_COLOURS, fitText, wrapText } from '../../src/render/svg/theme.js';
import { escapeXml, num } from '../../src/render/svg/xml.js';
import { expectColour, parseXml, readAxis, render } from '../svg/chart.js';
import { byClass, elements, numAttr, one, textOf, tooltipOf } from '../svg/xml.js';

const d = (s: string | number) => new Decimal(s);
const strings = (xs: Decimal[]) => xs.map((x) => x.toFixed());
const text: ChartText = { title: 'A chart', subtitle: ['Somewhere, 2025 — a dataset'], notes: ['Source: tests.'], description: 'A test chart.' };
const close = (a: number, b: number, what: string, tol = 0.05) => expect(Math.abs(a - b), `${what}: ${a} against ${b}`).toBeLessThanOrEqual(tol);

describe('escapeXml', () => {
  it('writes markup characters as entities and nothing else changes', () => {
    expect(escapeXml(`<a href="x">&'b'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;b&#39;&lt;/a&gt;');
    expect(escapeXml('Côte d’Ivoire 中国 🚢 – € ¥')).toBe('Côte d’Ivoire 中国 🚢 – € ¥');
    // "]]>" cannot stand in character data; its ">" is escaped like every other.
    expect(escapeXml(']]>')).toBe(']]&gt;');
  });

  it('replaces what XML does not allow with U+FFFD, and line breaks and tabs with spaces', () => {
    expect(escapeXml('a\u0000b\u0007c\u001Fd\u007Fe\uFFFEf\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD');
    expect(escapeXml('line\none\r\ttwo')).toBe('line one  two');
    // An unpaired surrogate (from a bad file) is replaced; a pair is kept.
    expect(escapeXml('x\uD800y\uDC00z\uD83D\uDEA2')).toBe('x\uFFFDy\uFFFDz\uD83D\uDEA2');
    // The result always parses as the text it stands for.
    const raw = `<t>${escapeXml('<&>"\'\u0001')}</t>`;
    expect(textOf(parseXml(raw))).toBe('<&>"\'\uFFFD');
  });
});

describe('num', () => {
  it('two decimals at most, no exponent, no minus zero', () => {
    expect(num(12.345678)).toBe('12.35');
    expect(num(416)).toBe('416');
    expect(num(-0.001)).toBe('0');
    expect(num(-0)).toBe('0');
    expect(num(1e-7)).toBe('0');
    expect(num(-3.5)).toBe('-3.5');
    expect(() => num(Number.NaN)).toThrow(RangeError);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('niceTicks', () => {
  it('balances from $1.18T to $1.32T: steps of $0.05T from $1.15T to $1.35T', () => {
    // span 0.14T, a fifth is 0.028T = 2.8e10: 2.8 × 10^10, and 2.8 rounds up to 5, so the step is
    // 5e10 (0.05T). floor(1.18 / 0.05) = 23 → 1.15T; ceil(1.32 / 0.05) = ceil(26.4) = 27 → 1.35T.
    const t = niceTicks(d('1.18e12'), d('1.32e12'));
    expect(t.step.toFixed()).toBe('50000000000');
    expect(strings(t.values)).toEqual(['1150000000000', '1200000000000', '1250000000000', '1300000000000', '1350000000000']);
    expect([t.lo.toFixed(), t.hi.toFixed()]).toEqual(['1150000000000', '1350000000000']);
  });

  it('exact decimals: steps of 0.1 read 0.3, never 0.30000000000000004', () => {
    // span 0.4, a fifth 0.08 = 8 × 10^-2 → step 10 × 10^-2 = 0.1.
    expect(strings(niceTicks(d('0.1'), d('0.5')).values)).toEqual(['0.1', '0.2', '0.3', '0.4', '0.5']);
  });

  it('a deficit and a surplus: ticks cross zero on a multiple of the step', () => {
    // span 1.69T, a fifth 0.338T = 3.38 × 10^11 → step 5 × 10^11 = 0.5T; floor(-0.5/0.5) = -1, ceil(1.19/0.5) = 3.
    expect(strings(niceTicks(d('-5e11'), d('1.19e12')).values)).toEqual(['-500000000000', '0', '500000000000', '1000000000000', '1500000000000']);
  });

  it('counts keep whole steps: 0 to 3 runs by 1, 0 to 3,263 by 1,000', () => {
    // 3 / 5 = 0.6 → a step of 1 (10 × 10^-1), which is whole already; 3263 / 5 = 652.6 → 6.526 × 10^2 → step 1,000.
    expect(strings(niceTicks(d(0), d(3), { whole: true }).values)).toEqual(['0', '1', '2', '3']);
    expect(strings(niceTicks(d(0), d(3263), { whole: true }).values)).toEqual(['0', '1000', '2000', '3000', '4000']);
    // 1 / 5 = 0.2 would be a step of 0.2 runs: whole makes it 1.
    expect(strings(niceTicks(d(0), d(1), { whole: true }).values)).toEqual(['0', '1']);
  });

  it('a single value is opened up around itself; the arguments may come in either order', () => {
    // 5 ± 0.5 → 4.5..5.5, a fifth of 1 is 0.2 → step 0.2; floor(4.5/0.2) = 22 → 4.4, ceil(27.5) = 28 → 5.6.
    expect(strings(niceTicks(d(5), d(5)).values)).toEqual(['4.4', '4.6', '4.8', '5', '5.2', '5.4', '5.6']);
    // 0 ± 1 → a fifth of 2 is 0.4 → step 0.5.
    expect(strings(niceTicks(d(0), d(0)).values)).toEqual(['-1', '-0.5', '0', '0.5', '1']);
    expect(strings(niceTicks(d(3), d(1)).values)).toEqual(strings(niceTicks(d(1), d(3)).values));
  });
});

describe('axisLabels', () => {
  it('money: one unit for the axis, the decimals the step needs, the currency in the title', () => {
    const t = niceTicks(d('1.18e12'), d('1.32e12'));
    const l = axisLabels({ kind: 'money', currency: 'USD', unit: 'auto' }, t);
    expect(t.values.map(l.tick)).toEqual(['1.15', '1.20', '1.25', '1.30', '1.35']);
    expect(axisTitle('Trade balance', l)).toBe('Trade balance ($ trillions)');
    expect(l.value(d('1303100000000'))).toBe('$1.30T');
    const tenths = axisLabels({ kind: 'money', currency: 'EUR', unit: 'auto' }, niceTicks(d('1e12'), d('1.4e12')));
    expect(tenths.unit).toBe('€ trillions');
    expect(niceTicks(d('1e12'), d('1.4e12')).values.map(tenths.tick)).toEqual(['1.0', '1.1', '1.2', '1.3', '1.4']);
  });

  it('money: a step too fine for the unit reads one unit down; --unit keeps the unit asked for', () => {
    // 1.0000T..1.0020T by 0.0005T would need four decimals in T: in B it is 1,000.0..1,002.0 by 0.5.
    const t = niceTicks(d('1e12'), d('1.002e12'), { target: 4 });
    expect(t.step.toFixed()).toBe('500000000');
    const auto = axisLabels({ kind: 'money', currency: 'USD', unit: 'auto' }, t);
    expect(auto.unit).toBe('$ billions');
    expect(t.values.map(auto.tick)).toEqual(['1,000.0', '1,000.5', '1,001.0', '1,001.5', '1,002.0']);
    const fixed = axisLabels({ kind: 'money', currency: 'USD', unit: 'T' }, t);
    expect(fixed.unit).toBe('$ trillions');
    expect(t.values.map(fixed.tick)[1]).toBe('1.0005');
    // A currency without a symbol is named by its code; plain units have no word.
    expect(axisLabels({ kind: 'money', currency: 'CHF', unit: '1' }, niceTicks(d(0), d(10))).unit).toBe('CHF');
    expect(axisLabels({ kind: 'money', currency: 'CHF', unit: 'M' }, niceTicks(d(0), d(10))).unit).toBe('CHF millions');
  });

  it('counts and percentages', () => {
    const runs = axisLabels({ kind: 'count' }, niceTicks(d(0), d(3263), { whole: true }));
    expect(niceTicks(d(0), d(3263), { whole: true }).values.map(runs.tick)).toEqual(['0', '1,000', '2,000', '3,000', '4,000']);
    expect(axisTitle('Runs', runs)).toBe('Runs');
    const pct = axisLabels({ kind: 'pct' }, niceTicks(d(-2), d(6)));
    expect(niceTicks(d(-2), d(6)).values.map(pct.tick)).toEqual(['-2', '0', '2', '4', '6']);
    expect(axisTitle('Growth', pct)).toBe('Growth (%)');
  });
});

describe('fitting text', () => {
  it('wraps between words into at most `max` lines, cutting the last with an ellipsis', () => {
    // 10 px type: 5.8 px a character. "aaa bbb" is 7 characters, 40.6 px: over 40.
    expect(wrapText('aaa bbb ccc', 10, 40, 3)).toEqual(['aaa', 'bbb', 'ccc']);
    expect(wrapText('aaa bbb ccc', 10, 40, 2)).toEqual(['aaa', 'bbb c…']);
    expect(fitText('short', 10, 100)).toBe('short');
    // Wide characters count double.
    expect(fitText('中国中国中国', 10, 40)).toBe('中国…');
  });

  it('thins labels so none collide, keeping the first and the last', () => {
    // "2025" at 12 px is about 27.8 px; with 10 px to spare, a label needs 37.8 px: every other one at 20 px apart.
    const years = (n: number) => Array.from({ length: n }, (_, i) => String(2025 + i));
    expect(thinLabels(years(11), 20, 12)).toEqual([true, false, true, false, true, false, true, false, true, false, true]);
    // Twelve: the last (index 11) is shown and its too-close neighbour (10) hidden.
    const twelve = thinLabels(years(12), 20, 12);
    expect(twelve.slice(8)).toEqual([true, false, false, true]);
    expect(thinLabels(years(3), 100, 12)).toEqual([true, true, true]);
  });
});

describe('svgBarChart', () => {
  it('horizontal, as for partners: deficits to the left of zero, surpluses to the right, an unknown value leaves its place empty', () => {
    const values = ['361e9', '-20e9', null, '100e9'] as const;
    const svgText = svgBarChart({
      text,
      orientation: 'horizontal',
      categories: { title: 'Partner', labels: ['United States', 'Japan <& Co>', 'Unknown', 'Viet Nam'] },
      values: { title: 'Balance', format: { kind: 'money', currency: 'USD', unit: 'auto' } },
      bars: values.map((v) => (v === null ? { value: null, tone: 'neutral' as const } : { value: d(v), tone: d(v).isNegative() ? ('below' as const) : ('above' as const) })),
      legend: [
        { tone: 'above', label: 'surplus' },
        { tone: 'below', label: 'deficit' },
      ],
    });
    const svg = parseXml(svgText);
    const x = readAxis(svg, 'x');
    expect(x.title).toBe('Balance ($ billions)');
    // The category labels down the side, escaped and read back as written.
    const cats = byClass(one(svg, 'axis', 'y'), 'tick').map((g) => textOf(elements(g).find((e) => e.name === 'text')!));
    expect(cats).toEqual(['United States', 'Japan <& Co>', 'Unknown', 'Viet Nam']);
    const bars = byClass(svg, 'bar');
    expect(bars.map((b) => b.attrs.class)).toEqual(['bar above', 'bar below', 'bar above']);
    const zero = x.position(0);
    const known = values.filter((v) => v !== null).map(Number);
    bars.forEach((b, i) => {
      const left = numAttr(b, 'x');
      const right = left + numAttr(b, 'width');
      const v = known[i]!;
      close(v < 0 ? right : left, zero, 'the bar starts at zero');
      close(v < 0 ? left : right, x.position(v), 'the bar ends at its value');
    });
    expect(tooltipOf(bars[1]!)).toBe('Japan <& Co>: -$20.0B');
    // Bars in the order of the categories, top to bottom; the unknown one has no bar.
    const ys = bars.map((b) => numAttr(b, 'y'));
    expect(ys[1]! - ys[0]!).toBeCloseTo((ys[2]! - ys[1]!) / 2, 5);
    const picture = render(svgText);
    bars.forEach((b) => {
      const cx = numAttr(b, 'x') + numAttr(b, 'width') / 2;
      const cy = numAttr(b, 'y') + numAttr(b, 'height') / 2;
      expectColour(picture, cx, cy, TONE_COLOURS[b.attrs.class === 'bar above' ? 'above' : 'below'], b.attrs.class!);
    });
    expectColour(picture, zero, ys[0]! - 2, COLOURS.text, 'the zero line');
  });

  it('vertical, as for months: bars rise from zero to their value, a threshold across', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const values = [300, 280, 310, 305, 320, 330, 340, 335, 325, 330, 345, 357].map((v) => d(v * 1e9));
    const svgText = svgBarChart({
      text,
      orientation: 'vertical',
      categories: { title: 'Month', labels: months },
      values: { title: 'Exports', format: { kind: 'money', currency: 'USD', unit: 'auto' } },
      bars: values.map((v) => ({ value: v, tone: v.gte(d('3.2e11')) ? 'above' : 'below' })),
      threshold: { value: d('3.2e11'), label: '$320B' },
      legend: [{ tone: 'above', label: 'at or above $320B' }],
    });
    const svg = parseXml(svgText);
    const y = readAxis(svg, 'y');
    expect(y.ticks[0]!.value).toBe(0);
    const bars = byClass(svg, 'bar');
    expect(bars).toHaveLength(12);
    bars.forEach((b, i) => {
      close(numAttr(b, 'y'), y.position(values[i]!.toNumber()), `${months[i]} top`);
      close(numAttr(b, 'y') + numAttr(b, 'height'), y.position(0), `${months[i]} bottom`);
    });
    const line = one(svg, 'threshold');
    close(numAttr(line, 'y1'), y.position(3.2e11), 'threshold');
    const picture = render(svgText);
    for (const b of bars) {
      expectColour(picture, numAttr(b, 'x') + numAttr(b, 'width') / 2, numAttr(b, 'y') + numAttr(b, 'height') - 10, TONE_COLOURS[b.attrs.class === 'bar above' ? 'above' : 'below'], b.attrs.class!);
    }
    expectColour(picture, numAttr(line, 'x1') + 4, numAttr(line, 'y1'), COLOURS.threshold, 'the threshold');
  });
});

describe('svgLineChart', () => {
  it('a missing value breaks the line; without a threshold the points are plain', () => {
    const svgText = svgLineChart({
      text,
      x: { title: 'Month', labels: ['2025-01', '2025-02', '2025-03', '2025-04'] },
      y: { title: 'Exports', format: { kind: 'money', currency: 'USD', unit: 'auto' } },
      series: [{ name: 'Exports', values: [d('3e11'), null, d('3.2e11'), d('3.1e11')] }],
    });
    const svg = parseXml(svgText);
    expect(byClass(svg, 'series')).toHaveLength(2);
    expect(byClass(svg, 'series')[1]!.attrs.points!.split(' ')).toHaveLength(2);
    expect(byClass(svg, 'point').map((p) => p.attrs.class)).toEqual(['point', 'point', 'point']);
    expect(byClass(svg, 'threshold')).toHaveLength(0);
    expect(elements(one(svg, 'legend')).filter((e) => e.name === 'text').map(textOf)).toEqual(['Exports']);
  });

  it('every value missing still draws axes (around zero)', () => {
    const svg = parseXml(svgLineChart({ text, x: { title: 'Year', labels: ['2025'] }, y: { title: 'Balance', format: { kind: 'pct' } }, series: [{ name: 'x', values: [null] }] }));
    expect(byClass(svg, 'point')).toHaveLength(0);
    expect(readAxis(svg, 'y').ticks.length).toBeGreaterThan(1);
  });
});

describe('svgHistogram and svgHeatMap with plain data', () => {
  it('a histogram of counts with no runs in a bin draws no bar there', () => {
    const bins = [0, 5, 0, 2].map((count, k) => ({ low: d(k * 10), high: d(k * 10 + 10), count, tone: 'neutral' as const }));
    const svg = parseXml(svgHistogram({ text, x: { title: 'Value', format: { kind: 'pct' } }, y: { title: 'Runs', format: { kind: 'count' } }, bins, legend: [] }));
    expect(byClass(svg, 'bar')).toHaveLength(2);
    expect(byClass(svg, 'threshold')).toHaveLength(0);
  });

  it('a heat map of one column places only the crossings on it', () => {
    const svg = parseXml(
      svgHeatMap({
        text,
        columns: { title: 'Exports', labels: ['+3%'], values: [d(3)] },
        rows: { title: 'Imports', labels: ['0%', '+5%'], values: [d(0), d(5)] },
        cells: [
          { label: '1.30', tone: 'above' },
          { label: '0.90', tone: 'below' },
        ],
        legend: [],
        boundary: { label: 'break-even', points: [{ column: d(3), row: d('2.5') }, { column: d(4), row: d(0) }] },
      }),
    );
    const crossings = byClass(svg, 'crossing');
    expect(crossings).toHaveLength(1);
    const cells = byClass(svg, 'cell');
    // Halfway between the two rows' centres.
    close(numAttr(crossings[0]!, 'cy'), (numAttr(cells[0]!, 'y') + numAttr(cells[1]!, 'y') + numAttr(cells[1]!, 'height')) / 2, 'the crossing');
    expect(byClass(svg, 'boundary')).toHaveLength(0);
  });
});
