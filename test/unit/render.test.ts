// Formatting for people and numbers for machines.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPct, formatPp } from '../../src/render/format.js';
import { renderGridAsCsv, renderGridAsMarkdown } from '../../src/render/grid.js';
import { jsonNumber, stringifyJson } from '../../src/render/json.js';
import { type Align, drawTable, wrapCell } from '../../src/render/table.js';
import { displayWidth } from '../../src/render/wrap.js';
import { d } from '../helpers.js';

describe('formatMoney', () => {
  it.each([
    ['3770000000000', {}, '$3.77T'],
    ['993459715639.81', {}, '$993.5B'],
    ['303100000000', { sign: true }, '+$303.1B'],
    ['-190000000000', {}, '-$190.0B'],
    ['1000000000000', { trim: true }, '$1T'],
    ['1303110000000', { trim: true }, '$1.30311T'],
    ['0.004', { trim: true }, '$0.004'],
    ['-1200000000000', { trim: true }, '-$1.2T'],
    ['1004900000000', { unit: 'B' as const }, '$1,004.9B'],
    ['250000000', {}, '$250.0M'],
    ['12.345', {}, '$12.35'],
    ['-0.001', {}, '$0.00'],
    ['1190000000000', { currency: 'EUR' }, '€1.19T'],
    ['1190000000000', { currency: 'CHF' }, 'CHF 1.19T'],
  ])('%s %j → %s', (value, opts, text) => {
    expect(formatMoney(d(value), opts)).toBe(text);
  });

  it('rounds half away from zero', () => {
    expect(formatMoney(d('2.345e12'))).toBe('$2.35T');
    expect(formatMoney(d('-2.345e12'))).toBe('-$2.35T');
  });
});

describe('formatPct and formatPp', () => {
  it('signs growth and never prints -0', () => {
    expect(formatPct(d('5.5'), { sign: true })).toBe('+5.50%');
    expect(formatPct(d('-5.0398'), { sign: true })).toBe('-5.04%');
    expect(formatPct(d('-0.001'), { sign: true })).toBe('0.00%');
    expect(formatPp(d('0.7'))).toBe('+0.70 pp');
  });
});

describe('jsonNumber', () => {
  it.each([
    ['1303100000000', '1303100000000'],
    ['3573459715639.810426540284360189573459715640', '3573459715639.81'],
    ['1e-7', '0.0000001'],
    ['-0', '0'],
    ['-0.0000000000000000001', '-0.0000000000000000001'],
    ['123456789012345678', '123456789012346000'],
    ['0.1234567890123455', '0.123456789012346'],
  ])('%s → %s', (value, text) => {
    expect(jsonNumber(d(value))).toBe(text);
    expect(Number(jsonNumber(d(value))).toString()).not.toMatch(/NaN/);
  });

  it('refuses NaN and Infinity', () => {
    expect(() => jsonNumber(d('NaN'))).toThrow(RangeError);
    expect(() => jsonNumber(d('Infinity'))).toThrow(RangeError);
  });

  it('stringifies documents with decimals as plain JSON numbers', () => {
    const text = stringifyJson({ a: d('1e21'), b: [d('-0'), true, null, 'x"y'], c: undefined }, 0);
    expect(text).toBe('{"a":1000000000000000000000,"b":[0,true,null,"x\\"y"]}');
    expect(JSON.parse(text)).toEqual({ a: 1e21, b: [0, true, null, 'x"y'] });
  });
});

describe('grid renderers', () => {
  const grid = { columns: ['name', 'value'], rows: [['plain', d('1.5')], ['with, comma', d('-2')], ['quote "q"', null], ['pipe | bar', true]] as const };
  it('CSV is RFC 4180: CRLF, quoting only where needed', () => {
    const text = [...renderGridAsCsv({ columns: [...grid.columns], rows: grid.rows.map((r) => [...r]) })].join('');
    expect(text).toBe('name,value\r\nplain,1.5\r\n"with, comma",-2\r\n"quote ""q""",\r\npipe | bar,true\r\n');
  });
  it('markdown escapes pipes', () => {
    const text = renderGridAsMarkdown({ columns: [...grid.columns], rows: grid.rows.map((r) => [...r]) });
    expect(text.split('\n')[1]).toBe('| --- | --- |');
    expect(text).toContain('pipe \\| bar');
  });
});

describe('tables on a narrow terminal', () => {
  const plain = { heading: (s: string) => s } as unknown as Parameters<typeof drawTable>[1];
  const spec = {
    head: ['File', 'Recognised as', 'Rows'],
    rows: [['test/fixtures/publishers/imf/IMTS_BRA_monthly_labels.csv', 'IMF International Trade in Goods (IMTS) SDMX-CSV', '31']],
    align: ['left', 'left', 'right'] as Align[],
  };

  it('a table that fits is drawn as it is', () => {
    const wide = drawTable({ ...spec, width: 200 }, plain);
    expect(wide).toBe(drawTable(spec, plain));
    expect(wide.split('\n')).toHaveLength(4);
  });

  it.each([80, 60, 50])('at %i columns, text columns wrap (paths after a "/"), every line fits, no text is lost, numbers stay whole', (width) => {
    const lines = drawTable({ ...spec, width }, plain).split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    const cells = (i: number) => lines.slice(2, -1).map((l) => l.split('│')[i]!.trim()).filter((c) => c !== '');
    expect(cells(1).join('')).toBe(spec.rows[0]![0]);
    expect(cells(2).join(' ')).toBe(spec.rows[0]![1]);
    expect(cells(3)[0]).toBe('31');
  });

  it('wrapCell keeps words whole where they fit and breaks a long one after a "/" or at the width', () => {
    expect(wrapCell('a b c', 3)).toBe('a b\nc');
    expect(wrapCell('dir/sub/file.csv', 8)).toBe('dir/sub/\nfile.csv');
    expect(wrapCell('abcdefghij', 4)).toBe('abcd\nefgh\nij');
    for (const text of ['IMF International Trade in Goods (IMTS) SDMX-CSV', 'test/fixtures/publishers/china-customs/进口_202401-202402_人民币.csv']) {
      for (const w of [5, 10, 17]) for (const line of wrapCell(text, w).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(w);
    }
  });
});
