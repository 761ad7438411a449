// The monthly series for people: period labels (a part of a year is never called the year), the
// bar chart drawn cell by cell, what the chart of a document shows, and the tables' sentences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { computeMonths } from '../../src/core/months.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { renderBarChart } from '../../src/render/bar-chart.js';
import { monthsChartData, renderMonthsChart } from '../../src/render/months-chart.js';
import { renderMonthsAsText } from '../../src/render/months-text.js';
import { comparisonLabel, monthsNotes, periodLabel } from '../../src/render/months-words.js';
import { defaultTextContext, plainStyle } from '../../src/render/style.js';
import { monthsDocument, resolveMonths } from '../../src/reports/months.js';
import { article } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const chinaMonths = () => datasetFromJson(JSON.parse(readFileSync(`${root}test/fixtures/china-months.json`, 'utf8')), 'china-months.json');
const docOf = (ds = chinaMonths(), flow?: 'exports' | 'imports' | 'balance') => {
  const a = resolveMonths({ flow, chart: undefined }, ds);
  return monthsDocument(computeMonths(ds, { year: a.year }), a);
};
const d = (x: string | number) => new Decimal(x);

describe('period labels', () => {
  const period = (from: string, to: string, complete = false) => ({ year: 2025, from, to, monthCount: 0, complete });
  it('a complete year is the year; anything less names its months', () => {
    expect(periodLabel(period('2025-01', '2025-12', true))).toBe('2025');
    expect(periodLabel(period('2025-01', '2025-11'))).toBe('January–November 2025');
    expect(periodLabel(period('2025-12', '2025-12'))).toBe('December 2025');
    // Twelve months with one missing are still not the year.
    expect(periodLabel(period('2025-01', '2025-12'))).toBe('January–December 2025');
  });
  it('the comparison base is the same months a year earlier', () => {
    expect(comparisonLabel(period('2025-01', '2025-11'))).toBe('January–November 2024');
    expect(comparisonLabel(period('2025-01', '2025-12', true))).toBe('2024');
  });
});

describe('the bar chart', () => {
  const chart = (rows: { label: string; value: number | null; marker?: number }[], width: number, style = plainStyle, signColours = false) =>
    renderBarChart({
      title: 'T',
      rows: rows.map((r) => ({ label: r.label, value: r.value === null ? null : d(r.value), marker: r.marker === undefined ? null : d(r.marker) })),
      format: (x) => x.toFixed(),
      legend: ['█ bars', '◆ marks'],
      width,
      style,
      signColours,
    }).split('\n');

  it('positive values: bars from the axis in eighths of a column, the marker where its value ends', () => {
    // Width 25 = label 3 + space + plot 17 + space + value 3: the axis and 16 columns, so 16 units
    // are 128 eighths, 8 a unit. 16 fills the plot; 4.5 is 36 eighths, 4 columns and ▌ (4/8); the
    // marker 10 ends in the 10th column after the axis.
    const lines = chart([{ label: 'Jan', value: 16 }, { label: 'Feb', value: 4.5, marker: 10 }, { label: 'Mar', value: null }], 25);
    expect(lines.slice(0, 4)).toEqual(['T', 'Jan │████████████████  16', 'Feb │████▌    ◆       4.5', 'Mar │                   –']);
    expect(lines[4]).toBe('    █ bars   ◆ marks');
  });

  it('negative values go left of the axis, which sits where zero is', () => {
    // −8 to 8 over 16 columns: 8 on each side of the axis, 8 eighths a unit. −3.5 is 28 eighths:
    // 3 columns and the right half block ▐ (the nearest right-aligned part of 4/8). Values are
    // right-aligned to the widest, "-3.5".
    const lines = chart([{ label: 'A', value: -8 }, { label: 'B', value: 8 }, { label: 'C', value: -3.5 }], 1 + 1 + 17 + 1 + 4);
    expect(lines.slice(1, 4)).toEqual(['A ████████│           -8', 'B         │████████    8', 'C     ▐███│         -3.5']);
  });

  it('never wider than asked, and colour only repeats the sign of the bar', () => {
    const marked = { ...plainStyle, good: (t: string) => `+${t}`, bad: (t: string) => `-${t}` };
    const lines = chart([{ label: 'A', value: -2, marker: 1 }, { label: 'B', value: 2 }], 40, marked, true);
    expect(lines[1]).toMatch(/^A (-█)+│/);
    expect(lines[2]).toMatch(/│(\+█)+/);
    for (const line of chart([{ label: 'January', value: 123456 }, { label: 'Feb', value: -5, marker: 99999 }], 30)) expect([...line].length).toBeLessThanOrEqual(30);
  });
});

describe('what the chart of a months document shows', () => {
  it('all flows, with amounts: the balance each month, ◆ the same month a year earlier', () => {
    const c = monthsChartData(docOf())!;
    expect(c).toMatchObject({ title: 'Balance by month, 2025', measure: 'money', signed: true, series: { bar: '2025', marker: '2024, same month' } });
    expect(c.rows[11]).toMatchObject({ label: 'Dec', month: '2025-12', flow: 'balance' });
    expect([c.rows[11]!.value!.toFixed(), c.rows[11]!.yearEarlier!.toFixed()]).toEqual(['56000000000', '50000000000']);
  });
  it('one flow: its amounts', () => {
    const c = monthsChartData(docOf(chinaMonths(), 'exports'))!;
    expect(c).toMatchObject({ title: 'Exports by month, 2025', signed: false });
    expect(c.rows[0]!.value!.toFixed()).toBe('295000000000');
  });
  it('no amounts (the article): the stated growth of each flow, a row per month and flow', () => {
    const c = monthsChartData(docOf(article()))!;
    expect(c).toMatchObject({ title: 'Growth on the same month a year earlier, November–December 2025', measure: 'pct', series: { marker: null } });
    expect(c.rows.map((r) => [r.label, r.value!.toFixed()])).toEqual([
      ['Nov exports', '5.9'],
      ['    imports', '1.9'],
      ['Dec exports', '6.6'],
      ['    imports', '5.7'],
    ]);
    // The balance needs amounts: nothing to draw.
    expect(monthsChartData(docOf(article(), 'balance'))).toBeNull();
    expect(renderMonthsChart(docOf(article(), 'balance'), defaultTextContext)).toBeNull();
  });
});

describe('the text view', () => {
  it('the article: only the columns the data has, the stated rates marked, and what is missing said', () => {
    const text = renderMonthsAsText(docOf(article()), defaultTextContext);
    expect(text).toContain('│ Exports │     y/y │ Momentum │');
    expect(text).toContain('│ Dec     │ +6.60%* │ +0.70 pp │');
    expect(text).not.toContain('Balance');
    expect(text).toContain('The data has no monthly amounts for November–December 2025');
    expect(text).toContain('* growth as the source states it');
  });
  it('the year’s totals in words, against the year before', () => {
    expect(monthsNotes(docOf())).toEqual([
      // 3,713.6B against 3,520.0B: +5.5 %; imports 2,580.0B both years; surplus 1,133.6B against 940.0B.
      '2025: exports $3.71T, +5.50% on 2024 ($3.52T).',
      '2025: imports $2.58T, 0.00% on 2024 ($2.58T).',
      '2025: a surplus of $1.13T, against a surplus of $940.0B in 2024 (+$193.6B).',
    ]);
  });
});
