// China customs (GACC) query downloads: every trap of the layout, with totals worked out by hand
// from the fixtures in test/fixtures/publishers/china-customs (see its README.md).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, MonthRecord } from '../../../src/core/types.js';
import { DataError } from '../../../src/errors.js';
import { chinaCustoms, flowFromName, gbText } from '../../../src/data/formats/china-customs.js';
import { recogniseLayout } from '../../../src/data/formats/registry.js';
import { type LoadRequest, loadData } from '../../../src/data/load.js';
import { cli } from '../../helpers.js';

const dir = new URL('../../fixtures/publishers/china-customs/', import.meta.url).pathname;
const EXPORTS = `${dir}exports_2024-2025_usd.csv`;
const IMPORTS = `${dir}imports_2024-2025_usd.csv`;
const HS8 = `${dir}exports_202401-202402_hs8_by_regime.csv`;
const TOTALS = `${dir}exports_202403_with_totals.csv`;
const CHINESE = `${dir}进口_202401-202402_人民币.csv`;
const GB_NAMES = `${dir}exports_202401_gb18030_names.csv`;
const NO_FLOW = `${dir}gacc_query_202401.csv`;

const MISSING = 'rows whose value is missing ("-"), which is not zero: not added';
const INCOMPLETE = 'rows whose partner and month have another part missing: their sum would not be the total, so it is not added';

async function load(data: string[], req: Omit<LoadRequest, 'data'> = {}) {
  return loadData({ data, ...req }, { cwd: dir });
}
async function china(data: string[], req: Omit<LoadRequest, 'data'> = {}): Promise<Dataset> {
  const loaded = await load(data, req);
  expect(loaded.datasets).toHaveLength(1);
  return loaded.datasets[0]!;
}
const text = (d: { toFixed(): string } | null | undefined) => d?.toFixed();
const month = (months: readonly MonthRecord[], m: string) => months.find((x) => x.month === m);
const partner = (ds: Dataset, name: string) => ds.partners.find((p) => p.partner === name);
/** The load's problems, as the DataError lists them. */
async function problems(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataError);
  return [...(err as DataError).problems];
}
function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tradecalc-gacc-'));
}

describe('China customs: the exports and imports files of 2024–2025 (by month and partner)', () => {
  it('sums twelve months into 2024, World being the sum of the partners', async () => {
    const ds = await china([EXPORTS, IMPORTS]);
    expect(ds.reporter).toBe('China');
    expect(ds.reporterCode).toBe('CHN');
    expect(ds.currency).toBe('USD');
    const y = ds.years.find((r) => r.year === 2024)!;
    expect(y.basis).toBe('months');
    // Exports: United States 11 × 40,000,000 + 46,000,000 (December) = 486,000,000;
    // Japan 12 × 13,500,000 = 162,000,000; Germany 12 × 8,250,500 = 99,006,000;
    // 486,000,000 + 162,000,000 + 99,006,000 = 747,006,000 US dollars.
    expect(text(y.exports.value)).toBe('747006000');
    // Imports: United States 12 × 13,750,000 = 165,000,000; Japan 12 × 15,000,000 = 180,000,000;
    // Germany 12 × 9,100,250 = 109,203,000; 165,000,000 + 180,000,000 + 109,203,000 = 454,203,000.
    expect(text(y.imports.value)).toBe('454203000');
    // Each value is whole dollars: ± 0.5 a row, 36 rows a flow → ± 18.
    expect(text(y.exports.halfWidth)).toBe('18');
    // December: 46,000,000 + 13,500,000 + 8,250,500 = 67,750,500.
    expect(text(month(ds.months, '2024-12')?.exports?.value)).toBe('67750500');
  });

  it('2025 has January whole and February without exports (Germany "-"): a year-to-date, not a year', async () => {
    const ds = await china([EXPORTS, IMPORTS]);
    expect(ds.years.map((y) => y.year)).toEqual([2024]);
    // World exports 2025-01: 41,000,000 + 14,000,000 + 8,300,000 = 63,300,000;
    // imports 2025-01: 14,000,000 + 15,500,000 + 9,000,000 = 38,500,000.
    expect(ds.gaps).toEqual([{ year: 2025, reason: 'year-to-date', months: [1], exports: expect.anything(), imports: expect.anything() }]);
    const gap = ds.gaps[0] as { exports: { toFixed(): string }; imports: { toFixed(): string } };
    expect(gap.exports.toFixed()).toBe('63300000');
    expect(gap.imports.toFixed()).toBe('38500000');
    // February's World exports are unknown (a part is missing), not 41,000,000 + 14,000,000.
    const feb = month(ds.months, '2025-02')!;
    expect(feb.exports).toBeUndefined();
    expect(text(feb.imports?.value)).toBe('38500000');
    // Germany itself: February exports missing, imports 9,000,000.
    const de = partner(ds, 'Germany')!;
    expect(month(de.months, '2025-02')?.exports).toBeUndefined();
    expect(text(month(de.months, '2025-02')?.imports?.value)).toBe('9000000');
  });

  it('lists the partners with their GACC codes (text), and the World total apart', async () => {
    const ds = await china([EXPORTS, IMPORTS]);
    expect(ds.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['United States', '502'],
      ['Japan', '116'],
      ['Germany', '304'],
    ]);
    const us = partner(ds, 'United States')!.years.find((y) => y.year === 2024)!;
    expect(text(us.exports.value)).toBe('486000000');
    expect(text(us.imports.value)).toBe('165000000');
  });

  it('says in provenance what it used and left out, the valuation, and what World covers', async () => {
    const ds = await china([EXPORTS, IMPORTS]);
    const p = ds.provenance!;
    expect(p.publisher).toBe('China customs (GACC)');
    expect(p.layout).toBe('china-customs');
    expect(p.valuation).toEqual({ exports: 'FOB', imports: 'CIF' });
    expect(p.files.map((f) => [f.name, f.rowCount])).toEqual([
      [EXPORTS, 42],
      [IMPORTS, 42],
    ]);
    // 84 rows: one without a value ("-"), 83 used (World is summed from them, not counted again).
    expect(p.rowCount).toBe(84);
    expect(p.usedRowCount).toBe(83);
    expect(p.excluded).toEqual([{ reason: MISSING, rowCount: 1 }]);
    expect(p.warnings).toEqual([
      `${EXPORTS}: no total partner row: World is the sum of the 3 partners in the file (what the query selected, not necessarily all of China's trade)`,
      `${EXPORTS}: no World for 2025-02: a partner's value is missing (or partners are given at different levels), so their sum is not the total`,
      `${IMPORTS}: no total partner row: World is the sum of the 3 partners in the file (what the query selected, not necessarily all of China's trade)`,
    ]);
  });

  it('--partner keeps one partner, and World still sums them all', async () => {
    const ds = await china([EXPORTS, IMPORTS], { partner: 'Japan' });
    expect(ds.partners.map((p) => p.partner)).toEqual(['Japan']);
    expect(text(ds.years[0]!.exports.value)).toBe('747006000');
    // The United States' exports row of 2025-02 is used nowhere: it is not the partner asked
    // for, and World is not summed that month (Germany's is missing). 84 = 82 + 1 + 1.
    expect(ds.provenance!.usedRowCount).toBe(82);
    expect(ds.provenance!.excluded).toEqual([
      // Equal counts: in the order of their reasons' text, whichever engine read the rows.
      { reason: 'other partners (not selected)', rowCount: 1 },
      { reason: MISSING, rowCount: 1 },
    ]);
  });

  it('the same totals from a gzipped copy', async () => {
    const tmp = tempDir();
    const gz = join(tmp, 'exports_2024-2025_usd.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(EXPORTS)));
    const ds = await china([gz, IMPORTS]);
    expect(text(ds.years[0]!.exports.value)).toBe('747006000');
    expect(text(ds.years[0]!.imports.value)).toBe('454203000');
    expect(ds.provenance!.files[0]).toEqual({ name: gz, layout: 'china-customs', rowCount: 42 });
  });

  it('property: a query split in two (by months, as the 10,000-row cap makes people do) gives the same totals', async () => {
    const lines = readFileSync(EXPORTS, 'latin1').split('\r\n').filter((l) => l !== '');
    const [header, ...rows] = lines;
    const months = [...new Set(rows.map((r) => r.slice(1, 7)))];
    const whole = await china([EXPORTS, IMPORTS]);
    const tmp = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: months.length, maxLength: months.length }), async (sides) => {
        run++;
        const first = new Set(months.filter((_, k) => sides[k]));
        const a = join(tmp, `exports_part_a_${run}.csv`);
        const b = join(tmp, `exports_part_b_${run}.csv`);
        writeFileSync(a, [header, ...rows.filter((r) => first.has(r.slice(1, 7)))].join('\r\n') + '\r\n');
        writeFileSync(b, [header, ...rows.filter((r) => !first.has(r.slice(1, 7)))].join('\r\n') + '\r\n');
        const split = await china([a, b, IMPORTS]);
        expect(split.years.map((y) => [y.year, text(y.exports.value), text(y.imports.value)])).toEqual(whole.years.map((y) => [y.year, text(y.exports.value), text(y.imports.value)]));
        expect(split.months.map((m) => [m.month, text(m.exports?.value), text(m.imports?.value)])).toEqual(whole.months.map((m) => [m.month, text(m.exports?.value), text(m.imports?.value)]));
        expect(split.provenance!.usedRowCount).toBe(whole.provenance!.usedRowCount);
      }),
      { numRuns: 8 },
    );
  });

  it('property: an imports query split by partners (no value missing) gives the same World', async () => {
    const [header, ...rows] = readFileSync(IMPORTS, 'latin1').split('\r\n').filter((l) => l !== '');
    const tmp = tempDir();
    const a = join(tmp, 'imports_us.csv');
    const b = join(tmp, 'imports_others.csv');
    writeFileSync(a, [header, ...rows.filter((r) => r.includes('"502"'))].join('\r\n'));
    writeFileSync(b, [header, ...rows.filter((r) => !r.includes('"502"'))].join('\r\n'));
    const ds = await china([EXPORTS, a, b]);
    expect(text(ds.years[0]!.imports.value)).toBe('454203000');
  });
});

describe('China customs: the full header (commodity codes, customs regimes, quantities)', () => {
  it('sums commodity codes and regimes, keeps a leading-zero code at its HS8 level, and refuses a sum with a missing part', async () => {
    const ds = await china([HS8]);
    // Republic of Korea, 2024-01: 1,161,000 + 2,339,000 (85176200 under two regimes) + 500,500
    // (03061719: eight digits, the leading zero kept) = 4,000,500.
    const kr = partner(ds, 'Republic of Korea')!;
    expect(kr.partnerCode).toBe('133');
    expect(text(month(kr.months, '2024-01')?.exports?.value)).toBe('4000500');
    // 2024-02: 1,200,000 + 2,400,000 + 600,000 = 4,200,000.
    expect(text(month(kr.months, '2024-02')?.exports?.value)).toBe('4200000');
    // Viet Nam, 2024-01: 3,000,000 + 250,250 = 3,250,250; 2024-02 has a "-": no figure at all.
    const vn = partner(ds, 'Viet Nam')!;
    expect(text(month(vn.months, '2024-01')?.exports?.value)).toBe('3250250');
    expect(month(vn.months, '2024-02')?.exports).toBeUndefined();
    // World, 2024-01: 4,000,500 + 3,250,250 = 7,250,750; 2024-02: unknown (Viet Nam's part missing).
    expect(text(month(ds.months, '2024-01')?.exports?.value)).toBe('7250750');
    expect(month(ds.months, '2024-02')?.exports).toBeUndefined();
  });

  it('an exports file alone: imports are a missing flow, not zero', async () => {
    const ds = await china([HS8]);
    expect(ds.years).toEqual([]);
    expect(ds.gaps).toMatchObject([{ year: 2024, reason: 'missing-flow', missing: ['imports'] }]);
  });

  it('counts the rows left out, and says what the sums cover', async () => {
    const p = (await china([HS8])).provenance!;
    expect(p.rowCount).toBe(10);
    expect(p.usedRowCount).toBe(8);
    expect(p.excluded).toEqual([
      { reason: INCOMPLETE, rowCount: 1 },
      { reason: MISSING, rowCount: 1 },
    ]);
    expect(p.warnings).toEqual([
      `${HS8}: no total partner row: World is the sum of the 2 partners in the file (what the query selected, not necessarily all of China's trade)`,
      `${HS8}: no World for 2024-02: a partner's value is missing (or partners are given at different levels), so their sum is not the total`,
      `${HS8}: no commodity total: the figures add up the 2 commodity codes in the file (all of them only if the query selected all)`,
      `${HS8}: no all-regimes total: the figures add up the 2 customs regimes in the file (all of them only if the query selected all)`,
    ]);
  });
});

describe('China customs: total rows beside their parts (spelling assumed: "Total", "TOTAL")', () => {
  it('uses the totals and never sums them with the chapters or the partners; a continent is left out', async () => {
    const ds = await china([TOTALS]);
    // World, 2024-03: the Total × TOTAL row, 10,000,000 — not 10,000,000 + 6,000,000 + 3,000,000
    // + 4,000,000 + … (chapters and partners beside it).
    expect(text(month(ds.months, '2024-03')?.exports?.value)).toBe('10000000');
    // United States: its TOTAL row, 4,000,000 (not 4,000,000 + 2,500,000 + 1,000,000); Japan 2,000,000.
    expect(text(month(partner(ds, 'United States')!.months, '2024-03')?.exports?.value)).toBe('4000000');
    expect(text(month(partner(ds, 'Japan')!.months, '2024-03')?.exports?.value)).toBe('2000000');
    expect(ds.partners.map((p) => p.partner)).toEqual(['United States', 'Japan']);
    const p = ds.provenance!;
    expect(p.rowCount).toBe(9);
    expect(p.usedRowCount).toBe(3);
    expect(p.excluded).toEqual([
      { reason: 'rows by commodity codes beside the totals they make up: the totals are used, the parts not summed', rowCount: 5 },
      { reason: 'partner groups (continents, the EU, ASEAN…) overlap their member countries: not summed', rowCount: 1 },
    ]);
    expect(p.warnings).toEqual([]);
  });
});

describe('China customs: a Chinese download in GB18030, in renminbi', () => {
  it('reads the Chinese header, the flow from 进口 in the name, the currency from 人民币, and decodes the names', async () => {
    const loaded = await load([CHINESE]);
    expect(loaded.files![0]!.layout).toBe('china-customs');
    const ds = loaded.datasets[0]!;
    expect(ds.currency).toBe('CNY');
    // Imports, 2024-01: 1,000,000 + 2,500,000 = 3,500,000 yuan; 2024-02: 1,100,000 + 2,600,000 = 3,700,000.
    expect(text(month(ds.months, '2024-01')?.imports?.value)).toBe('3500000');
    expect(text(month(ds.months, '2024-02')?.imports?.value)).toBe('3700000');
    expect(month(ds.months, '2024-01')?.exports).toBeUndefined();
    expect(ds.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['中国香港', '110'],
      ['韩国', '133'],
    ]);
    // 亚洲 (Asia) is a group of partners: left out.
    expect(ds.provenance!.excluded).toEqual([{ reason: 'partner groups (continents, the EU, ASEAN…) overlap their member countries: not summed', rowCount: 1 }]);
    expect(ds.provenance!.warnings).toContain(`${CHINESE}: names decoded from GB18030, the Chinese encoding GACC's downloads use`);
  });

  it('an English download whose names carry GB18030 punctuation ("Hong Kong，China")', async () => {
    const ds = await china([GB_NAMES]);
    expect(ds.partners.map((p) => p.partner)).toEqual(['Hong Kong, China', 'Macao, China', 'United States']);
    // 7,000,000 + 300,000 + 40,000,000 = 47,300,000.
    expect(text(month(ds.months, '2024-01')?.exports?.value)).toBe('47300000');
  });

  it('yuan and dollars for one reporter are refused, not converted', async () => {
    const err = await load([CHINESE, EXPORTS]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).problems.join('\n')).toMatch(/China in USD, but in CNY .*nothing is converted/);
  });

  it('gbText leaves real Latin-1 and UTF-8 text alone', () => {
    expect(gbText("Côte d'Ivoire")).toBe("Côte d'Ivoire");
    expect(gbText('Curaçao')).toBe('Curaçao');
    expect(gbText('Hong Kong\u00a3\u00acChina')).toBe('Hong Kong, China');
    expect(gbText('中国香港')).toBe('中国香港');
  });
});

describe('China customs: the flow', () => {
  it('comes from the file name, in English or Chinese', () => {
    expect(flowFromName('/data/China_Exports_2024.csv')).toBe('exports');
    expect(flowFromName('imports-2024.csv')).toBe('imports');
    expect(flowFromName('出口_2024.csv')).toBe('exports');
    expect(flowFromName('进口_2024.csv')).toBe('imports');
    expect(flowFromName('进出口_2024.csv')).toBe('both');
    expect(flowFromName('import and export 2024.csv')).toBe('both');
    expect(flowFromName('exports/query.csv')).toBeUndefined();
  });

  it('a file whose name does not say is refused with a problem asking for --flow', async () => {
    const found = await problems(load([NO_FLOW]));
    expect(found).toEqual([`${NO_FLOW}: a China customs file does not say whether it holds exports or imports, and its name has neither "export" nor "import" (出口/进口): put the flow in its name (exports_2024.csv), or import it with tradecalc import --flow exports (or imports)`]);
  });

  it('--flow says it (and wins over a name that says otherwise, with a warning)', async () => {
    const ex = await china([NO_FLOW], { flow: 'exports' });
    // 40,000,000 + 13,500,000 = 53,500,000.
    expect(text(month(ex.months, '2024-01')?.exports?.value)).toBe('53500000');
    const im = await china([NO_FLOW], { flow: 'imports' });
    expect(text(month(im.months, '2024-01')?.imports?.value)).toBe('53500000');
    const odd = await china([GB_NAMES], { flow: 'imports' });
    expect(odd.provenance!.warnings).toContain(`${GB_NAMES}: read as imports (--flow), though its name suggests exports`);
  });

  it('an "import and export" file is refused', async () => {
    const tmp = tempDir();
    const both = join(tmp, 'import and export 2024.csv');
    writeFileSync(both, readFileSync(NO_FLOW));
    expect((await problems(load([both])))[0]).toMatch(/holds exports and imports added together/);
  });
});

describe('China customs: caps, missing periods, malformed rows', () => {
  const header = '"Date of data","Trading partner code","Trading partner","US dollar",';
  const rows = (n: number) => Array.from({ length: n }, () => '"202401","502","United States","1",');

  it('warns at exactly 10,000 data rows (the query cap), not at 9,999', async () => {
    const tmp = tempDir();
    const at = join(tmp, 'exports_capped.csv');
    writeFileSync(at, [header, ...rows(10000)].join('\r\n') + '\r\n');
    const under = join(tmp, 'exports_under.csv');
    writeFileSync(under, [header, ...rows(9999)].join('\r\n') + '\r\n');
    const capped = await china([at]);
    expect(capped.provenance!.warnings).toContain(`${at} has exactly 10000 rows, the China customs query download cap: it is probably cut short (download it in parts)`);
    // 10,000 × 1 = 10,000 dollars.
    expect(text(month(capped.months, '2024-01')?.exports?.value)).toBe('10000');
    expect((await china([under])).provenance!.warnings.some((w) => w.includes('cap'))).toBe(false);
  });

  it('a query without "Date of data" has no period: refused', async () => {
    const tmp = tempDir();
    const f = join(tmp, 'exports_one_month.csv');
    writeFileSync(f, '"Trading partner code","Trading partner","US dollar",\r\n"502","United States","40,000,000",\r\n');
    expect(await problems(load([f]))).toEqual([`${f}:1: has no "Date of data" column, so its period is unknown (GACC leaves it out of a query for one month, or for months added together): query again with the data shown month by month`]);
  });

  it('a malformed row is a DataError naming the file and the line', async () => {
    const tmp = tempDir();
    const f = join(tmp, 'exports_bad.csv');
    writeFileSync(f, [header, '"202401","502","United States","40,000,000",', '"202401","116","Japan","13,5OO,000",', '"2024-Q1","304","Germany","1",', '"202401","304","Germany"'].join('\r\n'));
    expect(await problems(load([f]))).toEqual([
      `${f}:3: the value "13,5OO,000" is not a value (a decimal number, at most 1e21 in size and 20 decimal places)`,
      `${f}:4: the date of data "2024-Q1" is not a month (expected YYYYMM)`,
      `${f}:5: has 3 fields where the header has 5`,
    ]);
  });
});

describe('China customs: recognition', () => {
  const head = (header: string[], name = 'x.csv') => ({ name, head: header.join(','), header });
  it('claims its own files, also a query with only commodities, and --from china-customs picks it', () => {
    expect(chinaCustoms.recognise(head(['Date of data', 'Trading partner code', 'Trading partner', 'US dollar', '']))).toBe(9);
    expect(chinaCustoms.recognise(head(['Commodity code', 'Commodity', 'Quantity', 'Unit', 'Supplementary Quantity', 'Supplementary Unit', 'US dollar', '']))).toBe(7);
    expect(recogniseLayout(head(['数据年月', '贸易伙伴编码', '贸易伙伴名称', '人民币', '']), 'china-customs')?.id).toBe('china-customs');
  });
  it('does not claim a Comtrade file, our own CSV, or a BACI file', () => {
    expect(chinaCustoms.recognise(head(['typeCode', 'freqCode', 'refPeriodId', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue']))).toBeLessThan(5);
    expect(chinaCustoms.recognise(head(['reporter', 'year', 'exports', 'imports']))).toBeLessThan(5);
    expect(chinaCustoms.recognise(head(['t', 'i', 'j', 'k', 'v', 'q']))).toBeLessThan(5);
    expect(chinaCustoms.recognise(head(['Year', 'Trade Flow Code', 'Reporter Code', 'Partner Code', 'Trade Value (US$)']))).toBeLessThan(5);
  });
});

describe('China customs: through the CLI', () => {
  it('summary reads the raw downloads', async () => {
    const r = await cli(['summary', '--data', EXPORTS, '--data', IMPORTS, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.dataset.reporter).toBe('China');
    expect(doc.assumptions.year).toBe(2024);
    // 747,006,000 − 454,203,000 = 292,803,000: a surplus.
    expect([doc.exports, doc.imports, doc.balance, doc.balanceKind]).toEqual([747006000, 454203000, 292803000, 'surplus']);
  });

  it('--partner gives the bilateral view; --from china-customs is accepted', async () => {
    const r = await cli(['summary', '--data', EXPORTS, '--data', IMPORTS, '--partner', 'Japan', '--from', 'china-customs', '--json']);
    expect(r.code).toBe(0);
    // Japan: exports 162,000,000, imports 180,000,000, a deficit of 18,000,000.
    const doc = JSON.parse(r.stdout);
    expect([doc.exports, doc.imports, doc.balance]).toEqual([162000000, 180000000, -18000000]);
  });

  it('a file without a flow fails with exit 3 and says how to fix it', async () => {
    const r = await cli(['summary', '--data', NO_FLOW]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("import it with tradecalc import --flow exports (or imports)");
  });
});

describe('files in two currencies', () => {
  it('the whole fixture folder (USD and CNY files of the same months) is refused, naming the file of each currency', async () => {
    const err = (await load([dir]).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toBe(
      `China 2024-01 imports is given in USD (${dir}imports_2024-2025_usd.csv) and in CNY (${dir}进口_202401-202402_人民币.csv): nothing is converted (import the files of one currency)`,
    );
  });
});

describe('a reporter in two currencies across publishers', () => {
  it('is said once per pair of files, naming both, not once per figure', async () => {
    const imf = new URL('../../fixtures/publishers/imf/IMTS_CHN_VNM_2023-2025.csv', import.meta.url).pathname;
    const cny = `${dir}进口_202401-202402_人民币.csv`;
    const err = (await load([imf, cny]).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.problems).toEqual([`${cny}: China in CNY, but in USD at ${imf} (nothing is converted: give one currency per reporter)`]);
  });
});
