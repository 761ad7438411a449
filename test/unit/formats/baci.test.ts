// CEPII BACI: each row both ways, World as the sum of all partners, thousands scaled to dollars,
// the companion country_codes file, and the built-in country table. Totals worked out by hand
// from test/fixtures/publishers/baci (see its README.md).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/types.js';
import { DataError } from '../../../src/errors.js';
import { baci, baciCodes } from '../../../src/data/formats/baci.js';
import { countryByCode, countryByIso3 } from '../../../src/data/formats/countries.js';
import { recogniseLayout } from '../../../src/data/formats/registry.js';
import { type LoadRequest, loadData } from '../../../src/data/load.js';
import { cli } from '../../helpers.js';

const dir = new URL('../../fixtures/publishers/baci/', import.meta.url).pathname;
const Y2022 = `${dir}BACI_HS17_Y2022_V202401b.csv`;
const Y2023 = `${dir}BACI_HS17_Y2023_V202401b.csv`;
const COUNTRIES = `${dir}country_codes_V202401b.csv`;
const PRODUCTS = `${dir}product_codes_HS17_V202401b.csv`;
const WORLD_NOTE = "BACI has no World rows: each country's World is the sum of its flows with all partners";

async function load(data: string[], req: Omit<LoadRequest, 'data'> = {}) {
  return loadData({ data, ...req }, { cwd: dir });
}
const byName = (datasets: readonly Dataset[], reporter: string) => datasets.find((d) => d.reporter === reporter)!;
const text = (d: { toFixed(): string } | null | undefined) => d?.toFixed();
const year = (series: { years: readonly { year: number; exports: { value: { toFixed(): string } }; imports: { value: { toFixed(): string } } }[] }, y: number) => {
  const r = series.years.find((x) => x.year === y);
  return r ? [text(r.exports.value), text(r.imports.value)] : undefined;
};
function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tradecalc-baci-'));
}

describe('BACI: one year, every reporter', () => {
  it("adds each row as the exporter's export and the importer's import, in dollars", async () => {
    const { datasets } = await load([Y2022]);
    const cn = byName(datasets, 'China');
    expect(cn.reporterCode).toBe('CHN');
    expect(cn.currency).toBe('USD');
    // China's exports (rows with i = 156): 1,161.234 + 2,338.766 + 500.000 + 750.125 + 1,999.875
    // = 6,750.000 thousand = 6,750,000 US dollars. Imports (j = 156): 3,000.000 + 4,250.500 +
    // 8,000.000 + 5,000.000 + 120.500 = 20,371.000 thousand = 20,371,000.
    expect(year(cn, 2022)).toEqual(['6750000', '20371000']);
    // Five rows stated to 0.001 thousand: ± 0.5 dollar each → ± 2.5.
    expect(text(cn.years[0]!.exports.halfWidth)).toBe('2.5');
    expect(cn.years[0]!.basis).toBe('annual');
    // USA: exports 3,000,000 (to China); imports 1,161.234 + 2,338.766 (from China) + 600.000 (from
    // France) = 4,100.000 thousand = 4,100,000.
    expect(year(byName(datasets, 'USA'), 2022)).toEqual(['3000000', '4100000']);
    // France: exports 600,000 (to the USA); imports 500,000 (from China).
    expect(year(byName(datasets, 'France'), 2022)).toEqual(['600000', '500000']);
  });

  it('names every partner from the country table, with Comtrade/BACI codes (251, 699, 757, 842, 490, 36)', async () => {
    const cn = byName((await load([Y2022])).datasets, 'China');
    // In the order the file first names them.
    expect(cn.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['USA', 'USA'],
      ['France', 'FRA'],
      ['India', 'IND'],
      ['Switzerland', 'CHE'],
      ['Other Asia, nes', 'S19'],
      ['Australia', 'AUS'],
      ['Norway', 'NOR'],
    ]);
    const p = (name: string) => cn.partners.find((x) => x.partner === name)!;
    // With the USA: 3,500,000 exports (1,161.234 + 2,338.766 thousand), 3,000,000 imports.
    expect(year(p('USA'), 2022)).toEqual(['3500000', '3000000']);
    // Other Asia, nes (Taiwan's trade): 1,999,875 exports, 8,000,000 imports.
    expect(year(p('Other Asia, nes'), 2022)).toEqual(['1999875', '8000000']);
    // France only bought from China: its imports are a missing flow for China, not a zero.
    expect(p('France').years).toEqual([]);
    expect(p('France').gaps).toMatchObject([{ year: 2022, reason: 'missing-flow', missing: ['imports'] }]);
  });

  it('a country with one flow only is a gap, never a year with a zero', async () => {
    const india = byName((await load([Y2022])).datasets, 'India');
    expect(india.years).toEqual([]);
    expect(india.gaps).toMatchObject([{ year: 2022, reason: 'missing-flow', missing: ['exports'] }]);
  });

  it('provenance: every row used, BACI valuation, thousands of dollars, World explained', async () => {
    const cn = byName((await load([Y2022])).datasets, 'China');
    const p = cn.provenance!;
    expect(p.publisher).toBe('CEPII BACI');
    expect(p.layout).toBe('baci');
    expect(p.unit).toBe('thousands of US dollars');
    expect(p.valuation).toEqual({ exports: 'FOB (reconciled by BACI)', imports: 'FOB (reconciled by BACI: estimated CIF costs removed)' });
    expect([p.rowCount, p.usedRowCount, p.excluded]).toEqual([11, 11, []]);
    // What the World total is, said once under every report, not warned on every run.
    expect(p.warnings).toEqual([]);
    expect(p.notes).toEqual([WORLD_NOTE]);
  });

  it('--reporter China skips the rows China is not in', async () => {
    const loaded = await load([Y2022], { reporter: 'China' });
    expect(loaded.datasets.map((d) => d.reporter)).toEqual(['China']);
    const p = loaded.datasets[0]!.provenance!;
    // France → USA is the one row without China.
    expect(p.excluded).toEqual([{ reason: 'other reporters (not selected)', rowCount: 1 }]);
    expect([p.rowCount, p.usedRowCount]).toEqual([11, 10]);
    expect(year(loaded.datasets[0]!, 2022)).toEqual(['6750000', '20371000']);
  });

  it('--partner keeps one partner; World still sums all of them', async () => {
    const cn = byName((await load([Y2022], { reporter: 'CHN', partner: 'USA' })).datasets, 'China');
    expect(cn.partners.map((p) => p.partner)).toEqual(['USA']);
    expect(year(cn, 2022)).toEqual(['6750000', '20371000']);
    expect(cn.provenance!.usedRowCount).toBe(10);
  });

  it('the same totals from a gzipped copy', async () => {
    const tmp = tempDir();
    const gz = join(tmp, 'BACI_HS17_Y2022_V202401b.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(Y2022)));
    const cn = byName((await load([gz])).datasets, 'China');
    expect(year(cn, 2022)).toEqual(['6750000', '20371000']);
  });

  it('property: the rows split into two files (same header) give the same totals', async () => {
    const [header, ...rows] = readFileSync(Y2022, 'utf8').trimEnd().split('\n');
    const whole = (await load([Y2022])).datasets;
    const summary = (ds: readonly Dataset[]) =>
      ds
        .map((d) => [d.reporter, d.years.map((y) => [y.year, text(y.exports.value), text(y.imports.value), text(y.exports.halfWidth)]), d.partners.map((p) => [p.partner, p.years.length, p.gaps.length]).sort()])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const tmp = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }), async (sides) => {
        run++;
        const a = join(tmp, `a${run}.csv`);
        const b = join(tmp, `b${run}.csv`);
        writeFileSync(a, [header, ...rows.filter((_, k) => sides[k])].join('\n'));
        writeFileSync(b, [header, ...rows.filter((_, k) => !sides[k])].join('\n'));
        const split = await load([a, b]);
        expect(summary(split.datasets)).toEqual(summary(whole));
        // Each dataset counts the rows of the files its figures come from; together, every row.
        for (const d of split.datasets) expect(d.provenance!.rowCount).toBe(d.provenance!.files.reduce((n, f) => n + f.rowCount, 0));
        const files = new Map(split.datasets.flatMap((d) => d.provenance!.files.map((f) => [f.name, f.rowCount] as const)));
        expect([...files.values()].reduce((n, c) => n + c, 0)).toBe(11);
      }),
      { numRuns: 10 },
    );
  });
});

describe('BACI: a missing value, two years, and the companion files', () => {
  it('a missing v is not zero: its exporter–importer pair and their World totals are left out', async () => {
    const { datasets, reporters } = await load([Y2023]);
    // France → USA: 650.000 thousand and an "NA": France's 2023 exports and the USA's imports are
    // unknown (not 650,000). France has no other figure: it is named, but has no dataset.
    expect(reporters).toContain('France');
    expect(datasets.map((d) => d.reporter)).not.toContain('France');
    const usa = byName(datasets, 'USA');
    expect(usa.years).toEqual([]);
    expect(usa.gaps).toMatchObject([{ year: 2023, reason: 'missing-flow', missing: ['imports'] }]);
    const p = usa.provenance!;
    expect(p.excluded).toEqual([
      { reason: "rows of an exporter, importer and year with another row's value missing: their sum would not be the total, so it is not added", rowCount: 1 },
      { reason: 'rows without a value (missing, which is not zero)', rowCount: 1 },
    ]);
    expect(p.warnings).toContain(`${Y2023}: no World for France 2023 exports, USA 2023 imports: a value is missing, so the sum is not the total`);
  });

  it('a code the table lacks is named by code, with a warning, unless the country_codes file came first', async () => {
    const alone = byName((await load([Y2023])).datasets, 'China');
    expect(alone.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['USA', 'USA'],
      ['BACI country 995', '995'],
    ]);
    expect(alone.provenance!.warnings).toContain(`${Y2023}: country code 995 not in tradecalc's country table: named by code (pass BACI's country_codes file before the data files to name them)`);
    const named = await load([COUNTRIES, Y2023]);
    const cn = byName(named.datasets, 'China');
    expect(cn.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['USA', 'USA'],
      ['Testland (invented)', 'XTL'],
    ]);
    expect(named.files!.map((f) => [f.layout, f.rowCount])).toEqual([
      ['baci-codes', 0],
      ['baci', 5],
    ]);
    expect(cn.provenance!.layout).toBe('baci-codes, baci');
    expect(cn.provenance!.unit).toBe('thousands of US dollars');
  });

  it('the companion never renames a country the table knows ("USA" stays "USA" in either order)', async () => {
    const tmp = tempDir();
    const codes = join(tmp, 'country_codes_V202401b.csv');
    writeFileSync(codes, 'country_code,country_name,country_iso2,country_iso3\n842,United States of America,US,USA\n156,China,CN,CHN\n');
    const cn = byName((await load([codes, Y2022], { reporter: 'China' })).datasets, 'China');
    expect(cn.partners[0]!.partner).toBe('USA');
  });

  it('the older companion header (country_name_abbreviation, iso_3digit_alpha) is read too', async () => {
    const tmp = tempDir();
    const codes = join(tmp, 'country_codes_V202201.csv');
    writeFileSync(codes, 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n995,Testland,Republic of Testland,XT,XTL\n');
    const cn = byName((await load([codes, Y2023], { reporter: 'China' })).datasets, 'China');
    expect(cn.partners.map((p) => p.partner)).toEqual(['USA', 'Testland']);
  });

  it('the BACI folder as unzipped (data, country codes, product codes) reads as one', async () => {
    const loaded = await load([dir], { reporter: 'China' });
    // The code lists are read first, whatever the order of the folder, so they name the data's codes.
    expect(loaded.files!.map((f) => f.layout)).toEqual(['baci-codes', 'baci-codes', 'baci', 'baci']);
    expect(loaded.datasets[0]!.partners.map((p) => p.partner)).toContain('Testland (invented)');
    const cn = loaded.datasets[0]!;
    // 2022 as above; 2023: exports 4,000.000 + 10.000 = 4,010.000 thousand = 4,010,000; imports
    // 2,500,000 (from the USA).
    expect(year(cn, 2022)).toEqual(['6750000', '20371000']);
    expect(year(cn, 2023)).toEqual(['4010000', '2500000']);
  });

  it('the pre-2020 header (t, hs6, i, j, v, q) and codes with leading zeros', async () => {
    const tmp = tempDir();
    const old = join(tmp, 'baci92_1998.csv');
    writeFileSync(old, 't,hs6,i,j,v,q\n1998,010121,036,156,12.5,1\n1998,10121,36,156,7.5,\n1998,850440,156,036,5,1\n');
    const cn = byName((await load([old])).datasets, 'China');
    // "036" and "36" are both Australia: imports 12.5 + 7.5 = 20 thousand = 20,000 dollars;
    // exports 5 thousand = 5,000.
    expect(cn.partners.map((p) => [p.partner, p.partnerCode])).toEqual([['Australia', 'AUS']]);
    expect(year(cn.partners[0]!, 1998)).toEqual(['5000', '20000']);
    expect(year(cn, 1998)).toEqual(['5000', '20000']);
  });

  it('a malformed row is a DataError naming the file and the line', async () => {
    const tmp = tempDir();
    const bad = join(tmp, 'BACI_bad.csv');
    writeFileSync(bad, 't,i,j,k,v,q\n2022,156,842,850440,1.5,1\n2022,156,842,850440,1,5,1\n2022,15x,842,850440,1,1\n22,156,842,850440,1,1\n2022,156,842,850440,12a,1\n');
    const err = await load([bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).problems).toEqual([
      `${bad}:3: has 7 fields where the header has 6`,
      `${bad}:4: the country code "15x" is not a number`,
      `${bad}:5: the year "22" is not a year`,
      `${bad}:6: the value "12a" is not a value (a decimal number, at most 1e21 in size and 20 decimal places)`,
    ]);
  });
});

describe('BACI: recognition', () => {
  const head = (header: string[], name = 'x.csv') => ({ name, head: header.join(','), header });
  it('claims its data files and its code lists', () => {
    expect(baci.recognise(head(['t', 'i', 'j', 'k', 'v', 'q']))).toBe(9);
    expect(baci.recognise(head(['t', 'hs6', 'i', 'j', 'v', 'q']))).toBe(9);
    expect(baciCodes.recognise(head(['country_code', 'country_name', 'country_iso2', 'country_iso3']))).toBe(9);
    expect(baciCodes.recognise(head(['code', 'description'], 'product_codes_HS17_V202401b.csv'))).toBe(8);
    expect(recogniseLayout(head(['t', 'i', 'j', 'k', 'v', 'q']), 'baci')?.id).toBe('baci');
  });
  it('does not claim a Comtrade file, our own CSV, a China customs file, or any code,description list', () => {
    for (const h of [
      ['typeCode', 'freqCode', 'refPeriodId', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue'],
      ['reporter', 'year', 'exports', 'imports'],
      ['Date of data', 'Trading partner code', 'Trading partner', 'US dollar', ''],
      ['code', 'description'],
    ]) {
      expect(baci.recognise(head(h))).toBeLessThan(5);
      expect(baciCodes.recognise(head(h))).toBeLessThan(5);
    }
  });
  it('the product codes file holds no figures and is passed over', async () => {
    const loaded = await load([PRODUCTS, Y2022], { reporter: 'China' });
    expect(loaded.files![0]).toEqual({ name: PRODUCTS, layout: 'baci-codes', label: expect.any(String), rowCount: 0, engine: 'stream' });
  });
});

describe('the country table', () => {
  it('finds a country by its numeric code, leading zeros ignored, and by alpha-3', () => {
    expect(countryByCode('036')).toEqual({ code: '36', iso3: 'AUS', iso2: 'AU', name: 'Australia' });
    expect(countryByCode('36')).toEqual(countryByCode('036'));
    expect(countryByCode('0')).toEqual({ code: '0', iso3: 'W00', iso2: '', name: 'World' });
    expect(countryByIso3('chn')).toEqual({ code: '156', iso3: 'CHN', iso2: 'CN', name: 'China' });
    expect(countryByCode('12345')).toBeUndefined();
    expect(countryByIso3('')).toBeUndefined();
  });
  it("knows Comtrade's and BACI's own codes, named like their ISO twins", () => {
    for (const [code, iso, twin] of [
      ['842', 'USA', '840'],
      ['251', 'FRA', '250'],
      ['699', 'IND', '356'],
      ['757', 'CHE', '756'],
      ['579', 'NOR', '578'],
      ['381', 'ITA', '380'],
    ] as const) {
      expect(countryByCode(code)?.iso3).toBe(iso);
      expect(countryByCode(code)?.name).toBe(countryByCode(twin)?.name);
    }
    // An alpha-3 look-up answers with the code Comtrade and BACI use.
    expect(countryByIso3('USA')?.code).toBe('842');
    expect(countryByIso3('ITA')?.code).toBe('380');
    expect(countryByCode('490')).toEqual({ code: '490', iso3: 'S19', iso2: '', name: 'Other Asia, nes' });
    expect(countryByCode('899')?.name).toBe('Areas, nes');
    expect(countryByCode('492')?.name).toBe('Europe EU, nes');
  });
  it('is complete: every ISO 3166-1 country, plus the special areas', () => {
    for (const iso of ['AFG', 'ZWE', 'TWN', 'HKG', 'MAC', 'PSE', 'SSD', 'CUW', 'SXM', 'BES', 'SRB', 'MNE', 'TLS']) expect(countryByIso3(iso), iso).toBeDefined();
    const codes = Array.from({ length: 1000 }, (_, n) => countryByCode(String(n))).filter(Boolean);
    expect(codes.length).toBeGreaterThanOrEqual(249 + 30);
  });
});

describe('BACI: through the CLI', () => {
  it('summary on the unzipped folder, China 2023 against 2022', async () => {
    const r = await cli(['summary', '--data', dir, '--reporter', 'China', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // 2023: 4,010,000 − 2,500,000 = 1,510,000, a surplus; 2022: 6,750,000 − 20,371,000 = −13,621,000.
    expect([doc.assumptions.year, doc.exports, doc.imports, doc.balance, doc.balanceKind]).toEqual([2023, 4010000, 2500000, 1510000, 'surplus']);
    expect([doc.prior.exports, doc.prior.imports, doc.prior.balance]).toEqual([6750000, 20371000, -13621000]);
  });

  it('--partner "Other Asia, nes" and --from baci', async () => {
    const r = await cli(['summary', '--data', Y2022, '--from', 'baci', '--reporter', 'China', '--partner', 'Other Asia, nes', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.exports, doc.imports, doc.balance]).toEqual([1999875, 8000000, -6000125]);
  });
});

describe('the country table against the ISO 3166-1 list', () => {
  // Debian's iso-codes package, where present, is an independent copy of the standard.
  const iso = '/usr/share/iso-codes/json/iso_3166-1.json';
  it.skipIf(!existsSync(iso))('every country has the alpha-2 code ISO gives the country with its alpha-3 code', () => {
    const ref = (JSON.parse(readFileSync(iso, 'utf8')) as { '3166-1': { alpha_2: string; alpha_3: string }[] })['3166-1'];
    const wrong = ref.filter((c) => {
      const ours = countryByIso3(c.alpha_3);
      return ours !== undefined && ours.iso2 !== c.alpha_2;
    });
    expect(wrong).toEqual([]);
  });
});
