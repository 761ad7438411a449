// The IMF layouts (IMTS SDMX-CSV and the legacy wide DOTS CSV) on the fixtures of
// test/fixtures/publishers/imf: every expected total below is worked out by hand from the fixture
// lines, and every trap has its test (world total beside partners and groups, CIF chosen over FOB,
// FOB used alone and said so, balance rows never summed, quarters and missing values left out,
// SCALE read or proven wrong, scale from DOTS indicator names, codes as text, gzip, split files).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Figure, YearGap } from '../../../src/core/types.js';
import { comtradeCsv } from '../../../src/data/formats/comtrade.js';
import { dotsWide, imtsSdmx } from '../../../src/data/formats/imts.js';
import { recogniseLayout } from '../../../src/data/formats/registry.js';
import { type LoadRequest, loadData } from '../../../src/data/load.js';
import { DataError } from '../../../src/errors.js';
import { cli } from '../../helpers.js';

const root = new URL('../../../', import.meta.url).pathname;
const FIX = 'test/fixtures/publishers/imf';
const IMTS = `${FIX}/IMTS_CHN_VNM_2023-2025.csv`;
const IMTS_LABELS = `${FIX}/IMTS_BRA_monthly_labels.csv`;
const DOTS = `${FIX}/DOT_timeSeries.csv`;
const DOTS_MILLIONS = `${FIX}/DOT_BRA_millions.csv`;
const tmp = mkdtempSync(join(tmpdir(), 'tradecalc-imf-'));

function write(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
const text = (path: string) => readFileSync(join(root, path), 'utf8');

async function load(data: string[], req: Omit<LoadRequest, 'data'> = {}) {
  return loadData({ data, ...req }, { cwd: root });
}
function reporter(datasets: readonly Dataset[], name: string): Dataset {
  const ds = datasets.find((d) => d.reporter === name || d.reporterCode === name);
  if (!ds) throw new Error(`no dataset for ${name}: ${datasets.map((d) => d.reporter).join(', ')}`);
  return ds;
}
const fig = (f: Figure | undefined) => f?.value.toFixed();
/** A dataset's figures as plain text, to compare exactly. */
function figures(ds: Pick<Dataset, 'years' | 'months' | 'gaps'>) {
  return {
    years: ds.years.map((y) => ({ year: y.year, exports: fig(y.exports), imports: fig(y.imports), basis: y.basis })),
    months: ds.months.map((m) => ({ month: m.month, exports: fig(m.exports), imports: fig(m.imports) })),
    gaps: ds.gaps.map(gap),
  };
}
function gap(g: YearGap) {
  return g.reason === 'year-to-date' ? { year: g.year, reason: g.reason, months: g.months, exports: g.exports?.toFixed(), imports: g.imports?.toFixed() } : g;
}
function everything(datasets: readonly Dataset[]) {
  return datasets
    .map((d) => ({ reporter: d.reporter, reporterCode: d.reporterCode, ...figures(d), partners: d.partners.map((p) => ({ partner: p.partner, partnerCode: p.partnerCode, ...figures(p) })).sort((a, b) => a.partner.localeCompare(b.partner)) }))
    .sort((a, b) => a.reporter.localeCompare(b.reporter));
}
const excludedOf = (ds: Dataset) => Object.fromEntries(ds.provenance!.excluded.map((e) => [e.reason, e.rowCount]));

const R = {
  balance: 'trade balance rows (TBG_USD) are exports minus imports: never summed',
  groups: 'partner groups (euro area, EU, advanced economies…) overlap their members: not summed',
  quarter: 'quarterly values (2024-Q1) are not summed into years: annual or monthly values are used',
  missing: 'rows without a value (missing, which is not zero)',
  fob: 'imports valued FOB (MG_FOB_USD) beside the same imports valued CIF (MG_CIF_USD): CIF used, FOB not added',
  status: 'Status rows (Attribute other than Value: status flags such as e for estimates): not values',
  otherReporters: 'other reporters (not selected)',
  otherPartners: 'other partners (not selected)',
};

describe('recognition', () => {
  const head = (path: string, name = path) => {
    const h = text(path);
    return { name, head: h, header: h.split('\n')[0]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((f) => f.replace(/^"|"$/g, '').trim()) };
  };
  it('each IMF layout claims its own files, and not the other one', () => {
    expect(imtsSdmx.recognise(head(IMTS))).toBe(10);
    expect(imtsSdmx.recognise(head(IMTS_LABELS))).toBe(10);
    expect(dotsWide.recognise(head(DOTS))).toBe(10);
    expect(dotsWide.recognise(head(DOTS_MILLIONS))).toBe(10);
    expect(imtsSdmx.recognise(head(DOTS))).toBe(0);
    expect(dotsWide.recognise(head(IMTS))).toBe(0);
    expect(recogniseLayout(head(IMTS))?.id).toBe('imts-sdmx');
    expect(recogniseLayout(head(DOTS))?.id).toBe('dots-wide');
  });
  it('a Comtrade CSV, our own CSV and a Comext SDMX-CSV score below 5', () => {
    const files = {
      comtrade: 'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,cmdCode,primaryValue\nC,A,20240101,2024,52,2024,156,CHN,China,X,Export,0,W00,World,TOTAL,3575110000000\n',
      own: 'reporter,year,exports,imports\nChina,2024,3.58T,2.59T\n',
      comext: 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\nESTAT:DS-045409(1.0),01/01/25,A,DE,WORLD,TOTAL,2,VALUE_IN_EUROS,2024,1560000000000\n',
    };
    for (const [name, t] of Object.entries(files)) {
      const h = { name, head: t, header: t.split('\n')[0]!.split(',') };
      expect(imtsSdmx.recognise(h), name).toBeLessThan(5);
      expect(dotsWide.recognise(h), name).toBeLessThan(5);
    }
    // …and the IMF files are not Comtrade's.
    expect(comtradeCsv.recognise(head(IMTS))).toBe(0);
  });
  it('an SDMX-CSV without the IMF markers in its head still reads as IMTS, less surely', () => {
    const t = 'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE\nX,AAA,BBB,CCC,A,2024,1\n';
    expect(imtsSdmx.recognise({ name: 'x.csv', head: t, header: t.split('\n')[0]!.split(',') })).toBe(8);
  });
  it('--from imts reads the IMF files; --from comtrade refuses them, naming what it expected', async () => {
    const loaded = await load([IMTS, DOTS], { from: 'imts' });
    expect(loaded.files!.map((f) => f.layout)).toEqual(['imts-sdmx', 'dots-wide']);
    await expect(load([IMTS], { from: 'comtrade' })).rejects.toThrow(/not a file tradecalc knows.*expected a comtrade file/);
  });
});

describe('IMTS SDMX-CSV: IMTS_CHN_VNM_2023-2025.csv (full dollars beside SCALE 6)', () => {
  it('uses the world total (G001) and the partners, never the groups, quarters, balances or missing values', async () => {
    const { datasets } = await load([IMTS]);
    // The file has codes only: the names come from the country table, the codes stay beside them.
    expect(datasets.map((d) => [d.reporter, d.reporterCode])).toEqual([['China', 'CHN'], ['Viet Nam', 'VNM']]);
    const chn = reporter(datasets, 'CHN');
    expect(chn.reporterCode).toBe('CHN');
    expect(chn.currency).toBe('USD');
    expect(figures(chn)).toEqual({
      // Lines 2–5: the G001 rows, read as written (full dollars; SCALE 6 is proven a display scale).
      years: [
        { year: 2023, exports: '3380024000000', imports: '2556012000000', basis: 'annual' },
        { year: 2024, exports: '3575110000000', imports: '2587430000000', basis: 'annual' },
      ],
      months: [
        { month: '2025-01', exports: '300000000000', imports: '200000000000' },
        { month: '2025-02', exports: '250000000000', imports: '190000000000' },
      ],
      // Two months of 2025: 300 + 250 = 550 bn exports, 200 + 190 = 390 bn imports, a year-to-date.
      gaps: [{ year: 2025, reason: 'year-to-date', months: [1, 2], exports: '550000000000', imports: '390000000000' }],
    });
    // The 2024-Q1 row (808 bn) is not in any year; G163 and G998 are not partners.
    expect(chn.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['USA', 'USA'],
      ['Germany', 'DEU'],
    ]);
    const usa = chn.partners.find((p) => p.partner === 'USA')!;
    expect(figures(usa).years).toEqual([{ year: 2024, exports: '525000000000', imports: '163500000000', basis: 'annual' }]);
    // DEU 2023 imports are empty: missing, not zero, so 2023 is a gap and 2024 a year.
    const deu = chn.partners.find((p) => p.partnerCode === 'DEU')!;
    expect(figures(deu)).toMatchObject({ years: [{ year: 2024, exports: '107000000000', imports: '95000000000' }], gaps: [{ year: 2023, reason: 'missing-flow', missing: ['imports'] }] });
  });

  it('takes CIF imports over FOB when both are given, and FOB alone when it is all there is, saying so', async () => {
    const { datasets } = await load([IMTS]);
    const vnm = reporter(datasets, 'VNM');
    expect(figures(vnm).years).toEqual([
      // 2023: only MG_FOB_USD (316 bn) is given, so it is used.
      { year: 2023, exports: '354700000000', imports: '316000000000', basis: 'annual' },
      // 2024: MG_CIF_USD 380.8 bn used; MG_FOB_USD 368 bn left out.
      { year: 2024, exports: '405500000000', imports: '380800000000', basis: 'annual' },
    ]);
    expect(figures(vnm.partners[0]!).years).toEqual([{ year: 2024, exports: '61200000000', imports: '144000000000', basis: 'annual' }]);
    expect(vnm.partners[0]).toMatchObject({ partner: 'China', partnerCode: 'CHN' });
    const warnings = vnm.provenance!.warnings;
    expect(warnings).toContain(`${IMTS}: Viet Nam's imports are given FOB (MG_FOB_USD) and not CIF for 1 partner-period (World 2023): the FOB value is used there unless another input gives CIF, so those imports leave out freight and insurance`);
    expect(vnm.provenance!.valuation).toEqual({ exports: 'FOB', imports: 'CIF (FOB where a file gives only FOB imports: see warnings)' });
  });

  it('counts every row used and left out, with its reason', async () => {
    const { datasets } = await load([IMTS]);
    const p = datasets[0]!.provenance!;
    expect(p).toMatchObject({ publisher: 'IMF International Trade in Goods (IMTS)', layout: 'imts-sdmx', files: [{ name: IMTS, layout: 'imts-sdmx', rowCount: 25 }], engine: 'stream' });
    // 25 data lines: 1 TBG, 2 groups (G163, G998), 1 quarter, 1 empty value, 1 FOB beside CIF → 19 used.
    expect(p.rowCount).toBe(25);
    expect(p.usedRowCount).toBe(19);
    expect(excludedOf(datasets[0]!)).toEqual({ [R.balance]: 1, [R.groups]: 2, [R.quarter]: 1, [R.missing]: 1, [R.fob]: 1 });
  });

  it('says that SCALE 6 was not applied, and why', async () => {
    const { datasets } = await load([IMTS]);
    expect(datasets[0]!.provenance!.warnings[0]).toBe(
      `${IMTS}: OBS_VALUE read as full US dollars, not in the units of its SCALE attribute (6, millions): read so, a value such as 3380024000000 would be more than the world's trade in a year (the IMF's SDMX API writes full dollars and gives SCALE 6 for display)`,
    );
    expect(datasets[0]!.provenance!.unit).toBe('US dollars (by the SCALE attribute where it applies: see warnings)');
  });

  it('--reporter and --partner skip the other rows before reading them', async () => {
    const { datasets } = await load([IMTS], { reporter: 'VNM', partner: 'CHN' });
    expect(datasets.map((d) => d.reporter)).toEqual(['Viet Nam']);
    // CHN's 18 rows: its TBG row is a balance (the indicator is read first), 17 are other reporters.
    // VNM's world rows are kept: the world total always is.
    expect(excludedOf(datasets[0]!)).toEqual({ [R.otherReporters]: 17, [R.balance]: 1, [R.fob]: 1 });
    const only = await load([IMTS], { reporter: 'CHN', partner: 'USA' });
    // CHN's DEU rows (4, one of them empty) are other partners; the groups are still groups.
    expect(excludedOf(only.datasets[0]!)).toMatchObject({ [R.otherPartners]: 4, [R.groups]: 2 });
    expect(only.datasets[0]!.partners.map((p) => p.partner)).toEqual(['USA']);
  });

  it('through the CLI: summary for VNM 2024 is CIF imports against FOB exports', async () => {
    const r = await cli(['summary', '--data', IMTS, '--reporter', 'VNM', '--json'], { cwd: root });
    // What changes the figures' meaning is said on stderr, and stdout stays one JSON document.
    expect(r.stderr).toMatch(/^tradecalc: warning: .*SCALE.*\ntradecalc: warning: .*FOB \(MG_FOB_USD\).*World 2023/s);
    const doc = JSON.parse(r.stdout);
    // 405.5 bn − 380.8 bn = 24.7 bn; prior year 354.7 bn − 316 bn = 38.7 bn.
    expect(doc).toMatchObject({ assumptions: { year: 2024 }, exports: 405500000000, imports: 380800000000, balance: 24700000000, prior: { year: 2023, balance: 38700000000 } });
    const partner = JSON.parse((await cli(['summary', '--data', IMTS, '--reporter', 'CHN', '--partner', 'USA', '--json'], { cwd: root })).stdout);
    // 525 bn − 163.5 bn = 361.5 bn
    expect(partner).toMatchObject({ assumptions: { year: 2024 }, exports: 525000000000, imports: 163500000000, balance: 361500000000 });
  });
});

describe('IMTS SDMX-CSV 2.0 with labels: IMTS_BRA_monthly_labels.csv (millions, SCALE 6)', () => {
  it('reads codes and names from "BRA: Brazil", makes 2024 from its twelve months and 2025 a year-to-date', async () => {
    const { datasets } = await load([IMTS_LABELS]);
    expect(datasets).toHaveLength(1);
    const bra = datasets[0]!;
    expect([bra.reporter, bra.reporterCode, bra.currency]).toEqual(['Brazil', 'BRA', 'USD']);
    const f = figures(bra);
    // Exports 27000.1 + 24500.2 + 27500.3 + 30100.4 + 30200.5 + 29900.6 + 30700.7 + 31000.8
    //   + 28600.9 + 30500.0 + 28400.1 + 26600.2 = 345,004.8 million = 345,004,800,000 USD;
    // imports 21500.0 + 21200.5 + 20100.0 + 22600.5 + 23100.0 + 22200.5 + 23800.0 + 24100.5
    //   + 22800.0 + 25100.5 + 23500.0 + 21900.5 = 271,903.0 million = 271,903,000,000 USD.
    expect(f.years).toEqual([{ year: 2024, exports: '345004800000', imports: '271903000000', basis: 'months' }]);
    // 2025: 26500.0 + 24000.5 = 50,500.5 million exports; 23600.0 + 21100.5 = 44,700.5 million imports.
    expect(f.gaps).toEqual([{ year: 2025, reason: 'year-to-date', months: [1, 2], exports: '50500500000', imports: '44700500000' }]);
    // January 2024 exports: 27,000.1 million, ± half the last digit (0.05 million).
    expect(bra.months[0]!.exports!.halfWidth.toFixed()).toBe('50000');
    // The ACTION D line (99,999.9 million for March) is not in March.
    expect(f.months[2]).toEqual({ month: '2024-03', exports: '27500300000', imports: '20100000000' });
    // Argentina: one month of exports and no imports: neither a year nor a year-to-date.
    expect(bra.partners.map((p) => ({ partner: p.partner, code: p.partnerCode, gaps: p.gaps }))).toMatchObject([{ partner: 'Argentina', code: 'ARG', gaps: [{ year: 2024, reason: 'missing-flow', missing: ['imports'] }] }]);
    expect(bra.partners).toHaveLength(1);
  });
  it('applies SCALE 6 (no value proves it wrong) and says so; the attribute row and the deletion are left out', async () => {
    const { datasets } = await load([IMTS_LABELS]);
    const p = datasets[0]!.provenance!;
    expect(p.warnings).toEqual([
      `${IMTS_LABELS}: OBS_VALUE read in the units its SCALE attribute names (6, millions) and multiplied out; if the file's values are already full dollars (as the IMF's SDMX API writes them), they are overstated by that factor`,
    ]);
    // 31 data lines: 1 dataset attribute line, 1 ACTION D → 29 used.
    expect([p.rowCount, p.usedRowCount]).toEqual([31, 29]);
    expect(excludedOf(datasets[0]!)).toEqual({ 'dataset attribute rows (no country, no period): not observations': 1, 'rows marked for deletion (ACTION D): not values': 1 });
  });
});

describe('the SCALE attribute, read or proven a display scale', () => {
  const header = 'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE';
  const rows = (scale: string, x: string, m: string) => `${header}\nIMF.STA:IMTS(1.0.0),NIC,XG_FOB_USD,G001,A,2024,${x},${scale}\nIMF.STA:IMTS(1.0.0),NIC,MG_CIF_USD,G001,A,2024,${m},${scale}\n`;
  const year = async (path: string) => {
    const { datasets } = await load([path]);
    return { ...figures(datasets[0]!).years[0], warnings: datasets[0]!.provenance!.warnings };
  };
  it('millions with SCALE 6 are multiplied out: 6,100.5 million = 6,100,500,000', async () => {
    const y = await year(write('nic-millions.csv', rows('6', '6100.5', '10200.25')));
    expect(y).toMatchObject({ exports: '6100500000', imports: '10200250000' });
    expect(y.warnings[0]).toMatch(/read in the units its SCALE attribute names \(6, millions\)/);
  });
  it('full dollars with SCALE 6 stay as written once one value would pass 100 trillion dollars', async () => {
    // 10,200,250,000 × 10^6 ≈ 1.02e16 USD: more than world trade, so the file is in full dollars,
    // the export row included (61,005,000 × 10^6 = 6.1e13 could have been millions).
    const y = await year(write('nic-units.csv', rows('6', '61005000', '10200250000')));
    expect(y).toMatchObject({ exports: '61005000', imports: '10200250000' });
    expect(y.warnings[0]).toMatch(/read as full US dollars, not in the units of its SCALE attribute \(6, millions\): read so, a value such as 10200250000/);
  });
  it('SCALE 3 in words, SCALE 0, and no SCALE column', async () => {
    expect(await year(write('nic-words.csv', rows('Thousands', '6100500', '10200250')))).toMatchObject({ exports: '6100500000', imports: '10200250000' });
    const zero = await year(write('nic-zero.csv', rows('0', '6100500000', '10200250000')));
    expect(zero).toMatchObject({ exports: '6100500000', warnings: [expect.stringMatching(/read as US dollars, as its SCALE attribute \(0\) says/)] });
    const none = write('nic-none.csv', rows('6', '6100500000', '10200250000').replace(/,SCALE\n/, '\n').replace(/,6\n/g, '\n'));
    expect(await year(none)).toMatchObject({ exports: '6100500000', imports: '10200250000', warnings: [] });
  });
});

describe('legacy DOTS wide CSV: DOT_timeSeries.csv (US dollars)', () => {
  it('reads Value rows by period column; the world (001) total, partners kept by code', async () => {
    const { datasets } = await load([DOTS]);
    expect(datasets.map((d) => [d.reporter, d.reporterCode])).toEqual([
      ['China, P.R.: Mainland', '924'],
      ['Korea, Rep. of', '542'],
    ]);
    const chn = datasets[0]!;
    expect(figures(chn)).toEqual({
      years: [
        { year: 2023, exports: '3380000000000', imports: '2557000000000', basis: 'annual' },
        { year: 2024, exports: '3577000000000', imports: '2588000000000', basis: 'annual' },
      ],
      months: [
        { month: '2025-01', exports: '320000000000', imports: '250000000000' },
        { month: '2025-02', exports: '215000000000', imports: '170000000000' },
      ],
      // 2025M03 is empty: two months only. 320 + 215 = 535 bn; 250 + 170 = 420 bn.
      gaps: [{ year: 2025, reason: 'year-to-date', months: [1, 2], exports: '535000000000', imports: '420000000000' }],
    });
    // Euro Area (163) and Advanced Economies (110) are groups; "Countries & Areas not specified"
    // is a residual, a part of the world like a country, and stays.
    expect(chn.partners.map((p) => [p.partner, p.partnerCode])).toEqual([
      ['United States', '111'],
      ['Germany', '134'],
      ['Countries & Areas not specified', '898'],
    ]);
    expect(figures(chn.partners[0]!).years).toEqual([
      { year: 2023, exports: '500000000000', imports: '164000000000', basis: 'annual' },
      { year: 2024, exports: '525000000000', imports: '163000000000', basis: 'annual' },
    ]);
    // Germany: exports 2024 and an empty imports row: a gap, not a zero.
    expect(chn.partners[1]!.gaps).toMatchObject([{ year: 2024, reason: 'missing-flow', missing: ['imports'] }]);
    // Korea: TMG_CIF_USD used, TMG_FOB_USD (610 bn, 601 bn) left out.
    expect(figures(datasets[1]!).years).toEqual([
      { year: 2023, exports: '632000000000', imports: '642000000000', basis: 'annual' },
      { year: 2024, exports: '683000000000', imports: '632000000000', basis: 'annual' },
    ]);
  });
  it('counts each period cell as an observation: used, or left out with its reason', async () => {
    const { datasets } = await load([DOTS]);
    const p = datasets[0]!.provenance!;
    // Nine period columns. Value cells added: China world X and M 4 each (2023, 2024, 2025M01, M02),
    // US 2 + 2, Germany 1, not specified 2, Korea 2 + 2 + 2 (FOB) = 21.
    // Empty cells of rows read: 1 + 1 (2025M03) + 7 + 7 (US) + 8 + 9 (Germany) + 7 (not specified) + 7 × 3 (Korea) = 61.
    // Quarter cells: 4 + 4. Status cells with a flag: 2 + 2. TBG cells: 8. Group cells: 2 + 2.
    expect(excludedOf(datasets[0]!)).toEqual({ [R.missing]: 61, [R.quarter]: 8, [R.status]: 4, [R.balance]: 8, [R.groups]: 4, [R.fob]: 2 });
    // 21 + 61 + 8 + 4 + 8 + 4 = 106 observations; 21 − 2 (FOB beside CIF) = 19 used.
    expect([p.rowCount, p.usedRowCount]).toEqual([106, 19]);
    expect(p).toMatchObject({ layout: 'dots-wide', valuation: { exports: 'FOB' }, unit: 'US dollars (scaled as the indicator names say: see warnings)' });
    expect(p.warnings).toEqual([`${DOTS}: values read as US dollars: the indicator names state no scale (such as "Millions")`]);
  });
  it('selects a reporter by its IMF code read as text, and the world by "001"', async () => {
    const { datasets } = await load([DOTS], { reporter: '542' });
    expect(datasets.map((d) => d.reporter)).toEqual(['Korea, Rep. of']);
    // "1" and "001" are both the world; "0001" is not a code the IMF writes, so it is a partner.
    const t = text(DOTS).split('\n');
    const korea = t.filter((l) => l.includes('"542"') && l.includes('TXG_FOB_USD'))[0]!;
    const path = write('dots-codes.csv', [t[0], korea.replace('"001"', '"1"'), korea.replace('"World","001"', '"Somewhere","0001"')].join('\n'));
    const { datasets: two } = await load([path]);
    expect(two[0]!.years).toEqual([]);
    expect(two[0]!.gaps).toMatchObject([
      { year: 2023, reason: 'missing-flow', missing: ['imports'] },
      { year: 2024, reason: 'missing-flow', missing: ['imports'] },
    ]);
    expect(two[0]!.gaps).toHaveLength(2);
    expect(two[0]!.partners.map((p) => [p.partner, p.partnerCode])).toEqual([['Somewhere', '0001']]);
  });
});

describe('legacy DOTS wide CSV: DOT_BRA_millions.csv (millions in the names, imports FOB only)', () => {
  it('scales by the indicator names and uses FOB imports, saying both', async () => {
    const { datasets } = await load([DOTS_MILLIONS]);
    const bra = datasets[0]!;
    expect(figures(bra).years).toEqual([
      // 339,696.3 million = 339,696,300,000; 240,800.5 million = 240,800,500,000.
      { year: 2023, exports: '339696300000', imports: '240800500000', basis: 'annual' },
      { year: 2024, exports: '337000900000', imports: '262500000000', basis: 'annual' },
    ]);
    expect(bra.years[0]!.exports.halfWidth.toFixed()).toBe('50000');
    // Argentina 2024 imports are "..": missing, so 2024 is a gap.
    expect(bra.partners[0]).toMatchObject({ partner: 'Argentina', partnerCode: '213', gaps: [{ year: 2024, reason: 'missing-flow', missing: ['imports'] }] });
    expect(figures(bra.partners[0]!).years).toEqual([{ year: 2023, exports: '16700000000', imports: '12000200000', basis: 'annual' }]);
    const p = bra.provenance!;
    expect(p.warnings).toEqual([
      `${DOTS_MILLIONS}: values read in millions of US dollars, as "Goods, Value of Exports, Free on board (FOB), Millions of US Dollars" says: multiplied by 1000000`,
      `${DOTS_MILLIONS}: Brazil's imports are given FOB (TMG_FOB_USD) and not CIF for 3 partner-periods (World 2023 and 2 more): the FOB value is used there unless another input gives CIF, so those imports leave out freight and insurance`,
    ]);
    // 10 cells: 7 used, 2 TBG, 1 "..".
    expect([p.rowCount, p.usedRowCount]).toEqual([10, 7]);
    expect(excludedOf(bra)).toEqual({ [R.balance]: 2, [R.missing]: 1 });
  });
});

describe('files as they arrive', () => {
  it('a gzipped copy gives the same totals', async () => {
    for (const path of [IMTS, DOTS]) {
      const gz = write(`${path.split('/').pop()}.gz`, gzipSync(readFileSync(join(root, path))));
      const plain = await load([path]);
      const zipped = await load([gz]);
      expect(everything(zipped.datasets)).toEqual(everything(plain.datasets));
      expect(zipped.datasets[0]!.provenance!.usedRowCount).toBe(plain.datasets[0]!.provenance!.usedRowCount);
    }
  });

  it('a row that is no number names the file and the line', async () => {
    const bad = write('bad-value.csv', text(IMTS).replace('2024,525000000000,6', '2024,525 bn,6'));
    const err = await load([bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).problems).toEqual([`${bad}:7: the OBS_VALUE "525 bn" is not a value (a decimal number, at most 1e21 in size and 20 decimal places)`]);
    const period = write('bad-period.csv', text(IMTS).replace('A,2023,3380024000000', 'A,FY2023,3380024000000'));
    expect(((await load([period]).catch((e: unknown) => e)) as DataError).problems).toEqual([
      `${period}:2: the TIME_PERIOD "FY2023" is not a year (2024), a month (2024-M01) or a quarter (2024-Q1)`,
    ]);
    const dots = write('bad-dots.csv', text(DOTS).replace('"500000000000","525000000000"', '"500000000000","5.25e11x"'));
    expect(((await load([dots]).catch((e: unknown) => e)) as DataError).problems).toEqual([`${dots}:7: the value "5.25e11x" for 2024 is not a value (a decimal number, at most 1e21 in size and 20 decimal places)`]);
  });

  it('names from a name column beside the codes ("COUNTRY" and "Country"), codes from the code column', async () => {
    const path = write(
      'names.csv',
      'DATAFLOW,COUNTRY,Country,INDICATOR,COUNTERPART_COUNTRY,Counterpart country,FREQUENCY,TIME_PERIOD,OBS_VALUE\n' +
        'IMF.STA:IMTS(1.0.0),KOR,"Korea, Republic of",XG_FOB_USD,G001,World,A,2024,683000000000\n' +
        'IMF.STA:IMTS(1.0.0),KOR,"Korea, Republic of",MG_CIF_USD,JPN,Japan,A,2024,47000000000\n',
    );
    const { datasets } = await load([path], { reporter: 'KOR', partner: 'Japan' });
    expect(datasets[0]).toMatchObject({ reporter: 'Korea, Republic of', reporterCode: 'KOR', partners: [{ partner: 'Japan', partnerCode: 'JPN' }] });
    // One flow of each: no year, a gap each.
    expect(datasets[0]!.gaps).toMatchObject([{ year: 2024, reason: 'missing-flow', missing: ['imports'] }]);
  });

  it('a header without OBS_VALUE is not taken for IMTS: the file is refused, its header quoted', async () => {
    const path = write('no-value.csv', 'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,TIME_PERIOD,VALUE\nIMF.STA:IMTS(1.0.0),KOR,XG_FOB_USD,G001,2024,1\n');
    await expect(load([path], { from: 'imts' })).rejects.toThrow(`${path}: not a file tradecalc knows: its header starts "DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,TIME_PERIOD,VALUE" (expected a imts file (imts-sdmx, dots-wide); see docs/datasets.md)`);
  });

  it('an observation given twice in one file is a problem, not a sum', async () => {
    const lines = text(IMTS).split('\n');
    const twice = write('twice.csv', [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join('\n'));
    const err = (await load([twice]).catch((e: unknown) => e)) as DataError;
    expect(err.problems).toEqual([`${twice}:4: China XG_FOB_USD with World for 2023 is given a second time (each observation once: are two downloads overlapping?)`]);
  });

  it('property: the data rows split into two files with the same header give the same totals', async () => {
    const cases = [IMTS, DOTS, IMTS_LABELS, DOTS_MILLIONS].map((path) => ({ path, lines: text(path).trimEnd().split('\n') }));
    const whole = await Promise.all(cases.map(async (c) => everything((await load([c.path])).datasets)));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: cases.length - 1 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        async (which, side) => {
          const { lines } = cases[which]!;
          const [header, ...data] = lines;
          // The SDMX-CSV 2.0 attribute line and the header travel with the first file.
          const a = data.filter((_, i) => side[i]!);
          const b = data.filter((_, i) => !side[i]!);
          if (a.length === 0 || b.length === 0) return;
          const pa = write(`split-${n}-a.csv`, `${header}\n${a.join('\n')}\n`);
          const pb = write(`split-${n++}-b.csv`, `${header}\n${b.join('\n')}\n`);
          const split = await load([pa, pb]);
          expect(everything(split.datasets)).toEqual(whole[which]);
        },
      ),
      { numRuns: 24, seed: 11 },
    );
  });
});
