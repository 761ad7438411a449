// Eurostat Comext files (test/fixtures/publishers/comext, README.md there): SDMX-CSV with values
// in euros (VALUE_IN_EUROS or VALUE_EUR) beside quantities, WORLD apart from the EU aggregates,
// TOTAL apart from chapters and CN8 codes, annual and monthly periods; and the bulk file once
// extracted from its 7z, whose world total is its partners' sum. Every expected figure is worked
// out by hand in the comments, from the fixture's numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/types.js';
import { census } from '../../../src/data/formats/census.js';
import { comext } from '../../../src/data/formats/comext.js';
import { DataError } from '../../../src/errors.js';
import { cli } from '../../helpers.js';
import { MISSING, byName, failure, load, partnerOf as partner, root, tempFiles, text } from './publisher-files.js';

const fixtures = 'test/fixtures/publishers/comext';
const sdmx = `${fixtures}/estat_ds-045409.csv`;
const sdmx059341 = `${fixtures}/estat_ds-059341.csv`;
const bulk = `${fixtures}/full202401.dat`;
const write = tempFiles('tradecalc-comext-');

const byReporter = async (data: string[], reporter: string): Promise<Dataset> => (await load(data)).datasets.find((d) => d.reporter === reporter)!;
const years = (s: { years: Dataset['years'] }) => s.years.map((y) => [y.year, text(y.exports), text(y.imports), y.basis]);
const HEADER = 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE';
const row = (rest: string) => `ESTAT:DS-045409(1.0),15/09/25 11:00:00,${rest}`;

const GROUPS = 'partner aggregates (EU27_2020_EXTRA, EU27_2020_INTRA…) overlap the countries: not summed';
const QUANTITIES = 'quantities (QUANTITY_IN_100KG, QUANTITY_KG, SUPPLEMENTARY_QUANTITY…) are not trade values: not used';
const PRODUCTS = 'rows by product codes beside the totals they make up: the totals are used, the parts not summed';

describe('Comext SDMX-CSV (estat_ds-045409.csv)', () => {
  it('three reporters, EU27_2020 one of its own, each in euros', async () => {
    const loaded = await load([sdmx]);
    // In the order of their names, as either engine gives them.
    expect(loaded.datasets.map((d) => [d.reporter, d.reporterCode, d.currency])).toEqual([
      ['EU27_2020', 'EU27_2020', 'EUR'],
      ['France', 'FR', 'EUR'],
      ['Germany', 'DE', 'EUR'],
    ]);
  });

  it('Germany: 2022 and 2023 as stated, 2024 from twelve months, never converted from euros', async () => {
    const de = await byReporter([sdmx], 'Germany');
    // 2024 exports: 130B in January, +1B a month: 12 × 130B + 66 × 1B = 1,626B.
    // 2024 imports: 112.5B, +0.5B a month: 12 × 112.5B + 66 × 0.5B = 1,350B + 33B = 1,383B.
    expect(years(de)).toEqual([
      [2022, '1594500000000', '1498700000000', 'annual'],
      [2023, '1562300000000', '1365400000000', 'annual'],
      [2024, '1626000000000', '1383000000000', 'months'],
    ]);
    expect(de.months).toHaveLength(14);
  });

  it('two months of 2025 are a year-to-date gap', async () => {
    const de = await byReporter([sdmx], 'Germany');
    const gap = de.gaps[0] as { year: number; reason: string; months: number[]; exports: { toFixed(): string }; imports: { toFixed(): string } };
    expect(gap).toMatchObject({ year: 2025, reason: 'year-to-date', months: [1, 2] });
    // Exports 131.2B + 128.7B = 259.9B; imports 113.4B + 110.9B = 224.3B.
    expect(gap.exports.toFixed()).toBe('259900000000');
    expect(gap.imports.toFixed()).toBe('224300000000');
  });

  it('partners: the countries only; WORLD is the total and EU27_2020_EXTRA/INTRA are left out', async () => {
    const de = await byReporter([sdmx], 'Germany');
    expect(de.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['China', 'CN'],
      ['USA', 'US'],
    ]);
    // China 2023 exports: the TOTAL row 97.3B, not 97.3B + 21.5B + 19.8B + 0.012345678B (chapters
    // 84, 87 and 01) + 4.1B (CN8 87032310).
    expect(years(partner(de, 'China'))).toEqual([
      [2022, '106800000000', '191100000000', 'annual'],
      [2023, '97300000000', '157200000000', 'annual'],
    ]);
  });

  it('a missing OBS_VALUE is not zero: France with the United States in 2023 is a gap for want of imports', async () => {
    const fr = await byReporter([sdmx], 'France');
    expect(years(fr)).toEqual([[2023, '607200000000', '735600000000', 'annual']]);
    expect(partner(fr, 'USA')).toMatchObject({ years: [], gaps: [{ year: 2023, reason: 'missing-flow', missing: ['imports'] }] });
  });

  it('provenance: rows used and left out by reason, FOB exports and CIF imports, euros', async () => {
    const { provenance } = (await load([sdmx])).datasets[0]!;
    // 60 rows. Left out: EU27_2020_EXTRA and _INTRA, 2 × 2 flows = 4; Germany's exports to China
    // by chapter (84, 87, 01) and CN8 (87032310) = 4; quantities (QUANTITY_IN_100KG) = 2; France's
    // missing imports from the United States = 1. Used: 60 − 11 = 49.
    expect(provenance).toMatchObject({
      publisher: 'Eurostat Comext',
      layout: 'comext',
      files: [{ name: sdmx, layout: 'comext', rowCount: 60 }],
      rowCount: 60,
      usedRowCount: 49,
      valuation: { exports: 'FOB', imports: 'CIF' },
      unit: 'euros',
      warnings: [],
    });
    expect(provenance!.excluded).toEqual([
      { reason: GROUPS, rowCount: 4 },
      { reason: PRODUCTS, rowCount: 4 },
      { reason: QUANTITIES, rowCount: 2 },
      { reason: MISSING, rowCount: 1 },
    ]);
  });

  it('--reporter DE skips the other reporters before their values are read', async () => {
    const loaded = await load([sdmx], { reporter: 'de' });
    expect(loaded.datasets.map((d) => d.reporter)).toEqual(['Germany']);
    expect(loaded.reporters).toEqual(['Germany', 'France', 'EU27_2020']);
    // France 6 rows, EU27_2020 4 rows.
    expect(loaded.datasets[0]!.provenance!.excluded).toContainEqual({ reason: 'other reporters (not selected)', rowCount: 10 });
  });

  it('gzipped, the same totals', async () => {
    const gz = write('estat_ds-045409.csv.gz', gzipSync(readFileSync(join(root, sdmx))));
    const plain = await load([sdmx]);
    const zipped = await load([gz]);
    expect(zipped.datasets.map((d) => [d.years, d.gaps, d.partners])).toEqual(plain.datasets.map((d) => [d.years, d.gaps, d.partners]));
  });

  it('property: the rows split between two files (same header) give the same totals', async () => {
    const [header, ...rows] = readFileSync(join(root, sdmx), 'utf8').trimEnd().split('\r\n');
    const totals = (ds: Dataset[]) => new Map(ds.map((d) => [d.reporter, [d.years, d.gaps, byName(d.partners)]]));
    const whole = totals((await load([sdmx])).datasets);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }), async (side) => {
        const a = write(`split-${run}-a.csv`, [header, ...rows.filter((_, i) => side[i])].join('\r\n'));
        const b = write(`split-${run++}-b.csv`, [header, ...rows.filter((_, i) => !side[i])].join('\r\n'));
        expect(totals((await load([a, b])).datasets)).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });
});

describe('Comext SDMX-CSV of DS-059341 (VALUE_EUR)', () => {
  it('VALUE_EUR is the value, QUANTITY_KG is not', async () => {
    const it_ = await byReporter([sdmx059341], 'Italy');
    expect(years(it_)).toEqual([[2023, '626200000000', '591800000000', 'annual']]);
    expect(it_.partners).toEqual([]);
    expect(it_.provenance!.excluded).toEqual([
      { reason: GROUPS, rowCount: 2 },
      { reason: QUANTITIES, rowCount: 2 },
    ]);
  });
});

describe('the Comext bulk file, extracted from its 7z (full202401.dat)', () => {
  it("Germany's world total is the sum of its partners, each partner's totals before their CN8 parts", async () => {
    const loaded = await load([bulk]);
    const de = loaded.datasets.find((d) => d.reporter === 'Germany')!;
    const month = (s: { months: Dataset['months'] }) => [text(s.months[0]!.exports), text(s.months[0]!.imports)];
    // China exports: the TOTAL rows of procedures 1 and 2, 1,202.5M + 300M = 1,502.5M (the CN8
    // rows 84713000 and 01012100 beside them are not added). Imports: no TOTAL row, so the CN8 rows
    // of procedures 1 and 2 are summed, 2,100M + 400M = 2,500M.
    expect(month(partner(de, 'China'))).toEqual(['1502500000', '2500000000']);
    // United States: exports 650M + 900M = 1,550M; imports unknown: the 27090090 row has no value,
    // so the 1,100M of 88024000 is not the total (a missing value is not zero).
    expect(month(partner(de, 'USA'))).toEqual(['1550000000', undefined]);
    expect(month(partner(de, 'Netherlands'))).toEqual(['800000000', '950000000']);
    // World: exports 1,502.5M + 1,550M + 800M = 3,852.5M; imports unknown, as the United States' are.
    expect(month(de)).toEqual(['3852500000', undefined]);
    expect(de.months.map((m) => m.month)).toEqual(['2024-01']);
    expect(de.gaps).toEqual([{ year: 2024, reason: 'missing-flow', missing: ['imports'] }]);
    const fr = loaded.datasets.find((d) => d.reporter === 'France')!;
    expect(month(fr)).toEqual(['150000000', '210000000']);
  });

  it('says the world total is summed, counts each row once, and keeps codes as text', async () => {
    const loaded = await load([bulk]);
    expect(loaded.warnings).toEqual([`${bulk}: the bulk file has no WORLD partner: each reporter's world total is the sum of its partners (complete only if the file holds every partner, as the extracted bulk file does)`]);
    // 15 rows: left out, Germany's CN8 export rows to China beside their totals (3), one row
    // without a value (1) and the other import row of the United States, whose sum it would not
    // complete (1); used 10, each once, under its partner.
    const germany = loaded.datasets.find((d) => d.reporter === 'Germany')!;
    expect(germany.provenance).toMatchObject({
      rowCount: 15,
      usedRowCount: 10,
      excluded: [
        { reason: 'rows by product codes, statistical procedures beside the totals they make up: the totals are used, the parts not summed', rowCount: 3 },
        { reason: 'rows of a sum with a missing value (the total itself, or one of its parts): not added, as the sum would not be the total', rowCount: 1 },
        { reason: MISSING, rowCount: 1 },
      ],
    });
    expect(germany.partners.map((p) => p.partnerCode)).toEqual(['NL', 'US', 'CN']);
  });

  it('an annual bulk file (PERIOD 202352) gives the year; --partner still counts every partner into the world', async () => {
    const head = readFileSync(join(root, bulk), 'utf8').split('\n')[0];
    const f = write('full202352.dat', `${head}\n004,DE,0720,CN,E,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TO,2,1,,202352,97300000000,1,\n004,DE,0720,CN,E,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TO,1,1,,202352,157200000000,1,\n004,DE,0400,US,E,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TO,2,1,,202352,157900000000,1,\n004,DE,0400,US,E,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TOTAL,TO,1,1,,202352,94700000000,1,\n`);
    const de = (await load([f], { partner: 'CN' })).datasets[0]!;
    // World 2023: exports 97.3B + 157.9B = 255.2B; imports 157.2B + 94.7B = 251.9B.
    expect(years(de)).toEqual([[2023, '255200000000', '251900000000', 'annual']]);
    expect(de.partners.map((p) => p.partner)).toEqual(['China']);
  });

  it('a 7z archive is refused in one line naming the file', async () => {
    const archive = write('full202401.7z', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04, 0x8d, 0x9b, 0xd5, 0x0f]));
    const err = await failure([archive]);
    expect(err.message).toBe(`${archive}: is a 7z archive, not a data file (extract the file inside it first, then give tradecalc that)`);
    const r = await cli(['summary', '--data', archive]);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('Comext rows, one rule at a time', () => {
  it('labels ("DE:Germany") give names; codes stay the codes', async () => {
    const f = write('labels.csv', [`DATAFLOW,LAST UPDATE,freq:Time frequency,reporter:Reporting country,partner:Partner,product:Product,flow:Flow,indicators:Indicators,TIME_PERIOD:Time,OBS_VALUE:Value`, row('A:Annual,DE:Germany,WORLD:All countries of the world,TOTAL:Total,2:EXPORT,VALUE_IN_EUROS:Value in euros,2023,1562300000000'), row('A:Annual,DE:Germany,CN:China,TOTAL:Total,2:EXPORT,VALUE_IN_EUROS:Value in euros,2023,97300000000')].join('\n'));
    const ds = (await load([f])).datasets[0]!;
    expect([ds.reporter, ds.reporterCode]).toEqual(['Germany', 'DE']);
    expect(ds.partners.map((p) => [p.partner, p.partnerCode])).toEqual([['China', 'CN']]);
    expect(years(ds)).toEqual([]);
    expect(ds.gaps).toMatchObject([{ year: 2023, reason: 'missing-flow', missing: ['imports'] }]);
  });

  it('an unknown flow, another indicator and a quarter are left out with their reasons', async () => {
    const f = write('others.csv', [HEADER, row('A,DE,WORLD,TOTAL,2,VALUE_IN_EUROS,2023,1'), row('A,DE,WORLD,TOTAL,1,VALUE_IN_EUROS,2023,2'), row('A,DE,WORLD,TOTAL,3,VALUE_IN_EUROS,2023,5'), row('A,DE,WORLD,TOTAL,2,UNIT_VALUE,2023,7'), row('Q,DE,WORLD,TOTAL,2,VALUE_IN_EUROS,2023-Q1,9')].join('\n'));
    const ds = (await load([f])).datasets[0]!;
    expect(years(ds)).toEqual([[2023, '1', '2', 'annual']]);
    expect(ds.provenance!.excluded).toEqual([
      { reason: 'flow code 3: neither 1 (imports) nor 2 (exports)', rowCount: 1 },
      { reason: 'indicator UNIT_VALUE: not a value in euros (VALUE_IN_EUROS or VALUE_EUR), not used', rowCount: 1 },
      { reason: 'quarters are not months or years: not used', rowCount: 1 },
    ]);
  });

  it('a value that is no number, or a period that is none, names the file and line', async () => {
    const f = write('bad.csv', [HEADER, row('A,DE,WORLD,TOTAL,2,VALUE_IN_EUROS,2023,1'), row('A,DE,WORLD,TOTAL,1,VALUE_IN_EUROS,2023,1.2.3'), row('A,DE,WORLD,TOTAL,1,VALUE_IN_EUROS,last year,5')].join('\n'));
    const err = await failure([f]);
    expect(err.message).toBe(`${f}: the data cannot be read`);
    expect(err.problems).toEqual([`${f}:3: the value "1.2.3" is not a value (a decimal number, at most 1e21 in size and 20 decimal places)`, `${f}:4: the period "last year" is not a year or a month (expected 2024, 2024-01 or 202401)`]);
  });

  it('a header without flow is no Comext file; one without indicators is a problem, said once', async () => {
    const f = write('no-flow.csv', ['DATAFLOW,LAST UPDATE,freq,reporter,partner,product,TIME_PERIOD,OBS_VALUE', 'X,Y,A,DE,WORLD,TOTAL,2023,1'].join('\n'));
    expect((await failure([f])).message).toMatch(/no-flow\.csv: not a file tradecalc knows/);
    const g = write('no-indicators.csv', ['DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,TIME_PERIOD,OBS_VALUE', 'X,Y,A,DE,WORLD,TOTAL,2,2023,1', 'X,Y,A,DE,WORLD,TOTAL,1,2023,1'].join('\n'));
    expect((await failure([g])).problems).toEqual([`${g}:1: the header lacks indicators: is this a Comext file?`]);
  });
});

describe('recognising Comext files', () => {
  const csvHead = (line: string) => ({ name: 'x.csv', head: `${line}\n`, header: line.split(',') });
  const headOf = (path: string) => {
    const head = readFileSync(join(root, path), 'utf8').slice(0, 65536);
    return { name: path, head, header: head.split(/\r?\n/)[0]!.split(',') };
  };

  it('picks the SDMX-CSV and the bulk file, and the registry chooses comext for them', async () => {
    const { recogniseLayout } = await import('../../../src/data/formats/registry.js');
    for (const f of [sdmx, sdmx059341, bulk]) {
      expect(comext.recognise(headOf(f))).toBe(9);
      expect(census.recognise(headOf(f))).toBe(0);
      expect(recogniseLayout(headOf(f))?.id).toBe('comext');
    }
  });

  it('does not claim our own CSV, Comtrade CSVs, or an IMF SDMX-CSV', () => {
    for (const line of [
      'reporter,year,exports,imports',
      'reporter,partner,year,flow,value,currency',
      'typeCode,freqCode,refPeriodId,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,primaryValue',
      'Year,Period,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Partner Code,Partner,Commodity Code,Trade Value (US$)',
      'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE',
      't,i,j,k,v,q',
    ]) {
      expect(comext.recognise(csvHead(line))).toBeLessThan(5);
    }
  });

  it('--from census refuses a Comext file', async () => {
    expect((await load([sdmx], { from: 'census' }).catch((e: unknown) => e)) as DataError).toBeInstanceOf(DataError);
  });
});

describe('the CLI on Comext files', () => {
  it('summary --reporter DE: 2024 from months, in euros', async () => {
    const r = await cli(['summary', '--data', join(root, sdmx), '--reporter', 'DE', '--json']);
    expect(r.stderr).toBe('');
    // 1,626B − 1,383B = 243B; growth on 2023: 1,626 / 1,562.3 − 1 = 4.0773…%
    expect(JSON.parse(r.stdout)).toMatchObject({ dataset: { reporter: 'Germany', currency: 'EUR' }, assumptions: { year: 2024 }, exports: 1626000000000, imports: 1383000000000, balance: 243000000000, balanceKind: 'surplus' });
  });

  it('--partner CN --year 2023: the bilateral deficit', async () => {
    const r = await cli(['summary', '--data', join(root, sdmx), '--reporter', 'DE', '--partner', 'CN', '--year', '2023', '--json']);
    // 97.3B − 157.2B = −59.9B
    expect(JSON.parse(r.stdout)).toMatchObject({ exports: 97300000000, imports: 157200000000, balance: -59900000000, balanceKind: 'deficit' });
  });

  it('without --reporter, the three reporters are named', async () => {
    const r = await cli(['summary', '--data', join(root, sdmx)]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`tradecalc: ${join(root, sdmx)} has 3 reporters (Germany, France, EU27_2020): choose one with --reporter\n`);
  });
});

// ISO alpha-2 codes are named from the country table, and every name or code of a country selects
// it: Germany is DE (alpha-3 DEU, M49 276), China CN (CHN, 156); Eurostat writes Greece EL (ISO
// GR) and the United Kingdom UK (ISO GB).
describe('Comext alpha-2 codes as countries', () => {
  const de = `${fixtures}/estat_ds-045409.csv`;
  const el = `${fixtures}/estat_ds-045409_EL.csv`;
  const figures = (stdout: string) => {
    const doc = JSON.parse(stdout);
    return { reporter: doc.dataset.reporter, partner: doc.dataset.partner, year: doc.assumptions.year, exports: doc.exports, imports: doc.imports, balance: doc.balance };
  };
  const summary = async (file: string, args: string[]) => {
    const r = await cli(['summary', '--data', `${root}${file}`, ...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return figures(r.stdout);
  };

  it.each([['Germany'], ['DE'], ['DEU'], ['276'], ['germany']])('--reporter %s --partner China: Germany with China', async (who) => {
    // DE–CN 2023 TOTAL rows: flow 2 97,300,000,000, flow 1 157,200,000,000; 97.3e9 − 157.2e9 = −59,900,000,000.
    expect(await summary(de, ['--reporter', who, '--partner', 'China'])).toEqual({ reporter: 'Germany', partner: 'China', year: 2023, exports: 97300000000, imports: 157200000000, balance: -59900000000 });
  });

  it.each([['China'], ['CN'], ['CHN'], ['156'], ['cn']])('--reporter Germany --partner %s gives the same figures', async (whom) => {
    expect(await summary(de, ['--reporter', 'Germany', '--partner', whom])).toEqual({ reporter: 'Germany', partner: 'China', year: 2023, exports: 97300000000, imports: 157200000000, balance: -59900000000 });
  });

  it.each([['EL'], ['Greece'], ['GR'], ['GRC'], ['300']])('--reporter %s: Greece, written EL by Eurostat', async (who) => {
    // EL–WORLD 2023: flow 2 51,200,000,000, flow 1 80,100,000,000; 51.2e9 − 80.1e9 = −28,900,000,000.
    expect(await summary(el, ['--reporter', who])).toEqual({ reporter: 'Greece', partner: 'World', year: 2023, exports: 51200000000, imports: 80100000000, balance: -28900000000 });
  });

  it.each([['UK'], ['GB'], ['GBR'], ['United Kingdom']])('--partner %s: the United Kingdom, written UK by Eurostat', async (whom) => {
    // EL–UK 2023: flow 2 1,900,000,000, flow 1 1,500,000,000; balance 400,000,000.
    expect(await summary(el, ['--reporter', 'Greece', '--partner', whom])).toEqual({ reporter: 'Greece', partner: 'United Kingdom', year: 2023, exports: 1900000000, imports: 1500000000, balance: 400000000 });
  });

  it('import names the countries and keeps their codes', async () => {
    const { datasets } = await load([de]);
    const germany = datasets.find((d) => d.reporter === 'Germany')!;
    expect(germany.reporterCode).toBe('DE');
    expect(germany.partners.map((p) => [p.partner, p.partnerCode]).sort()).toEqual([
      ['China', 'CN'],
      ['USA', 'US'],
    ]);
    // EU27_2020 is no country: it stays as written.
    expect(datasets.map((d) => d.reporter).sort()).toEqual(['EU27_2020', 'France', 'Germany']);
  });
});
