// Any name: every lookup by a string from the command line or from a dataset must find only the
// names the program knows. A name every JavaScript object answers to ("constructor", "__proto__",
// "toString", …) is an unknown name like any other: exit 2 (an option or argument) or 3 (a file),
// one line naming it, never exit 4 or a stack trace. And a dataset that uses such names for its
// own things (reporter, scenario, claim) works like any other.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyPrefix, formatMoney } from '../../src/render/format.js';
import { builtinDatasetIds, builtinDocument, loadBuiltinDataset } from '../../src/data/builtin.js';
import { didYouMean } from '../../src/suggest.js';
import { cli, d } from '../helpers.js';
import { PROTOTYPE_NAMES, protoName, sh, tradecalc } from './generators.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-names-'));
const twoReporters = join(dir, 'two.csv');
writeFileSync(twoReporters, 'reporter,year,exports,imports\nA,2024,1T,1T\nB,2024,1T,2T\n');

/** Every place a name is looked up, as the argv that reaches it, and the exit code of an unknown name. */
const SITES: readonly { name: string; argv: (n: string) => string[]; code: 2 | 3 }[] = [
  { name: 'a built-in dataset (--dataset)', argv: (n) => ['summary', '--dataset', n], code: 2 },
  { name: 'a built-in dataset of project', argv: (n) => ['project', '--dataset', n], code: 2 },
  { name: 'a built-in dataset of data list', argv: (n) => ['data', 'list', '--dataset', n], code: 2 },
  { name: 'a built-in dataset (data show <id>)', argv: (n) => ['data', 'show', n], code: 2 },
  { name: 'a display unit', argv: (n) => ['summary', '--unit', n], code: 2 },
  { name: 'a format', argv: (n) => ['summary', '--format', n], code: 2 },
  { name: 'a shell', argv: (n) => ['completion', n], code: 2 },
  { name: 'a document kind', argv: (n) => ['schema', n], code: 2 },
  { name: 'a scenario', argv: (n) => ['scenarios', '--scenario', n], code: 2 },
  { name: 'a scenario in a list', argv: (n) => ['scenarios', '--scenario', `baseline,${n}`], code: 2 },
  { name: 'an amount suffix', argv: (n) => ['project', '--threshold', `1${n.trim()}`], code: 2 },
  { name: 'an amount unit word', argv: (n) => ['project', '--threshold', `1 ${n}`], code: 2 },
  { name: 'an amount with a currency', argv: (n) => ['project', '--threshold', `$1 ${n}`], code: 2 },
  { name: 'an amount', argv: (n) => ['breakeven', '--threshold', n], code: 2 },
  { name: 'a reporter of the built-in data', argv: (n) => ['summary', '--reporter', n], code: 2 },
  { name: 'a reporter of a file', argv: (n) => ['summary', '--data', twoReporters, '--reporter', n], code: 2 },
  { name: 'a reporter to validate', argv: (n) => ['data', 'validate', twoReporters, '--reporter', n], code: 2 },
  { name: 'a growth rate', argv: (n) => ['project', '--growth', n], code: 2 },
  { name: 'a growth range', argv: (n) => ['scenarios', '--growth', `${n}:1:1`], code: 2 },
  { name: 'a number of years', argv: (n) => ['project', '--years', n], code: 2 },
  { name: 'a base year', argv: (n) => ['summary', '--year', n], code: 2 },
  { name: 'runs', argv: (n) => ['simulate', '--runs', n], code: 2 },
  { name: 'a seed', argv: (n) => ['simulate', '--seed', n], code: 2 },
  { name: 'a correlation', argv: (n) => ['simulate', '--correlation', n], code: 2 },
  { name: 'a standard deviation', argv: (n) => ['simulate', '--growth-sd', n], code: 2 },
  { name: 'a command', argv: (n) => [n], code: 2 },
  { name: 'a help topic', argv: (n) => ['help', n], code: 2 },
  { name: 'a command of a group', argv: (n) => ['data', n], code: 2 },
  { name: 'an option', argv: (n) => ['summary', `--${n.trim()}`], code: 2 },
  { name: 'an option before the command', argv: (n) => [`--${n.trim()}`, 'summary'], code: 2 },
  { name: 'a data file', argv: (n) => ['summary', '--data', n], code: 3 },
  { name: 'a file to validate', argv: (n) => ['data', 'validate', n], code: 3 },
];

function expectCleanError(r: { code: number; stdout: string; stderr: string }, code: 2 | 3, what: string) {
  expect(r.code, what).toBe(code);
  expect(r.stdout, what).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0], what).toMatch(/^tradecalc: .*\S/);
  // A usage error is one line; a data error may list its problems under it, indented.
  if (code === 2) expect(lines, what).toHaveLength(1);
  for (const line of lines.slice(1)) expect(line, what).toMatch(/^ {2}\S/);
  expect(r.stderr, what).not.toMatch(/internal error|\n\s+at |TypeError|DecimalError/);
}

describe('every Object.prototype name at every lookup, through the command line', () => {
  it('has the names and the sites', () => {
    for (const n of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString']) expect(PROTOTYPE_NAMES).toContain(n);
    expect(SITES.length).toBeGreaterThanOrEqual(30);
  });

  // Exhaustive over the names as they are: every site × every name.
  it.each(SITES.map((s) => [s.name, s] as const))('%s', async (_name, site) => {
    for (const n of PROTOTYPE_NAMES) {
      const argv = site.argv(n);
      expectCleanError(await cli(argv, { cwd: dir }), site.code, argv.join(' '));
    }
  });

  // And as a person might type them: in capitals, capitalised, with spaces.
  it('property: any site, any spelling of a prototype name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SITES), protoName, async (site, n) => {
        const argv = site.argv(n);
        const r = await cli(argv, { cwd: dir });
        // A capitalised name may happen to be a valid file in no directory and a valid value of
        // nothing: every one of them is an error of the site's kind.
        expectCleanError(r, site.code, argv.join(' '));
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('through the binary, for the names the issue found', async () => {
    for (const argv of [
      ['summary', '--dataset', 'constructor'],
      ['summary', '--dataset', '__proto__'],
      ['data', 'show', 'toString'],
      ['project', '--threshold', '1constructor'],
      ['scenarios', '--scenario', 'hasOwnProperty'],
      ['summary', '--unit', '__proto__'],
    ]) {
      const r = await sh(`${tradecalc} ${argv.map((a) => JSON.stringify(a)).join(' ')}`, { cwd: dir });
      expectCleanError({ code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr }, 2, argv.join(' '));
    }
  });
});

describe('names from a dataset that are also Object.prototype names', () => {
  const doc = (n: string) => ({
    schemaVersion: 1,
    id: `ds-${n.toLowerCase().replace(/[^a-z0-9._-]/g, '')}`,
    title: n,
    reporter: n,
    currency: 'USD',
    source: { publisher: n, note: n },
    years: [
      { year: 2024, exports: '3.58T', imports: '2.59T' },
      { year: 2025, exports: '3.77T', imports: '2.58T' },
    ],
    forecasts: [{ year: 2026, exportGrowthPct: '3', balance: { value: '1', unit: 'T', qualifier: 'above' } }],
    claims: [{ id: 'constructor', label: n, metric: 'balance', qualifier: 'above', year: 2025, value: '1T' }],
    scenarios: [
      { id: 'constructor', label: n, exportGrowthPct: '1', importGrowthPct: '2' },
      { id: 'tostring', label: 'toString', exportGrowthPct: '2', importGrowthPct: '1' },
      { id: 'hasownproperty', label: '__proto__', exportGrowthPct: '0', importGrowthPct: '0' },
    ],
  });

  it.each(PROTOTYPE_NAMES.map((n) => [n]))('%s as reporter, title, source, label and scenario', async (n) => {
    const file = join(dir, `ds-${n.replace(/\W/g, '_')}.json`);
    writeFileSync(file, JSON.stringify(doc(n)));
    for (const argv of [
      ['summary', '--data', file],
      ['summary', '--data', file, '--reporter', n],
      ['check', '--data', file],
      ['data', 'show', '--data', file],
      ['data', 'list', '--data', file, '--format', 'csv'],
      ['scenarios', '--data', file, '--scenario', 'constructor,tostring,hasownproperty'],
      ['scenarios', '--data', file, '--scenario', 'constructor', '--format', 'markdown'],
      ['project', '--data', file, '--json'],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stderr, argv.join(' ')).toBe('');
      // (Markdown escapes the underscores of __proto__: read it unescaped.)
      expect(r.stdout.replace(/\\(.)/g, '$1'), argv.join(' ')).toContain(n);
    }
  });

  it('a CSV whose reporters are prototype names: each is selected by its own name', async () => {
    const file = join(dir, 'proto-reporters.csv');
    const names = ['constructor', '__proto__', 'toString', 'valueOf'];
    writeFileSync(file, ['reporter,year,exports,imports', ...names.map((n, i) => `${n},2025,${i + 1}T,1T`)].join('\n'));
    for (const [i, n] of names.entries()) {
      const r = await cli(['summary', '--data', file, '--reporter', n, '--json']);
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.stdout) as { dataset: { reporter: string }; exports: number };
      expect(summary.dataset.reporter).toBe(n);
      expect(summary.exports).toBe((i + 1) * 1e12);
    }
  });
});

describe('the lookup tables themselves', () => {
  it('built-in datasets: only their own ids', () => {
    for (const n of PROTOTYPE_NAMES) {
      expect(loadBuiltinDataset(n)).toBeUndefined();
      expect(builtinDocument(n)).toBeUndefined();
    }
    expect(builtinDatasetIds()).toEqual(['china-2025']);
  });

  it('currency symbols: a prototype name is a code like any other', () => {
    for (const n of PROTOTYPE_NAMES) expect(currencyPrefix(n)).toBe(`${n} `);
    expect(formatMoney(d('1e12'), { currency: 'constructor' })).toBe('constructor 1.00T');
    expect(currencyPrefix('USD')).toBe('$');
  });

  it('suggestions: a ten-million-character word is compared by length first, not by a table', () => {
    const started = Date.now();
    expect(didYouMean('x'.repeat(10_000_000), ['baseline', 'optimistic'])).toBe('');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(didYouMean('constructr', ['constructor'])).toBe(' (did you mean constructor?)');
  });
});
