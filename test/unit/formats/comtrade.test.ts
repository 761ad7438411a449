// UN Comtrade: the traps of its downloads, each read by the streaming reader and by the bulk engine
// alike. Expected totals are worked out by hand in the comments.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/types.js';
import { DataError } from '../../../src/errors.js';
import { loadData } from '../../../src/data/load.js';
import { cli } from '../../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-comtrade-'));
const fixture = fileURLToPath(new URL('../../fixtures/publishers/comtrade/TradeData_2024.csv', import.meta.url));
const HEADER = 'freqCode,refYear,refMonth,reporterCode,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,cmdCode,aggrLevel,customsCode,motCode,primaryValue';
let n = 0;
const write = (rows: string[]) => {
  const path = join(dir, `t${n++}.csv`);
  writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`);
  return path;
};
const row = (flow: string, cmd: string, customs: string, mot: string, value: string, partner = '0', iso = 'W00') => `A,2024,52,36,AUS,Australia,${flow},${partner},${iso},${cmd},${cmd === 'TOTAL' ? 0 : cmd.length},${customs},${mot},${value}`;
const engines = ['stream', 'duckdb'] as const;
const load = (data: string[], engine: (typeof engines)[number]) => loadData({ data, engine }, { cwd: dir });
const world = (d: Dataset) => ({ years: d.years.map((y) => [y.year, y.exports.value.toFixed(), y.imports.value.toFixed()]), gaps: d.gaps });

describe.each(engines)('Comtrade traps, %s', (engine) => {
  it('rows by customs procedure and rows by mode of transport are two breakdowns of one total, never summed together', async () => {
    // Exports: C01 60 + C02 40 = 100, and mode 1 70 + mode 2 30 = 100; summing all four would give 200.
    const f = write([row('X', 'TOTAL', 'C01', '0', '60'), row('X', 'TOTAL', 'C02', '0', '40'), row('X', 'TOTAL', 'C00', '1', '70'), row('X', 'TOTAL', 'C00', '2', '30'), row('M', 'TOTAL', 'C00', '0', '50')]);
    const d = (await load([f], engine)).datasets[0]!;
    expect(world(d).years).toEqual([[2024, '100', '50']]);
    expect(d.provenance!.excluded).toEqual([{ reason: 'rows by modes of transport: another breakdown of what rows by customs procedures already sum, not added to it', rowCount: 2 }]);
  });

  it('a total without a value makes its figure a gap: a chapter never stands in for it', async () => {
    const f = write([row('X', 'TOTAL', 'C00', '0', ''), row('X', '85', 'C00', '0', '5000000000'), row('M', 'TOTAL', 'C00', '0', '50')]);
    const d = (await load([f], engine)).datasets[0]!;
    expect(world(d)).toEqual({ years: [], gaps: [{ year: 2024, reason: 'missing-flow', missing: ['exports'], imports: expect.anything() }] });
    expect(d.provenance!.excluded.map((e) => e.rowCount)).toEqual([1, 1]);
  });

  it('a part without a value, beside its total, changes nothing', async () => {
    const f = write([row('X', 'TOTAL', 'C00', '0', '100'), row('X', '85', 'C00', '0', ''), row('M', 'TOTAL', 'C00', '0', '50')]);
    expect(world((await load([f], engine)).datasets[0]!).years).toEqual([[2024, '100', '50']]);
  });

  it('a missing part of the only breakdown leaves a gap, not the sum of the other parts', async () => {
    const f = write([row('X', '84', 'C00', '0', '60'), row('X', '85', 'C00', '0', ''), row('M', 'TOTAL', 'C00', '0', '50')]);
    expect(world((await load([f], engine)).datasets[0]!).years).toEqual([]);
  });

  it('the same total in two files (an overlap) is an error naming both; the same file twice is read once', async () => {
    // An overlapping download, not a byte-for-byte copy (a copy is read once: below).
    const copy = join(dir, `copy-${engine}.csv`);
    writeFileSync(copy, `${readFileSync(fixture, 'utf8').trimEnd()}\n\n`);
    const err = (await load([fixture, copy], engine).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.problems).toContain(`${copy}: China's exports with World for 2024: the total is given a second time (also in ${fixture}); are two downloads overlapping, or is the period given in two classifications?`);
    const twice = await load([fixture, fixture], engine);
    expect(twice.datasets[0]!.years[0]!.exports.value.toFixed()).toBe('3577000000000');
    expect(twice.warnings).toContain(`${fixture} is ${fixture} again: read once`);
    const identical = join(dir, `identical-${engine}.csv`);
    copyFileSync(fixture, identical);
    const copied = await load([fixture, identical], engine);
    expect(copied.datasets[0]!.years[0]!.exports.value.toFixed()).toBe('3577000000000');
    expect(copied.warnings).toContain(`${identical} has the same content as ${fixture}: read once`);
  });

  it('a file of exactly 100,000 rows is said to be cut at the download cap', async () => {
    // 100,000 rows: 50,000 partners × 2 flows (partner codes 1000…50999, each a partner).
    const rows: string[] = [];
    for (let p = 0; p < 50_000; p++) for (const flow of ['X', 'M']) rows.push(row(flow, 'TOTAL', 'C00', '0', '1', String(1000 + p), `P${p}`));
    const f = write(rows);
    const loaded = await load([f], engine);
    expect(loaded.warnings).toContain(`${f} has exactly 100000 rows, the Comtrade download cap: it is probably cut short (download it in parts)`);
  }, 60_000);
});

describe('selecting a Comtrade reporter and partner', () => {
  it.each(['China', 'china', 'CHN', '156', '0156'])('--reporter %s selects China in every command', async (who) => {
    const r = await cli(['summary', '--data', fixture, '--reporter', who, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dataset.reporter).toBe('China');
  });

  it.each(['USA', 'usa', '842'])('--partner %s selects the United States', async (whom) => {
    const r = await cli(['summary', '--data', fixture, '--partner', whom, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dataset.partner).toBe('USA');
  });

  it('data validate says what the file is', async () => {
    const r = await cli(['data', 'validate', fixture]);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/is a readable UN Comtrade download: 1 reporter \(China\)/);
    expect(JSON.parse((await cli(['data', 'validate', fixture, '--json'])).stdout)).toMatchObject({ valid: true, format: 'import' });
  });
});

describe('an endless stream of bad rows', () => {
  it('stops after 10,000 problems, with the first ones and the count', async () => {
    async function* endless() {
      yield 'reporter,year,exports,imports\n';
      for (;;) yield 'A,2024,x,1\n'.repeat(1000);
    }
    const r = await cli(['summary', '--data', '-'], { stdin: endless() });
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('  … and 9,980 more problems; reading stopped there (10,000 problems: is this the file you meant?)');
  });
});

// The API's JSON response and the legacy CSV (before 2023), from the fixtures in
// test/fixtures/publishers/comtrade (README.md there lists every row). Every expected figure below
// was worked out by hand from the rows, as the comments say.
describe('the API JSON response (comtrade_api_JPN_2023.json)', () => {
  const api = fileURLToPath(new URL('../../fixtures/publishers/comtrade/comtrade_api_JPN_2023.json', import.meta.url));
  const ROWS_LEFT_OUT = [
    // rows 5 (chapter 87 beside TOTAL) and 15 (heading 0101 beside chapter 01, Australia)
    { reason: 'rows by commodity codes beside the totals they make up: the totals are used, the parts not summed', rowCount: 2 },
    // rows 6 and 7 (imports by air and by sea beside their motCode 0 total)
    { reason: 'rows by modes of transport beside the totals they make up: the totals are used, the parts not summed', rowCount: 2 },
    // row 17 (partner 97)
    { reason: 'partner groups (the European Union, code 97) overlap their members: not summed', rowCount: 1 },
    { reason: 're-exports (RX) are already inside exports (X): not added', rowCount: 1 },
    { reason: 're-imports (RM) are already inside imports (M): not added', rowCount: 1 },
    // row 10 (exports to the USA with partner2Code 124 beside the partner2Code 0 total)
    { reason: 'rows by second partners beside the totals they make up: the totals are used, the parts not summed', rowCount: 1 },
    // row 13 (imports from China under C01): a part of a total whose value is missing, never standing in for it
    { reason: 'rows of a sum with a missing value (the total itself, or one of its parts): not added, as the sum would not be the total', rowCount: 1 },
    // row 12 (imports from China, primaryValue and cifvalue null)
    { reason: 'rows without a value (missing, which is not zero)', rowCount: 1 },
  ];

  it('import --json: 17 rows read, 7 used (rows 1, 2, 8, 9, 11, 14, 16), the rest left out by reason; FOB/CIF in US dollars', async () => {
    const r = await cli(['import', api, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toEqual([expect.objectContaining({ layout: 'comtrade-json', rowCount: 17, engine: 'stream' })]);
    expect(doc).toMatchObject({ publisher: 'UN Comtrade', exportValuation: 'FOB', importValuation: 'CIF', unit: 'US dollars', rowCount: 17, usedRowCount: 7, warnings: [] });
    // 7 used + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 left out = 17
    expect([...doc.excluded].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([...ROWS_LEFT_OUT].sort((a, b) => a.reason.localeCompare(b.reason)));
    expect(doc.reporters).toEqual([expect.objectContaining({ reporter: 'Japan', reporterCode: 'JPN', currency: 'USD', partnerNames: ['USA', 'China', 'Australia'], yearList: [2023] })]);
  });

  it('summary --json: the World rows alone, never their parts, re-exports or re-imports', async () => {
    const r = await cli(['summary', '--data', api, '--reporter', 'Japan', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    // World X 717,000,000,000 (row 1; not + RX 5e9, not + chapter 87 1.2e11);
    // World M 785,000,000,000 (row 2; not + air 2e11 + sea 5.85e11, nor + RM 1e9).
    // Balance 717e9 − 785e9 = −68,000,000,000.
    expect(doc.dataset).toMatchObject({ reporter: 'Japan', partner: 'World', currency: 'USD', imported: { files: [{ layout: 'comtrade-json', rowCount: 17 }], usedRowCount: 7 } });
    expect(JSON.parse(r.stdout).exports).toBe(717000000000);
    expect(JSON.parse(r.stdout).imports).toBe(785000000000);
    expect(JSON.parse(r.stdout).balance).toBe(-68000000000);
  });

  it.each([['USA'], ['usa'], ['842']])('summary --partner %s: the decimals of the value are kept', async (who) => {
    const r = await cli(['summary', '--data', api, '--reporter', 'JPN', '--partner', who, '--json']);
    expect(r.code, r.stderr).toBe(0);
    // X 145,123,456,789.25 (row 8; row 10, by second partner, not added); M 75,000,000,000 (row 9).
    // Balance 145,123,456,789.25 − 75,000,000,000 = 70,123,456,789.25.
    expect(JSON.parse(r.stdout).exports).toBe(145123456789.25);
    expect(JSON.parse(r.stdout).imports).toBe(75000000000);
    expect(JSON.parse(r.stdout).balance).toBe(70123456789.25);
  });

  it('a chapter whose code has a leading zero is summed when no TOTAL is there, and its heading is not', async () => {
    const r = await cli(['summary', '--data', api, '--reporter', '392', '--partner', 'Australia', '--json']);
    expect(r.code, r.stderr).toBe(0);
    // X: chapter "01" 2,000,000,000 (row 14), not + heading "0101" 500,000,000 (row 15); M 60,000,000,000 (row 16).
    // Balance 2e9 − 60e9 = −58,000,000,000.
    expect(JSON.parse(r.stdout).exports).toBe(2000000000);
    expect(JSON.parse(r.stdout).balance).toBe(-58000000000);
  });

  it('imports from China with a missing total are a gap: not zero, and not its C01 part', async () => {
    const r = await cli(['summary', '--data', api, '--reporter', 'Japan', '--partner', 'CHN']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2023 has no imports figure (missing, which is not zero)');
  });

  it('--from auto and --from comtrade recognise it; the bulk engine says it does not read it', async () => {
    for (const from of ['auto', 'comtrade']) {
      const r = await cli(['import', api, '--from', from, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files[0].layout).toBe('comtrade-json');
    }
    const bulk = await cli(['import', api, '--engine', 'duckdb']);
    expect(bulk.code).toBe(3);
    expect(bulk.stderr).toContain('UN Comtrade API JSON files are not read by the bulk engine (use --engine stream)');
  });

  const apiDoc = (data: unknown[] | null, error: string) => JSON.stringify({ elapsedTime: '0.02 secs', count: data?.length ?? 0, data, error });
  const record = (flow: string, partner: number, value: number) => ({ typeCode: 'C', freqCode: 'A', refYear: 2023, refMonth: 52, period: '2023', reporterCode: 392, reporterISO: 'JPN', reporterDesc: 'Japan', flowCode: flow, partnerCode: partner, partnerISO: partner === 0 ? 'W00' : `P${partner}`, cmdCode: 'TOTAL', customsCode: 'C00', motCode: 0, partner2Code: 0, primaryValue: value });

  it.each([
    ['with no records', [] as unknown[]],
    ['with data null', null],
    ['with records beside it', [record('X', 0, 1), record('M', 0, 1)]],
  ])('an API response whose error is not empty is a data error (exit 3), %s', async (_what, data) => {
    const f = join(dir, `api-error-${n++}.json`);
    writeFileSync(f, apiDoc(data, 'Request failed: reporterCode 9999 is not valid'));
    const r = await cli(['summary', '--data', f]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}: the Comtrade API answered with an error, not data: Request failed: reporterCode 9999 is not valid`);
  });

  it('a response of exactly 500 records (the preview cap) is said to be cut short', async () => {
    // 250 partners × 2 flows = 500 records, each partner code 1000…1249.
    const data = Array.from({ length: 250 }, (_, p) => [record('X', 1000 + p, 1), record('M', 1000 + p, 1)]).flat();
    const f = join(dir, `api-cap-${n++}.json`);
    writeFileSync(f, apiDoc(data, ''));
    const r = await cli(['import', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toContain(`${f} has exactly 500 rows, the Comtrade API download cap: it is probably cut short (download it in parts)`);
  });
});

describe.each(engines)('the legacy CSV (comtrade_legacy_BRA_2019.csv), %s', (engine) => {
  const legacy = fileURLToPath(new URL('../../fixtures/publishers/comtrade/comtrade_legacy_BRA_2019.csv', import.meta.url));

  it('import --json: 15 rows read, 7 used (rows 1, 2, 7, 8, 9, 11, 12), the rest left out by reason', async () => {
    const r = await cli(['import', legacy, '--engine', engine, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toEqual([expect.objectContaining({ layout: 'comtrade-legacy', rowCount: 15 })]);
    expect(doc).toMatchObject({ publisher: 'UN Comtrade', exportValuation: 'FOB', importValuation: 'CIF', unit: 'US dollars', rowCount: 15, usedRowCount: 7, warnings: [] });
    // 7 used + 2 + 1 + 1 + 1 + 1 + 1 + 1 left out = 15
    expect([...doc.excluded].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual(
      [
        // rows 5 (chapter "02") and 6 (heading "0201") beside the TOTAL export to World
        { reason: 'rows by commodity codes beside the totals they make up: the totals are used, the parts not summed', rowCount: 2 },
        // row 15, partner 97 (EU-28)
        { reason: 'partner groups (the European Union, code 97) overlap their members: not summed', rowCount: 1 },
        // row 3, Trade Flow Code 3
        { reason: 're-exports (RX) are already inside exports (X): not added', rowCount: 1 },
        // row 4, Trade Flow Code 4
        { reason: 're-imports (RM) are already inside imports (M): not added', rowCount: 1 },
        // row 14, imports from the USA by air (Mode of Transport Code 1)
        { reason: 'rows by modes of transport beside the totals they make up: the totals are used, the parts not summed', rowCount: 1 },
        // row 13, exports to the USA with 2nd Partner Code 124
        { reason: 'rows by second partners beside the totals they make up: the totals are used, the parts not summed', rowCount: 1 },
        // row 10, imports from Argentina with an empty Trade Value
        { reason: 'rows without a value (missing, which is not zero)', rowCount: 1 },
      ].sort((a, b) => a.reason.localeCompare(b.reason)),
    );
    expect(doc.reporters).toEqual([expect.objectContaining({ reporter: 'Brazil', reporterCode: 'BRA', currency: 'USD', yearList: [2019] })]);
  });

  it('the world and each partner, by loadData', async () => {
    const d = (await load([legacy], engine)).datasets[0]!;
    // World: flow 2 225,400,000,000 (row 1; not + re-exports 1.2e9, not + chapter 02 1.6e10 or heading 0201 5e9);
    // flow 1 177,300,000,000 (row 2; not + re-imports 3e8). Balance 48,100,000,000.
    expect(world(d)).toEqual({ years: [[2019, '225400000000', '177300000000']], gaps: [] });
    const partners = Object.fromEntries(d.partners.map((p) => [p.partner, { code: p.partnerCode, years: p.years.map((y) => [y.year, y.exports.value.toFixed(), y.imports.value.toFixed()]), gaps: p.gaps.map((g) => g.reason) }]));
    expect(partners).toEqual({
      // X 63,400,000,000, M 36,000,000,000 (rows 7, 8)
      China: { code: 'CHN', years: [[2019, '63400000000', '36000000000']], gaps: [] },
      // X 29,700,000,000 (row 11; row 13 by second partner not added), M 30,100,000,000 (row 12; row 14 by air not added)
      USA: { code: 'USA', years: [[2019, '29700000000', '30100000000']], gaps: [] },
      // X 9,800,000,000 (row 9); M missing (row 10): a gap, not a year with zero imports
      Argentina: { code: 'ARG', years: [], gaps: ['missing-flow'] },
    });
  });

  it('summary --json gives the balance, and every way of naming Brazil and China selects them', async () => {
    for (const who of ['Brazil', 'BRA', '76', '076']) {
      const r = await cli(['summary', '--data', legacy, '--reporter', who, '--json']);
      expect(r.code, r.stderr).toBe(0);
      // 225,400,000,000 − 177,300,000,000 = 48,100,000,000
      expect(JSON.parse(r.stdout).balance).toBe(48100000000);
    }
    for (const whom of ['China', 'CHN', '156']) {
      const r = await cli(['summary', '--data', legacy, '--partner', whom, '--json']);
      expect(r.code, r.stderr).toBe(0);
      // 63,400,000,000 − 36,000,000,000 = 27,400,000,000
      expect(JSON.parse(r.stdout).balance).toBe(27400000000);
    }
  });

  it('a legacy file of exactly 500 rows is said to be cut short', async () => {
    const header = 'Year,Period,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Trade Value (US$)';
    const rows = Array.from({ length: 250 }, (_, p) => [`2019,2019,2,Export,76,Brazil,BRA,${1000 + p},P${p},P${p},TOTAL,1`, `2019,2019,1,Import,76,Brazil,BRA,${1000 + p},P${p},P${p},TOTAL,1`]).flat();
    const f = join(dir, `legacy-cap-${engine}.csv`);
    writeFileSync(f, `${header}\n${rows.join('\n')}\n`);
    const loaded = await load([f], engine);
    expect(loaded.warnings).toContain(`${f} has exactly 500 rows, the Comtrade download cap: it is probably cut short (download it in parts)`);
  });
});

describe('--from auto tells the legacy CSV', () => {
  it('by its columns', async () => {
    const legacy = fileURLToPath(new URL('../../fixtures/publishers/comtrade/comtrade_legacy_BRA_2019.csv', import.meta.url));
    for (const from of ['auto', 'comtrade']) {
      const r = await cli(['import', legacy, '--from', from, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files[0].layout).toBe('comtrade-legacy');
    }
  });
});
