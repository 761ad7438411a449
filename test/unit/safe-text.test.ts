// The helpers behind a safe terminal and a safe spreadsheet: escaping control characters, capping
// what a message echoes, neutralising CSV formulas, and JSON strings that stay exact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/render/grid.js';
import { jsonString } from '../../src/render/json.js';
import { ECHO_MAX, LINE_MAX, PROBLEMS_MAX, escapeControls, messageLine, problemLines, terminalSafe } from '../../src/render/safe-text.js';
import { LazyList } from '../../src/reports/document.js';
import { d } from '../helpers.js';
import { CONTROL_CHARS, RAW_CONTROL, hostileText } from '../hostile/generators.js';

describe('escapeControls', () => {
  it('writes every control character as \\u and four hex digits', () => {
    expect(escapeControls('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
    expect(escapeControls('\r\n\t\u0000\u007f\u009b\u202e\u2028')).toBe('\\u000d\\u000a\\u0009\\u0000\\u007f\\u009b\\u202e\\u2028');
    for (const c of CONTROL_CHARS) expect(RAW_CONTROL.test(escapeControls(`x${c}y`))).toBe(false);
  });
  it('leaves ordinary text alone, wide characters and emoji included', () => {
    for (const t of ['China — 2025', '€1.2T', '中国', '✔ consistent', '🙂', 'a\\u001b']) expect(escapeControls(t)).toBe(t);
  });
  it('property: the result never holds a raw control, and escaping is reversible as JSON', () => {
    fc.assert(
      fc.property(hostileText(100), (t) => {
        const e = escapeControls(t);
        expect(RAW_CONTROL.test(e)).toBe(false);
        // Where the text had no backslashes, JSON reads the escapes back to the text.
        if (!t.includes('\\') && !t.includes('"')) expect(JSON.parse(`"${e}"`)).toBe(t);
      }),
      { numRuns: 300, seed: 1 },
    );
  });
});

describe('terminalSafe', () => {
  it('escapes every string of a document and keeps Decimals, numbers, flags and lazy lists', () => {
    const doc = { title: 'a\u001bb', n: 3, ok: true, v: d('1.5'), list: ['\r'], lazy: new LazyList(2, function* () { yield { label: '\u0007' }; yield { label: 'x' }; }), nothing: null };
    const safe = terminalSafe(doc);
    expect(safe.title).toBe('a\\u001bb');
    expect(safe.v).toBe(doc.v);
    expect(safe.n).toBe(3);
    expect(safe.ok).toBe(true);
    expect(safe.list).toEqual(['\\u000d']);
    expect(safe.lazy).toBeInstanceOf(LazyList);
    expect(safe.lazy.length).toBe(2);
    expect([...safe.lazy]).toEqual([{ label: '\\u0007' }, { label: 'x' }]);
    expect(safe.nothing).toBeNull();
    expect(doc.title).toBe('a\u001bb');
  });
  it('keeps a key named __proto__ as a key', () => {
    const doc = JSON.parse('{"__proto__": "x\\u001b", "a": 1}') as Record<string, unknown>;
    const safe = terminalSafe(doc);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(safe, '__proto__')?.value).toBe('x\\u001b');
  });
});

describe('messageLine: the backstop of every error message', () => {
  it('caps a quoted value at 80 characters with "…"', () => {
    const long = 'x'.repeat(1000);
    expect(messageLine(`--growth ${JSON.stringify(long)} is not a number`)).toBe(`--growth "${'x'.repeat(ECHO_MAX)}…" is not a number`);
    expect(messageLine(`--growth "${'x'.repeat(80)}" ok`)).toBe(`--growth "${'x'.repeat(80)}" ok`);
  });
  it('caps a name commander quotes, but not a sentence between apostrophes', () => {
    expect(messageLine(`unknown option '--${'y'.repeat(500)}'`)).toBe(`unknown option '--${'y'.repeat(ECHO_MAX - 2)}…'`);
    const sentence = `the dataset's ${'word '.repeat(40)}isn't long`;
    expect(messageLine(sentence)).toBe(sentence);
  });
  it('escapes controls everywhere, quoted or not, and keeps a quoted escape readable', () => {
    expect(messageLine('x\u001b[2J.csv: no such file')).toBe('x\\u001b[2J.csv: no such file');
    expect(messageLine(`--unit ${JSON.stringify('\u001b[2J\u009b')} is not a unit`)).toBe('--unit "\\u001b[2J\\u009b" is not a unit');
  });
  it('caps the whole line', () => {
    const line = messageLine(`x ${'word '.repeat(10000)}`);
    expect(Array.from(line).length).toBeLessThanOrEqual(LINE_MAX + 1);
    expect(line.endsWith('…')).toBe(true);
  });
  it('never splits a surrogate pair', () => {
    const line = messageLine(`v ${JSON.stringify('🙂'.repeat(200))}`);
    expect(line).toBe(`v "${'🙂'.repeat(ECHO_MAX)}…"`);
  });
  it('copes with quotes that do not pair', () => {
    expect(messageLine('my"file.csv: no such file')).toBe('my"file.csv: no such file');
    expect(messageLine(`"${'z'.repeat(200)}`)).toBe(`"${'z'.repeat(200)}`);
  });
  it('property: any message comes out as one safe line of bounded length', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileText(300), fc.string({ maxLength: 300 }).map((s) => JSON.stringify(s))), { maxLength: 6 }), (parts) => {
        const line = messageLine(parts.join(' '));
        expect(RAW_CONTROL.test(line)).toBe(false);
        expect(Array.from(line).length).toBeLessThanOrEqual(LINE_MAX + 1);
      }),
      { numRuns: 300, seed: 2 },
    );
  });
});

describe('problemLines', () => {
  it('lists 20 problems, then how many more', () => {
    const lines = problemLines(Array.from({ length: 1000 }, (_, i) => `row ${i}: bad`));
    expect(lines).toHaveLength(PROBLEMS_MAX + 1);
    expect(lines[PROBLEMS_MAX]).toBe('… and 980 more problems');
    expect(problemLines(Array.from({ length: 21 }, () => 'p'))[20]).toBe('… and 1 more problem');
    expect(problemLines(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('neutraliseFormula', () => {
  it('prefixes what a spreadsheet would run', () => {
    for (const t of ['=1+1', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")', '-', '+', '-1-1', '1e5=']) {
      if (/^[=+\-@\t\r]/.test(t)) expect(neutraliseFormula(t)).toBe(`'${t}`);
    }
    expect(neutraliseFormula('1e5=')).toBe('1e5=');
  });
  it('leaves numbers and ordinary text alone', () => {
    for (const t of ['-1.5', '+3', '-0', '2e9', '-1e-5', '.5', 'China', 'a=b', '']) expect(neutraliseFormula(t)).toBe(t);
  });
});

describe('jsonString', () => {
  it('escapes what reorders or controls a terminal, and JSON reads it back exactly', () => {
    for (const t of ['\u009b31m', '\u202eevil', '\u2028', '\u007f', '\u001b[2J', 'plain', '中国', '"\\']) {
      const s = jsonString(t);
      expect(RAW_CONTROL.test(s)).toBe(false);
      expect(JSON.parse(s)).toBe(t);
    }
  });
});
