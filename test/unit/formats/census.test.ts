// US Census Bureau international trade API files (test/fixtures/publishers/census, README.md there):
// exports and imports joined by partner and month, the world row apart from country groups, _MO
// months never mixed with _YR year-to-date values, general imports before imports for
// consumption, missing values left out, commodity totals apart from their chapters. Every
// expected figure is worked out by hand in the comments, from the fixture's numbers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/types.js';
import { census } from '../../../src/data/formats/census.js';
import { comext } from '../../../src/data/formats/comext.js';
import { DataError } from '../../../src/errors.js';
import { cli } from '../../helpers.js';
import { MISSING, byName, failure, load, partnerOf as partner, root, tempFiles, text } from './publisher-files.js';

const fixtures = 'test/fixtures/publishers/census';
const year2024 = `${fixtures}/2024`;
const file = tempFiles('tradecalc-census-');

const one = async (data: string[], req = {}): Promise<Dataset> => {
  const loaded = await load(data, req);
  expect(loaded.datasets).toHaveLength(1);
  return loaded.datasets[0]!;
};
/** A file in the temp folder, from JSON rows. */
const write = (name: string, rows: unknown[][]) => file(name, `[${rows.map((r) => JSON.stringify(r)).join(',\n')}]\n`);

const GROUPS = 'country groups (codes 0…, regions 1XXX–7XXX, SUMMARY_LVL CGP) overlap the countries: not summed';
const PARTS = 'rows by commodity codes beside the totals they make up: the totals are used, the parts not summed';
const YTD = 'year-to-date values (…_VAL_YR) before December: neither a month nor a year, not used';

describe('Census exports and imports files, joined (test/fixtures/publishers/census/2024)', () => {
  it('a year from twelve months of the world row, general imports (not imports for consumption)', async () => {
    const ds = await one([year2024]);
    expect(ds).toMatchObject({ reporter: 'United States', reporterCode: 'USA', currency: 'USD' });
    // Exports 170.1B in January, +0.5B a month: 12 × 170.1B + (0+1+…+11) × 0.5B = 2,041.2B + 33B = 2,074.2B.
    // General imports 260.2B, +0.7B a month: 12 × 260.2B + 66 × 0.7B = 3,122.4B + 46.2B = 3,168.6B.
    expect(ds.years.map((y) => ({ year: y.year, exports: text(y.exports), imports: text(y.imports), basis: y.basis }))).toEqual([{ year: 2024, exports: '2074200000000', imports: '3168600000000', basis: 'months' }]);
    // January: GEN_VAL_MO 260,200,000,000, not CON_VAL_MO 258,200,000,000; the _YR columns are not read.
    expect(ds.months[0]).toMatchObject({ month: '2024-01' });
    expect(text(ds.months[0]!.exports)).toBe('170100000000');
    expect(text(ds.months[0]!.imports)).toBe('260200000000');
    expect(ds.months).toHaveLength(14);
  });

  it('two months of 2025 are a year-to-date gap, never a year', async () => {
    const ds = await one([year2024]);
    // Exports 175B + 168B = 343B; imports 270B + 255B = 525B.
    expect(ds.gaps).toEqual([{ year: 2025, reason: 'year-to-date', months: [1, 2], exports: expect.anything(), imports: expect.anything() }]);
    const gap = ds.gaps[0] as { exports: { toFixed(): string }; imports: { toFixed(): string } };
    expect(gap.exports.toFixed()).toBe('343000000000');
    expect(gap.imports.toFixed()).toBe('525000000000');
  });

  it('partners are the countries, with their Schedule C codes as text; groups and regions are left out', async () => {
    const ds = await one([year2024]);
    expect(ds.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['CHINA', '5700'],
      ['MEXICO', '2010'],
    ]);
    // China: exports 11B + 0.1B a month: 132B + 6.6B = 138.6B; imports 35B + 0.25B a month: 420B + 16.5B = 436.5B.
    const china = partner(ds, 'CHINA');
    expect(china.years.map((y) => [y.year, text(y.exports), text(y.imports)])).toEqual([[2024, '138600000000', '436500000000']]);
  });

  it('a missing value is not zero: Mexico without its July imports has no 2024, only eleven months', async () => {
    const mexico = partner(await one([year2024]), 'MEXICO');
    expect(mexico.years).toEqual([]);
    const gap = mexico.gaps.find((g) => g.year === 2024) as { reason: string; months: number[]; exports: { toFixed(): string }; imports: { toFixed(): string } };
    expect(gap.reason).toBe('year-to-date');
    expect(gap.months).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    // Exports, 12 months: 12 × 27B + 66 × 0.2B = 337.2B, less July (27B + 6 × 0.2B = 28.2B) = 309B.
    expect(gap.exports.toFixed()).toBe('309000000000');
    // Imports, 12 months: 12 × 39B + 66 × 0.3B = 487.8B, less July (39B + 6 × 0.3B = 40.8B) = 447B.
    expect(gap.imports.toFixed()).toBe('447000000000');
    expect(mexico.months.find((m) => m.month === '2024-07')).toMatchObject({ imports: undefined });
  });

  it('provenance: the rows used and left out, by reason; valuation; unit; no warning', async () => {
    const ds = await one([year2024]);
    // 5 country rows × 14 months in each of the two files = 140 rows. Left out: the European Union
    // (0003) and Asia (5XXX), 2 × 14 × 2 files = 56, and Mexico's July imports (null) = 1.
    // Used: 140 − 56 − 1 = 83.
    expect(ds.provenance).toMatchObject({
      publisher: 'US Census Bureau',
      layout: 'census',
      files: [
        { name: `${year2024}/exports.json`, layout: 'census', rowCount: 70 },
        { name: `${year2024}/imports.json`, layout: 'census', rowCount: 70 },
      ],
      rowCount: 140,
      usedRowCount: 83,
      excluded: [
        { reason: GROUPS, rowCount: 56 },
        { reason: MISSING, rowCount: 1 },
      ],
      valuation: { exports: 'f.a.s. (free alongside ship)', imports: 'customs value (general imports)' },
      unit: 'US dollars',
      warnings: [],
    });
  });

  it('the exports file alone: 2024 is a gap for want of imports, not a year', async () => {
    const ds = await one([`${year2024}/exports.json`]);
    expect(ds.years).toEqual([]);
    expect(ds.gaps).toContainEqual(expect.objectContaining({ year: 2024, reason: 'missing-flow', missing: ['imports'] }));
  });

  it('the two files named one by one, in either order, are the directory', async () => {
    const dir = await one([year2024]);
    const files = await one([`${year2024}/imports.json`, `${year2024}/exports.json`]);
    expect(files.years).toEqual(dir.years);
    expect(files.partners).toEqual(dir.partners);
  });

  it('gzipped copies give the same totals', async () => {
    const gzFile = tempFiles('tradecalc-census-gz-');
    const gz = dirname(['exports.json', 'imports.json'].map((f) => gzFile(`${f}.gz`, gzipSync(readFileSync(join(root, year2024, f)))))[0]!);
    const plain = await one([year2024]);
    const zipped = await one([gz]);
    expect(zipped.years).toEqual(plain.years);
    expect(zipped.gaps).toEqual(plain.gaps);
    expect(zipped.partners).toEqual(plain.partners);
  });

  it('property: the rows split between two files (same header) give the same totals', async () => {
    const whole = await one([year2024]);
    const exportsRows = JSON.parse(readFileSync(join(root, year2024, 'exports.json'), 'utf8')) as unknown[][];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: exportsRows.length - 1, maxLength: exportsRows.length - 1 }), async (side) => {
        const [header, ...rows] = exportsRows;
        const a = write(`split-${run}-a.json`, [header!, ...rows.filter((_, i) => side[i])]);
        const b = write(`split-${run++}-b.json`, [header!, ...rows.filter((_, i) => !side[i])]);
        const split = await one([a, b, `${year2024}/imports.json`]);
        expect(split.years).toEqual(whole.years);
        expect(split.gaps).toEqual(whole.gaps);
        expect(byName(split.partners)).toEqual(byName(whole.partners));
      }),
      { numRuns: 15 },
    );
  });

  it('--partner keeps the world total and that country only', async () => {
    const loaded = await load([year2024], { partner: '5700' });
    const ds = loaded.datasets[0]!;
    expect(ds.partners.map((p) => p.partner)).toEqual(['CHINA']);
    expect(text(ds.years[0]!.exports)).toBe('2074200000000');
    // Mexico's rows, 14 × 2 − 1 (its missing July import is now just another Mexico row) = 28.
    expect(ds.provenance!.excluded).toContainEqual({ reason: 'other partners (not selected)', rowCount: 28 });
  });
});

describe('commodity totals beside their chapters (exports-by-commodity.json, January 2024)', () => {
  it('the totals are used, chapters and headings are not summed with them; without a total, chapters are summed', async () => {
    const ds = await one([`${fixtures}/exports-by-commodity.json`]);
    // World: the total row "-" 170.1B, not 170.1B + 25.3B + 22.4B + 3.1B.
    expect(text(ds.months[0]!.exports)).toBe('170100000000');
    // China: the total 11B, not 11B + 1.9B + 2.6B.
    expect(text(partner(ds, 'CHINA').months[0]!.exports)).toBe('11000000000');
    // Mexico has no total row: its chapters 02, 84 and 87 are summed, 0.3B + 4B + 5B = 9.3B; the
    // heading 8703 (2B) is inside chapter 87, not added.
    expect(text(partner(ds, 'MEXICO').months[0]!.exports)).toBe('9300000000');
    // Left out: the European Union (1); parts: World 27, 84, 8471 (3), China 84, 85 (2), Mexico 8703 (1).
    expect(ds.provenance).toMatchObject({
      rowCount: 12,
      usedRowCount: 5,
      excluded: [
        { reason: PARTS, rowCount: 6 },
        { reason: GROUPS, rowCount: 1 },
      ],
    });
    expect(ds.gaps).toMatchObject([{ year: 2024, reason: 'missing-flow', missing: ['imports'] }]);
  });
});

describe('Census layouts, one rule at a time', () => {
  const H = ['CTY_CODE', 'CTY_NAME', 'ALL_VAL_MO', 'time'];

  it('codes are text: "0003" and "0022" are groups, "1XXX" a region; SUMMARY_LVL CGP alone marks a group too', async () => {
    const f = write('groups.json', [
      [...H, 'SUMMARY_LVL'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '100', '2024-01', 'DET'],
      ['0003', 'EUROPEAN UNION', '30', '2024-01', 'DET'],
      ['0022', 'OECD', '60', '2024-01', 'DET'],
      ['1XXX', 'NORTH AMERICA', '20', '2024-01', 'DET'],
      ['9999', 'SOME GROUPING', '10', '2024-01', 'CGP'],
      ['1220', 'CANADA', '15', '2024-01', 'DET'],
    ]);
    const ds = await one([f]);
    expect(text(ds.months[0]!.exports)).toBe('100');
    expect(ds.partners.map((p) => [p.partner, p.partnerCode])).toEqual([['CANADA', '1220']]);
    expect(ds.provenance!.excluded).toEqual([{ reason: GROUPS, rowCount: 4 }]);
  });

  it('the world row of older responses has an empty CTY_CODE; a file without country columns is the world total', async () => {
    const older = write('older.json', [H, ['', 'TOTAL FOR ALL COUNTRIES', '185671930029', '2017-01'], ['1010', 'GREENLAND', '181540', '2017-01']]);
    const ds = await one([older]);
    expect(text(ds.months[0]!.exports)).toBe('185671930029');
    expect(ds.partners.map((p) => p.partner)).toEqual(['GREENLAND']);
    const totalOnly = write('total-only.json', [['ALL_VAL_MO', 'YEAR', 'MONTH'], ['170100000000', '2024', '01']]);
    expect(text((await one([totalOnly])).months[0]!.exports)).toBe('170100000000');
  });

  it('imports for consumption are used only when general imports are absent, and the user is told', async () => {
    const f = write('consumption.json', [['CTY_CODE', 'CTY_NAME', 'CON_VAL_MO', 'time'], ['-', 'TOTAL FOR ALL COUNTRIES', '258200000000', '2024-01']]);
    const loaded = await load([f]);
    expect(text(loaded.datasets[0]!.months[0]!.imports)).toBe('258200000000');
    expect(loaded.warnings).toEqual([`${f}: imports for consumption (CON_VAL_MO) are used, as the file has no general imports (GEN_VAL_…): valued at customs value of imports for consumption`]);
  });

  it('year-to-date values only: December gives the year, earlier months are left out, never added', async () => {
    const ex = write('ytd-exports.json', [
      ['CTY_CODE', 'CTY_NAME', 'ALL_VAL_YR', 'YEAR', 'MONTH'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '1000', '2024', '11'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '1100', '2024', '12'],
    ]);
    const im = write('ytd-imports.json', [
      ['CTY_CODE', 'CTY_NAME', 'GEN_VAL_YR', 'YEAR', 'MONTH'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '1500', '2024', '11'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '1650', '2024', '12'],
    ]);
    const loaded = await load([ex, im]);
    const ds = loaded.datasets[0]!;
    // December's year to date is the year: 1,100 and 1,650, not 1,000 + 1,100.
    expect(ds.years.map((y) => [y.year, text(y.exports), text(y.imports), y.basis])).toEqual([[2024, '1100', '1650', 'annual']]);
    expect(ds.months).toEqual([]);
    expect(ds.provenance!.excluded).toEqual([{ reason: YTD, rowCount: 2 }]);
    expect(loaded.warnings).toContain(`${ex}: year-to-date values only (ALL_VAL_YR): each year is December's year to date, earlier months are left out`);
  });

  it('without CTY_NAME, partners are named by their codes, and the user is told why a join may fail', async () => {
    const f = write('codes-only.json', [['CTY_CODE', 'ALL_VAL_MO', 'time'], ['-', '100', '2024-01'], ['5700', '11', '2024-01']]);
    const loaded = await load([f]);
    expect(loaded.datasets[0]!.partners.map((p) => [p.partner, p.partnerCode])).toEqual([['5700', '5700']]);
    expect(loaded.warnings?.[0]).toMatch(/no CTY_NAME column: partners are named by their Schedule C codes/);
  });

  it('a value that is no number names the file and the row; so does a row of the wrong length', async () => {
    const f = write('bad-value.json', [H, ['-', 'TOTAL FOR ALL COUNTRIES', '100', '2024-01'], ['5700', 'CHINA', '12a', '2024-01'], ['2010', 'MEXICO', '9']]);
    const err = await failure([f]);
    expect(err.message).toBe(`${f}: the data cannot be read`);
    expect(err.problems).toEqual([`${f}: $[2]: the value "12a" of ALL_VAL_MO is not a value (a decimal number, at most 1e21 in size and 20 decimal places)`, `${f}: $[3]: the row has 3 values, the header 4`]);
  });

  it('broken JSON names the file, line and column', async () => {
    const f = file('truncated.json', '[["CTY_CODE","CTY_NAME","ALL_VAL_MO","time"],\n["5700","CHINA","11",');
    const err = await failure([f]);
    expect(err.message).toMatch(new RegExp(`^${f}:2:\\d+: not valid JSON`));
  });

  it('a header with both flows, or with no value column, is a problem, said once', async () => {
    const both = write('both.json', [['CTY_CODE', 'ALL_VAL_MO', 'GEN_VAL_MO', 'time'], ['-', '1', '2', '2024-01']]);
    expect((await failure([both])).problems).toEqual([`${both}: $[0]: the header has export (ALL_VAL_…) and import (GEN_VAL_…, CON_VAL_…) values: exports and imports come from separate endpoints, one file each`]);
    const none = write('none.json', [['CTY_CODE', 'CTY_NAME', 'time'], ['-', 'TOTAL FOR ALL COUNTRIES', '2024-01'], ['5700', 'CHINA', '2024-01']]);
    expect((await failure([none])).problems).toHaveLength(1);
  });

  it('a period that is not a month is a problem', async () => {
    const f = write('period.json', [H, ['-', 'TOTAL FOR ALL COUNTRIES', '100', '2024']]);
    expect((await failure([f])).problems).toEqual([`${f}: $[1]: the period "2024" is not a month (expected time such as "2024-01", or YEAR and MONTH)`]);
  });
});

describe('recognising Census files', () => {
  const head = (path: string) => readFileSync(join(root, path), 'utf8').slice(0, 65536);
  const csvHead = (line: string) => ({ name: 'x.csv', head: `${line}\n1,2,3\n`, header: line.split(',') });

  it('picks the API response, and no other layout claims it', async () => {
    const h = { name: 'exports.json', head: head(`${year2024}/exports.json`) };
    expect(census.recognise(h)).toBe(9);
    expect(comext.recognise(h)).toBe(0);
    const { recogniseLayout } = await import('../../../src/data/formats/registry.js');
    expect(recogniseLayout(h)?.id).toBe('census');
  });

  it('does not claim our own CSV, a Comtrade CSV or JSON, an IMF or a Comext SDMX-CSV', () => {
    for (const line of ['reporter,year,exports,imports', 'typeCode,freqCode,refPeriodId,reporterCode,flowCode,partnerCode,primaryValue', 'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE', 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE']) {
      expect(census.recognise(csvHead(line))).toBeLessThan(5);
    }
    expect(census.recognise({ name: 'c.json', head: '{"elapsedTime":"1s","count":1,"data":[{"reporterCode":156,"flowCode":"X","primaryValue":1}]}' })).toBe(0);
    expect(census.recognise({ name: 'own.json', head: '{"schemaVersion":2,"datasets":[[1]]}' })).toBe(0);
  });

  it('--from comext refuses a Census file, naming what it expected', async () => {
    const err = await load([`${year2024}/exports.json`], { from: 'comext' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/exports\.json: not a file tradecalc knows .*expected a comext file \(comext\)/);
    expect((await load([year2024], { from: 'census' })).datasets).toHaveLength(1);
  });
});

describe('the CLI on Census files', () => {
  it('summary of the directory: the 2024 world totals, in US dollars', async () => {
    const r = await cli(['summary', '--data', join(root, year2024), '--json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    // 2,074.2B − 3,168.6B = −1,094.4B
    expect(doc).toMatchObject({ dataset: { reporter: 'United States', currency: 'USD' }, assumptions: { year: 2024 }, exports: 2074200000000, imports: 3168600000000, balance: -1094400000000, balanceKind: 'deficit' });
  });

  it('--partner china gives the bilateral view', async () => {
    const r = await cli(['summary', '--data', join(root, year2024), '--partner', 'china', '--json']);
    // 138.6B − 436.5B = −297.9B
    expect(JSON.parse(r.stdout)).toMatchObject({ exports: 138600000000, imports: 436500000000, balance: -297900000000 });
  });

  it('a bad row is a data error: exit 3, the file and row on stderr, nothing on stdout', async () => {
    const f = write('cli-bad.json', [['CTY_CODE', 'CTY_NAME', 'ALL_VAL_MO', 'time'], ['5700', 'CHINA', 'n/a?', '2024-01']]);
    const r = await cli(['summary', '--data', f]);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toBe(`tradecalc: ${f}: the data cannot be read\n  ${f}: $[1]: the value "n/a?" of ALL_VAL_MO is not a value (a decimal number, at most 1e21 in size and 20 decimal places)\n`);
  });
});
