// Every format of every command, parsed back and compared as data: CSV and markdown must carry the
// same values as JSON, row for row. Also --output (format from the extension, atomic, nothing
// written on failure), --unit, and the data commands.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/cli/output.js';
import { cli } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const csvFile = `${fixtures}trade-multi.csv`;
const deficit = `${fixtures}deficit.json`;

type Json = Record<string, unknown>;
const get = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Json)[k]), obj);

/** A CSV or markdown cell as the JSON value it stands for. */
function cellValue(text: string): unknown {
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function parseCsv(text: string): { columns: string[]; rows: unknown[][] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const [columns, ...rows] = parse(text) as string[][];
  return { columns: columns!, rows: rows.map((r) => r.map(cellValue)) };
}

function parseMarkdown(text: string): { columns: string[]; rows: unknown[][] } {
  // The table ends at the first blank line; paragraphs (the notes) may follow it.
  const lines = text.trimEnd().split('\n\n')[0]!.split('\n');
  const cells = (line: string) => line.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\\|/g, '|').replace(/\\\\/g, '\\'));
  expect(lines[1]).toMatch(/^\| (---:?|:?---)( \| (---:?))*/);
  return { columns: cells(lines[0]!), rows: lines.slice(2).map((l) => cells(l).map(cellValue)) };
}

/** The rows a grid should have, taken from the JSON document of the same run. */
const expectedRows: Record<string, (doc: Json, columns: string[]) => unknown[][]> = {
  summary: (doc, columns) => {
    const metrics = ['year', 'exports', 'imports', 'balance', 'balanceKind', 'totalTrade', 'coverageRatio', 'balanceShareOfTradePct', 'exportGrowthPct', 'importGrowthPct', 'growthBasis'];
    if (doc.prior) {
      metrics.push('prior.year', 'prior.exports', 'prior.imports', 'prior.balance', 'prior.basis', 'prior.totalTrade', 'prior.coverageRatio', 'prior.balanceShareOfTradePct');
      metrics.push('balanceChange', 'balanceChangePct', 'totalTradeChange');
    }
    if (doc.momentum) metrics.push('momentum.from', 'momentum.to', 'momentum.exports.fromPct', 'momentum.exports.toPct', 'momentum.exports.changePp', 'momentum.imports.fromPct', 'momentum.imports.toPct', 'momentum.imports.changePp');
    return metrics.map((m) => {
      const row = [m, get(doc, m) ?? null];
      if (columns.includes('low')) row.push(get(doc.ranges, `${m}.low`) ?? null, get(doc.ranges, `${m}.high`) ?? null);
      return row;
    });
  },
  projection: (doc, columns) =>
    (doc.path as Json[]).map((p, i) => {
      const row = [p.year, p.exportGrowthPct, p.importGrowthPct, p.exports, p.imports, p.balance, doc.threshold, p.margin, p.aboveThreshold];
      if (columns.includes('balanceLow')) {
        const x = (doc.ranges as { path: Json[] }).path[i]!;
        for (const k of ['exports', 'imports', 'balance', 'margin']) row.push(get(x, `${k}.low`), get(x, `${k}.high`));
        row.push(x.aboveThreshold);
      }
      return row;
    }),
  check: (doc) =>
    (doc.claims as Json[]).map((c) => [c.id, c.label, c.metric, c.qualifier, c.year, c.from, c.to, c.stated, c.claimValue, get(c, 'accepts.low') ?? null, get(c, 'accepts.high') ?? null, c.value, get(c, 'range.low') ?? null, get(c, 'range.high') ?? null, c.basis, c.verdict, c.within, c.holdsAsStated, c.reason]),
  'dataset-list': (doc) =>
    (doc.datasets as Json[]).map((d) => [d.id, d.reporter, d.title, d.currency, d.firstYear, d.lastYear, (d.years as number[]).length, d.claims, [get(d, 'source.publisher'), get(d, 'source.published')].filter(Boolean).join(', ') || null]),
  dataset: (doc) => (doc.years as Json[]).map((y) => [get(doc, 'dataset.reporter'), y.year, y.exports, y.imports, get(doc, 'dataset.currency'), y.exportGrowthPct, y.importGrowthPct]),
};
expectedRows.validation = expectedRows['dataset-list']!;

const commands: [string[], number, string][] = [
  [['summary'], 0, 'Trade surplus'],
  [['summary', '--ranges'], 0, '$982.0B–$1,004.9B'],
  [['summary', '--data', csvFile, '--reporter', 'Examplia', '--ranges'], 0, 'Trade deficit'],
  [['project', '--years', '3', '--growth', '3,2,1'], 0, 'Surplus stays above $1T'],
  [['project', '--ranges'], 0, '$1.274T–$1.332T'],
  [['check'], 0, '4 consistent, 0 inconsistent, 3 cannot be checked'],
  [['check', '--data', deficit], 1, '✘ inconsistent'],
  [['data', 'list'], 0, 'china-2025'],
  [['data', 'list', '--data', csvFile], 0, 'northland'],
  [['data', 'show'], 0, 'Claims (tradecalc check tests them)'],
  [['data', 'show', '--data', csvFile, '--reporter', 'China'], 0, '2023'],
  [['data', 'validate', csvFile], 0, 'OK: '],
];

describe.each(commands)('%j in every format', (argv, code, tableText) => {
  it('JSON, CSV and markdown carry the same data; the table says it in words', async () => {
    const j = await cli([...argv, '--format', 'json']);
    expect(j.code).toBe(code);
    expect(j.stderr).toBe('');
    const doc = JSON.parse(j.stdout) as Json;
    expect(doc.schemaVersion).toBe(1);
    const expected = expectedRows[doc.kind as string]!;
    expect(expected).toBeDefined();

    const c = await cli([...argv, '--format', 'csv']);
    expect(c.code).toBe(code);
    const csv = parseCsv(c.stdout);
    expect(csv.rows).toEqual(expected(doc, csv.columns));

    const m = await cli([...argv, '--format', 'markdown']);
    expect(m.code).toBe(code);
    const md = parseMarkdown(m.stdout);
    expect(md.columns).toEqual(csv.columns);
    expect(md.rows).toEqual(csv.rows);

    const t = await cli(argv);
    expect(t.code).toBe(code);
    expect(t.stdout).toContain(tableText);
  });
});

describe('check', () => {
  it('JSON lists every claim with its verdict; exit 0 for the article', async () => {
    const r = await cli(['check', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(doc).toMatchObject({ kind: 'check', consistent: true, counts: { consistent: 4, inconsistent: 0, unchecked: 3 } });
    const surplus = doc.claims.find((c: Json) => c.id === 'surplus-2025');
    expect(surplus).toMatchObject({ stated: 'nearly $1.2T', value: 1190000000000, range: { low: 1180000000000, high: 1200000000000 }, accepts: { low: 1176000000000, high: 1200000000000 }, verdict: 'consistent' });
    const record = doc.claims.find((c: Json) => c.id === 'surplus-record');
    expect(record).toMatchObject({ verdict: 'unchecked', reason: 'a record needs the figures of earlier years, and the data has none before 2025' });
  });
  it('exit 1 when a claim is inconsistent, and the table says which', async () => {
    const r = await cli(['check', '--data', deficit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✘ inconsistent\s+2025 exports up 5%\n\s+stated:\s+5% \(accepts 4\.50%–5\.50%\)\n\s+figures: \+3\.59% from the 2024 and 2025 figures\n\s+range:\s+\+3\.07% to \+4\.11%/);
  });
  it('a CSV dataset has no claims: nothing to check, exit 0', async () => {
    const r = await cli(['check', '--data', csvFile, '--reporter', 'China']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The dataset records no claims to check.');
  });
});

describe('--unit', () => {
  it('sets the display unit of amounts in tables', async () => {
    expect((await cli(['summary', '--unit', 'B'])).stdout).toMatch(/Exports\s+│\s+\$3,573\.5B │ \$3,770\.0B │/);
    expect((await cli(['project', '--unit', 'm'])).stdout).toContain('$1,303,100.0M');
    expect((await cli(['check', '--unit', 'B'])).stdout).toContain('figures: $1,190.0B from the 2025 figures');
  });
  it('leaves machine formats exact', async () => {
    expect(JSON.parse((await cli(['summary', '--unit', 'B', '--json'])).stdout).balance).toBe(1190000000000);
  });
  it('refuses other units', async () => {
    const r = await cli(['summary', '--unit', 'X']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'tradecalc: --unit "X" is not a display unit (expected T, B, M, K, 1 or auto)\n' });
  });
});

describe('--output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tradecalc-out-'));
  const noTempLeft = () => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

  it.each([
    ['out.json', (t: string) => expect(JSON.parse(t).kind).toBe('summary')],
    ['out.csv', (t: string) => expect(t.split('\r\n')).toContain('balance,1190000000000')],
    ['out.md', (t: string) => expect(t).toContain('| balance | 1190000000000 |')],
    ['out.txt', (t: string) => expect(t).toMatch(/│ Trade surplus\s+│/)],
  ])('%s: the format comes from the extension, stdout stays empty', async (name, check) => {
    const r = await cli(['summary', '--output', name], { cwd: dir, isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = readFileSync(join(dir, name), 'utf8');
    check(text);
    expect(text).not.toMatch(/\u001b\[/);
    noTempLeft();
  });

  it('--format wins over the extension', async () => {
    await cli(['summary', '--output', 'forced.txt', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'forced.txt'), 'utf8')).kind).toBe('summary');
  });

  it('an existing file survives a failed run untouched', async () => {
    const target = join(dir, 'keep.json');
    writeFileSync(target, 'precious');
    for (const argv of [
      ['summary', '--data', join(dir, 'missing.csv'), '--output', target],
      ['project', '--growth', 'abc', '--output', target],
      ['summary', '--data', csvFile, '--output', target],
    ]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code).toBeGreaterThan(1);
      expect(r.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe('precious');
    }
    noTempLeft();
  });

  it('a write that fails half-way leaves the old file and no temporary file', async () => {
    const target = join(dir, 'half.csv');
    writeFileSync(target, 'old');
    function* chunks() {
      yield 'first,half\r\n';
      throw new Error('renderer failed');
    }
    await expect(writeFileAtomically(target, 'half.csv', chunks())).rejects.toThrow(/cannot be written.*nothing was written/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    noTempLeft();
  });

  it('replaces an existing file on success', async () => {
    const target = join(dir, 'replace.json');
    writeFileSync(target, 'old');
    expect((await cli(['project', '--output', target])).code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).kind).toBe('projection');
  });

  it('a directory, or a file in a missing directory, is a usage error before any work', async () => {
    const d = await cli(['summary', '--output', dir]);
    expect(d).toMatchObject({ code: 2, stdout: '' });
    expect(d.stderr).toContain('is a directory (expected a file name)');
    const m = await cli(['summary', '--output', 'nowhere/x.json'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('the directory "nowhere" does not exist');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('check writes its report and still exits 1 for an inconsistent claim', async () => {
    const r = await cli(['check', '--data', deficit, '--output', 'check.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(parseCsv(readFileSync(join(dir, 'check.csv'), 'utf8')).rows).toHaveLength(5);
  });
});

describe('data commands', () => {
  it('data validate prints one OK line and exits 0', async () => {
    const r = await cli(['data', 'validate', csvFile], { env: { COLUMNS: '1000' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`OK: ${csvFile} is a valid CSV dataset: 3 reporters (China, Examplia, Northland), 6 years of figures (2023–2025)\n`);
    const j = await cli(['data', 'validate', deficit], { env: { COLUMNS: '1000' } });
    expect(j.stdout).toContain('is a valid JSON dataset: 1 reporter (Examplia), 2 years of figures (2024–2025), 5 claims');
  });
  it('data show --format csv writes a CSV dataset that reads back in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-show-'));
    const out = join(dir, 'china.csv');
    expect((await cli(['data', 'show', '--data', csvFile, '--reporter', 'China', '--output', out])).code).toBe(0);
    const again = JSON.parse((await cli(['summary', '--data', out, '--json'])).stdout);
    expect(again).toMatchObject({ year: 2025, balance: 1190000000000, exportGrowthPct: 5.3072625698324 });
  });
  it('data show of an unknown id is a usage error', async () => {
    const r = await cli(['data', 'show', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tradecalc: data show "nope": there is no built-in dataset of that id (expected one of: china-2025; for a file, use --data)\n');
  });
  it('data validate --json prints its verdict as a document, valid or not', async () => {
    const bad = await cli(['data', 'validate', `${fixtures}bad.csv`, '--json']);
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout)).toMatchObject({ kind: 'validation', valid: false, problems: [expect.stringMatching(/:2:7: year "25"/), expect.stringMatching(/:3:18: imports "-1" is negative/)] });
    expect(bad.stderr).toMatch(/^tradecalc: .*bad\.csv: invalid dataset\n/);
    const good = await cli(['data', 'validate', `${fixtures}trade-multi.csv`, '--json']);
    expect(JSON.parse(good.stdout)).toMatchObject({ kind: 'validation', valid: true, format: 'csv' });
  });
  it('--output - is standard output; data schema takes --json', async () => {
    const r = await cli(['summary', '--json', '--output', '-']);
    expect(JSON.parse(r.stdout).kind).toBe('summary');
    expect(JSON.parse((await cli(['data', 'schema', '--json'])).stdout).title).toBe('tradecalc dataset');
  });
  it('markdown puts the starting point and the verdict under a projection table, as paragraphs', async () => {
    const md = (await cli(['project', '--format', 'markdown'])).stdout;
    const [, ...paragraphs] = md.trimEnd().split('\n\n');
    expect(paragraphs).toEqual([
      "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14): exports $3.77T, imports $2.58T, threshold $1T.",
      'Surplus stays above $1T in 2026: yes, by $303.1B',
    ]);
    expect((await cli(['project', '--format', 'csv'])).stdout).not.toContain('Surplus');
  });
  it('data schema prints a JSON Schema of the dataset format', async () => {
    const r = await cli(['data', 'schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'reporter', 'currency', 'years']));
    expect(schema.properties.claims.items.properties.qualifier.enum).toContain('accelerated');
    expect(schema.additionalProperties).toBe(false);
  });
  it('data without a subcommand shows its help on stderr, exit 2; a typo gets a suggestion', async () => {
    const r = await cli(['data']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('Usage: tradecalc data [options] [command]');
    expect(r.stderr).not.toContain('outputHelp');
    const typo = await cli(['data', 'lst']);
    expect(typo).toMatchObject({ code: 2, stderr: "tradecalc: unknown command 'lst' (did you mean list?) (see tradecalc data --help)\n" });
  });
  it('data validate with --data is a usage error', async () => {
    const r = await cli(['data', 'validate', csvFile, '--data', csvFile]);
    expect(r.code).toBe(2);
  });
});
