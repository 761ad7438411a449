// Datasets from files through the CLI: JSON and CSV, stdin, reporters and years, and one test per
// validation error, each checking the message, exit code 3 and an empty stdout.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { datasetsFromText, loadDatasetFile } from '../../src/data/load-file.js';
import { DataError } from '../../src/errors.js';
import { cli } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-data-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const json = async (argv: string[], options = {}) => {
  const r = await cli([...argv, '--json'], options);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('--data with a multi-year, multi-reporter CSV', () => {
  const csv = `${fixtures}trade-multi.csv`;
  it('derives growth from the previous row: China 3.58T → 3.77T is +5.31 %', async () => {
    const doc = await json(['summary', '--data', csv, '--reporter', 'China']);
    expect(doc).toMatchObject({ assumptions: { year: 2025 }, exports: 3770000000000, imports: 2580000000000, balance: 1190000000000, growthBasis: 'derived' });
    // 3.77 / 3.58 − 1 = 5.30726256983240…%, written with 15 significant digits
    expect(doc.exportGrowthPct).toBe(5.3072625698324);
    expect(doc.prior).toMatchObject({ year: 2024, exports: 3580000000000, basis: 'reported' });
  });
  it('--year picks an earlier year, growth from the year before it', async () => {
    const doc = await json(['summary', '--data', csv, '--reporter', 'china', '--year', '2024']);
    // 3.58 / 3.38 − 1 = 5.917159763…%
    expect(doc).toMatchObject({ assumptions: { year: 2024, origins: { year: { source: 'option' } } }, exportGrowthPct: 5.91715976331361, prior: { year: 2023 } });
  });
  it('reads units from the unit column: USD bn, EUR thousand', async () => {
    const ex = await json(['summary', '--data', csv, '--reporter', 'Examplia']);
    expect(ex).toMatchObject({ exports: 2020000000000, imports: 3050000000000, balance: -1030000000000, balanceKind: 'deficit' });
    const north = await json(['summary', '--data', csv, '--reporter', 'Northland']);
    expect(north).toMatchObject({ exports: 412500000000, imports: 398200000000, exportGrowthPct: 4.2, importGrowthPct: -1.5, growthBasis: 'stated' });
    expect(north.dataset.currency).toBe('EUR');
  });
  it('a deficit is a "Trade deficit" in tables and negative in JSON', async () => {
    const r = await cli(['summary', '--data', csv, '--reporter', 'Examplia']);
    expect(r.stdout).toMatch(/│ Trade deficit\s+│\s+-\$960\.0B │ -\$1\.03T │/);
  });
  it('a negative threshold asks whether the deficit stays smaller', async () => {
    const r = await cli(['project', '--data', csv, '--reporter', 'Examplia', '--growth', '0', '--import-growth', '0', '--threshold', '-1T']);
    expect(r.stdout).toContain('Deficit narrows to $1T or less in 2026: no, the deficit is still $30.0B over');
    const doc = await json(['project', '--data', csv, '--reporter', 'Examplia', '--growth', '5', '--import-growth', '0', '--threshold', '-1T']);
    // 2.02T·1.05 − 3.05T = −0.929T: above −1T by 71B
    expect(doc.path[0]).toMatchObject({ balance: -929000000000, margin: 71000000000, aboveThreshold: true });
  });
  it('without --reporter, several reporters are a usage error naming them', async () => {
    const r = await cli(['summary', '--data', csv]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`tradecalc: ${csv} has 3 reporters (China, Examplia, Northland): choose one with --reporter\n`);
    const bad = await cli(['summary', '--data', csv, '--reporter', 'Atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--reporter "Atlantis" is not in');
  });
  it('--year that the data lacks is a usage error naming the option and listing the years', async () => {
    const r = await cli(['summary', '--data', csv, '--reporter', 'China', '--year', '2019']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tradecalc: --year "2019" is not a year of dataset "china" (it has: 2023, 2024, 2025)\n');
  });
});

describe('reporter ids', () => {
  it('two reporters named without ASCII letters get distinct ids', async () => {
    const stdin = (async function* () {
      yield 'reporter,year,exports,imports\n中国,2024,1T,2T\n日本,2024,1T,2T\n';
    })();
    const doc = JSON.parse((await cli(['data', 'list', '--data', '-', '--json'], { stdin })).stdout);
    const ids = doc.datasets.map((d: { id: string }) => d.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^reporter-[0-9a-f]{8}$/);
  });
});

describe('--data in other forms', () => {
  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const doc = await json(['summary', '--data', `${fixtures}china-bom-crlf.csv`]);
    expect(doc).toMatchObject({ assumptions: { year: 2025 }, balance: 1190000000000, growthBasis: 'derived' });
  });
  it('reads JSON datasets, and JSON with a BOM', async () => {
    const doc = await json(['summary', '--data', `${fixtures}deficit.json`]);
    expect(doc.balance).toBe(-1030000000000);
    const text = (await import('node:fs')).readFileSync(`${fixtures}deficit.json`, 'utf8');
    const bom = file('bom.json', `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect((await json(['summary', '--data', bom])).balance).toBe(-1030000000000);
  });
  it('"-" reads standard input, CSV or JSON by its content', async () => {
    const csv = 'reporter,year,exports,imports\nChina,2025,3.77T,2.58T\n';
    const doc = await json(['summary', '--data', '-'], { stdin: Readable.from([csv]) });
    expect(doc.balance).toBe(1190000000000);
    const j = JSON.stringify({ schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD', years: [{ year: 2025, exports: '1T', imports: '2T' }] });
    expect((await json(['summary', '--data', '-'], { stdin: Readable.from([j]) })).balance).toBe(-1e12);
  });
  it('--data and --dataset together are a usage error', async () => {
    const r = await cli(['summary', '--data', 'x.csv', '--dataset', 'china-2025']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--data and --dataset both name a dataset');
  });
  it('an amount may carry its own unit when there is no unit column', async () => {
    const p = file('units.csv', 'reporter,year,exports,imports\nX,2025,$1.2 trillion,800bn\nX,2024,1e12,1000B\n');
    expect(await json(['summary', '--data', p])).toMatchObject({ exports: 1.2e12, imports: 8e11, exportGrowthPct: 20, importGrowthPct: -20 });
  });
});

/** Runs `data validate` and a command on the file: both exit 3 with nothing on stdout. */
async function dataError(path: string): Promise<string> {
  const v = await cli(['data', 'validate', path]);
  expect(v.code).toBe(3);
  expect(v.stdout).toBe('');
  const s = await cli(['summary', '--data', path]);
  expect(s.code).toBe(3);
  expect(s.stdout).toBe('');
  expect(s.stderr).toBe(v.stderr);
  expect(v.stderr).not.toMatch(/\n\s+at /);
  return v.stderr;
}

describe('validation errors name the file, the line and column or the JSON path, and what was expected', () => {
  it('missing column', async () => {
    const p = file('missing.csv', 'reporter,year,exports\nChina,2025,3.77T\n');
    expect(await dataError(p)).toBe(`tradecalc: ${p}: invalid CSV header\n  ${p}:1:1: missing column "imports" (the header needs at least reporter,year,exports,imports)\n`);
  });
  it('unknown column (a typo)', async () => {
    const p = file('typo.csv', 'reporter,year,exports,imprts\nChina,2025,3.77T,2.58T\n');
    const err = await dataError(p);
    // A typo gets its suggestion, and is not said a second time as a missing column.
    expect(err).toBe(`tradecalc: ${p}: invalid CSV header\n  ${p}:1:23: unknown column "imprts" (did you mean imports?)\n`);
    const other = file('other.csv', 'reporter,year,exports,imports,colour\nChina,2025,3.77T,2.58T,x\n');
    expect(await dataError(other)).toContain(`${other}:1:31: unknown column "colour" (expected columns: reporter, year, exports, imports, period, partner, reporterCode, partnerCode, currency, unit, exportGrowthPct, importGrowthPct)`);
  });
  it('an amount is asked for as the unit column says', async () => {
    const p = file('unit-nan.csv', 'reporter,year,exports,imports,unit\nChina,2025,lots,2.58,B\n');
    expect(await dataError(p)).toContain(`${p}:2:12: exports "lots" is not a number (expected a number such as 3580, in the unit column's "B")`);
  });
  it('non-numeric amount, with line and column', async () => {
    const p = file('nan.csv', 'reporter,year,exports,imports\nChina,2025,lots,2.58T\n');
    expect(await dataError(p)).toContain(`${p}:2:12: exports "lots" is not a number (expected an amount such as 3.58T or 3580000000000)`);
  });
  it('negative amount', async () => {
    const p = file('neg.csv', 'reporter,year,exports,imports\nChina,2025,3.77T,-2.58T\n');
    expect(await dataError(p)).toContain(`${p}:2:18: imports "-2.58T" is negative (expected an amount of at least 0: trade flows are never below zero)`);
  });
  it('duplicate reporter-year', async () => {
    const p = file('dup.csv', 'reporter,year,exports,imports\nChina,2025,3.77T,2.58T\nchina,2025,3.7T,2.5T\n');
    expect(await dataError(p)).toContain(`${p}:3: China 2025 exports and imports appear twice (also at ${p}:2); give each reporter, partner, period and flow once`);
  });
  it('unknown unit', async () => {
    const p = file('unit.csv', 'reporter,year,exports,imports,unit\nChina,2025,3.77,2.58,USD gazillion\n');
    expect(await dataError(p)).toContain(`${p}:2:22: unit "USD gazillion" is not a unit (expected USD, USD bn, USD million, USD thousand, or T, B, M, K)`);
  });
  it('every problem at once, not just the first', async () => {
    const p = file('many.csv', 'reporter,year,exports,imports\nChina,25,x,1T\nChina,2024,1T,-1\n');
    const lines = (await dataError(p)).trimEnd().split('\n');
    expect(lines[0]).toBe(`tradecalc: ${p}: invalid dataset`);
    expect(lines.slice(1)).toEqual([
      `  ${p}:2:7: year "25" is not valid (expected a four-digit year such as 2025)`,
      `  ${p}:2:10: exports "x" is not a number (expected an amount such as 3.58T or 3580000000000)`,
      `  ${p}:3:15: imports "-1" is negative (expected an amount of at least 0: trade flows are never below zero)`,
    ]);
  });
  it('empty file', async () => {
    const p = file('empty.csv', '');
    expect(await dataError(p)).toBe(`tradecalc: ${p}: the file is empty (expected a JSON dataset, a CSV with a header row such as reporter,year,exports,imports, or a publisher download)\n`);
    const blank = file('blank.json', '\uFEFF  \n');
    expect(await dataError(blank)).toContain('the file is empty');
  });
  it('a header with no rows', async () => {
    const p = file('header.csv', 'reporter,year,exports,imports\r\n');
    expect(await dataError(p)).toBe(`tradecalc: ${p}: the header has no rows under it (expected one row per reporter and year)\n`);
  });
  it('truncated JSON, with the line and column where it stops', async () => {
    const p = file('cut.json', '{\n  "schemaVersion": 1,\n  "years": [\n    { "year": 2025, "exports": "1T"');
    expect(await dataError(p)).toBe(`tradecalc: ${p}:4:35: not valid JSON: the file ends before the JSON does (truncated?)\n`);
  });
  it('a JSON syntax error in the middle', async () => {
    const p = file('syntax.json', '{\n  "id": "x",\n  "title": ,\n}');
    expect(await dataError(p)).toBe(`tradecalc: ${p}:3:12: not valid JSON: an unexpected character "," (expected a value)\n`);
  });
  it('a valid JSON document that is not a dataset names each JSON path', async () => {
    const p = file('schema.json', JSON.stringify({ schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'usd', years: [{ year: 'last', exports: '1T', imports: '1T' }] }));
    const err = await dataError(p);
    expect(err).toContain(`tradecalc: ${p}: invalid dataset\n`);
    expect(err).toContain('  $.currency: expected an ISO 4217 code such as USD\n');
    expect(err).toMatch(/ {2}\$\.years\[0\]\.year: /);
    // Units are read once the shape is right, and named by path too.
    const unit = file('unit.json', JSON.stringify({ schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD', years: [{ year: 2025, exports: '1T', imports: { value: '1', unit: 'gallons' } }] }));
    expect(await dataError(unit)).toContain('  $.years[0].imports.unit: unknown unit "gallons"');
  });
  it('a directory given as a file', async () => {
    const p = join(dir, 'a-directory');
    mkdirSync(p, { recursive: true });
    expect(await dataError(p)).toBe(`tradecalc: ${p}: the directory holds no data files (expected .csv, .tsv, .txt, .dat, .json, .gz, .parquet files)\n`);
  });
  it('a missing file', async () => {
    const p = join(dir, 'nope.csv');
    expect(await dataError(p)).toBe(`tradecalc: ${p}: no such file (expected a dataset or a publisher's download)\n`);
  });
  it('a file that is not UTF-8', async () => {
    const p = file('latin1.csv', Buffer.from([0x72, 0x65, 0xe9, 0x0a]));
    expect(await dataError(p)).toContain('is not UTF-8 text');
  });
  it('a quote that is never closed', async () => {
    const p = file('quote.csv', 'reporter,year,exports,imports\n"China,2025,1T,1T\n');
    expect(await dataError(p)).toBe(`tradecalc: ${p}:2: not valid CSV: a quoted field is never closed (expected a closing " before the end of the file)\n`);
    const after = file('after.csv', 'reporter,year,exports,imports\n"China"x,2025,1T,1T\n');
    expect(await dataError(after)).toBe(`tradecalc: ${after}:2: not valid CSV: text follows a closing quote (expected a delimiter or the end of the line after a quoted field)\n`);
  });
  it('no size cap, but a cap on one record: a file streams, a line without end is refused', async () => {
    const p = file('big.csv', `reporter,year,exports,imports\n${Array.from({ length: 20000 }, (_, i) => `R${i},2025,1,1\n`).join('')}`);
    expect((await loadDatasetFile(p, { cwd: '/' })).datasets).toHaveLength(20000);
    const endless = (async function* () {
      yield Buffer.from('reporter,year,exports,imports\n');
      for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 0x41);
    })();
    await expect(loadDatasetFile('-', { cwd: '/', stdin: endless })).rejects.toThrow(/<stdin>:2: not valid CSV: a record longer than 1048576 characters/);
  });
  it('a row with the wrong number of fields', async () => {
    const err = await datasetsFromText('reporter,year,exports,imports\nChina,2025,1T\n', 'short.csv').catch((e: DataError) => e.problems);
    expect(err).toEqual(['short.csv:2:1: has 3 fields, the header has 4']);
  });
});
