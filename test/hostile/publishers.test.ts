// Hostile publishers' files: cells that are Object.prototype names where a layout looks a code up,
// periods that are no month, and other inputs that once ended in an internal error (exit 4) or in
// rows counted as summed that were summed nowhere. Every case ends with its documented exit code,
// never a stack trace, and the figures that are read are the right ones.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-hostile-publishers-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

const noInternalError = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/internal error|\n\s+at |TypeError|DecimalError/);

const LEGACY_HEADER = 'Classification,Year,Period,Aggregate Level,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Trade Value (US$)';
const legacyRow = (flow: string, value: string) => `HS,2020,2020,0,${flow},Flow,36,Australia,AUS,0,World,WLD,TOTAL,${value}`;

const COMEXT_HEADER = 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE';
const comextRow = (flow: string, value: string) => `ESTAT:DS-045409(1.0),15/09/25 11:00:00,A,DE,WORLD,TOTAL,${flow},VALUE_IN_EUROS,2022,${value}`;

const IMTS_HEADER = 'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE';

describe('a code that is an Object.prototype name', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`Comtrade legacy CSV: Trade Flow Code ${name} is a flow that is left out`, async () => {
      const f = file(`legacy-${name}.csv`, [LEGACY_HEADER, legacyRow('2', '1000'), legacyRow('1', '800'), legacyRow(name, '5')].join('\n') + '\n');
      const r = await cli(['summary', '--data', f, '--json']);
      noInternalError(r);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.dataset.imported.usedRowCount).toBe(2);
      expect(doc.dataset.imported.excluded).toEqual([{ reason: expect.stringMatching(/neither exports \(X\) nor imports \(M\)/), rowCount: 1 }]);
    });

    it(`Comext: flow ${name} is left out, not counted as summed`, async () => {
      const f = file(`comext-${name}.csv`, [COMEXT_HEADER, comextRow('1', '100'), comextRow('2', '300'), comextRow(name, '7')].join('\n') + '\n');
      const r = await cli(['summary', '--data', f, '--json']);
      noInternalError(r);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.dataset.imported.rowCount).toBe(3);
      expect(doc.dataset.imported.usedRowCount).toBe(2);
      expect(doc.dataset.imported.excluded).toHaveLength(1);
      expect(doc.dataset.imported.excluded[0].reason).toMatch(/neither 1 \(imports\) nor 2 \(exports\)/);
    });

    it(`IMF IMTS: SCALE ${name} is a data error`, async () => {
      const f = file(`imts-${name}.csv`, [IMTS_HEADER, `IMF.STA:IMTS(1.0.0),CHN,XG_FOB_USD,G001,A,2023,3380024,${name}`, 'IMF.STA:IMTS(1.0.0),CHN,MG_CIF_USD,G001,A,2023,2556012,6'].join('\n') + '\n');
      const r = await cli(['import', f]);
      noInternalError(r);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
    });
  }
});

describe('a Comtrade month that is no month', () => {
  const H = 'freqCode,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,cmdCode,primaryValue';
  for (const [month, period] of [
    ['13', '202413'],
    ['1.5', '202401.5'],
    ['abc', 'abc'],
    ['-1', '2024M13'],
  ] as const) {
    it(`refMonth ${month} (period ${period}) is a data error naming the period, for every command`, async () => {
      const f = file(`ct-${month}.csv`, [H, `M,2024,${month},${period},156,CHN,China,X,0,W00,World,TOTAL,100`, 'M,2024,1,202401,156,CHN,China,M,0,W00,World,TOTAL,50'].join('\n') + '\n');
      for (const argv of [['import', f], ['months', '--data', f], ['summary', '--data', f]]) {
        const r = await cli(argv);
        noInternalError(r);
        expect(r.code, argv.join(' ')).toBe(3);
        expect(r.stderr).toMatch(/is not a year or a month/);
      }
    });
  }

  it('a monthly row without refMonth is read from its period, never as the whole year', async () => {
    const f = file('ct-no-month.csv', [H, 'M,2024,,202403,156,CHN,China,X,0,W00,World,TOTAL,100', 'M,2024,3,202403,156,CHN,China,M,0,W00,World,TOTAL,50'].join('\n') + '\n');
    const out = join(dir, 'ct-no-month.json');
    const r = await cli(['import', f, '--output', out]);
    noInternalError(r);
    expect(r.code).toBe(0);
    const ds = JSON.parse(readFileSync(out, 'utf8'));
    expect(ds.years ?? []).toEqual([]);
    expect(ds.months).toEqual([{ month: '2024-03', exports: '100', imports: '50' }]);
  });
});

describe('the same download twice under two names (a copy, "download (1).csv")', () => {
  const fixtures = new URL('../fixtures/publishers/', import.meta.url).pathname;
  const copies = [
    'imf/IMTS_CHN_VNM_2023-2025.csv',
    'imf/DOT_BRA_millions.csv',
    'comext/estat_ds-045409.csv',
    'comext/full202401.dat',
    'china-customs/exports_2024-2025_usd.csv',
    'baci/BACI_HS17_Y2022_V202401b.csv',
    'comtrade/TradeData_2024.csv',
  ];
  for (const name of copies) {
    it(`${name}: read once, with a warning, never summed twice`, async () => {
      const original = join(fixtures, name);
      const copy = file(`copy of ${name.split('/').pop()}`, readFileSync(original));
      const once = join(dir, `once-${name.replace(/\W/g, '_')}.json`);
      const twice = join(dir, `twice-${name.replace(/\W/g, '_')}.json`);
      const a = await cli(['import', original, '--output', once]);
      const b = await cli(['import', original, copy, '--output', twice]);
      noInternalError(b);
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      expect((b.stderr + b.stdout).replace(/\s+/g, ' ')).toMatch(/has the same content as .*: read once/);
      const figures = (path: string) => {
        const doc = JSON.parse(readFileSync(path, 'utf8'));
        return (doc.datasets ?? [doc]).map((ds: { reporter: string; years?: unknown; months?: unknown; partners?: unknown }) => [ds.reporter, ds.years, ds.months, ds.partners]);
      };
      expect(figures(twice)).toEqual(figures(once));
    });
  }
});

describe('IMF downloads that overlap', () => {
  const fixtures = new URL('../fixtures/publishers/imf/', import.meta.url).pathname;
  it('SDMX-CSV: an observation in two files is a data error naming both, not a sum', async () => {
    const [header, ...rows] = readFileSync(join(fixtures, 'IMTS_CHN_VNM_2023-2025.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const a = file('imts-2023-2024.csv', [header, ...rows.filter((r) => /,(2023|2024),/.test(r))].join('\n') + '\n');
    const b = file('imts-2024.csv', [header, ...rows.filter((r) => /,2024,/.test(r))].join('\n') + '\n');
    const r = await cli(['import', a, b]);
    noInternalError(r);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/imts-2024\.csv.*also in .*imts-2023-2024\.csv/);
  });

  it('SDMX-CSV: the years of one download split into two files give the same figures', async () => {
    const [header, ...rows] = readFileSync(join(fixtures, 'IMTS_CHN_VNM_2023-2025.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const a = file('imts-2023.csv', [header, ...rows.filter((r) => /,2023,/.test(r))].join('\n') + '\n');
    const b = file('imts-rest.csv', [header, ...rows.filter((r) => !/,2023,/.test(r))].join('\n') + '\n');
    const whole = await cli(['summary', '--data', join(fixtures, 'IMTS_CHN_VNM_2023-2025.csv'), '--reporter', 'CHN', '--json']);
    const split = await cli(['summary', '--data', a, '--data', b, '--reporter', 'CHN', '--json']);
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout).years).toEqual(JSON.parse(whole.stdout).years);
  });

  it('DOTS: a series and period in two files is a data error, its other periods split across files are not', async () => {
    const dots = readFileSync(join(fixtures, 'DOT_BRA_millions.csv'), 'utf8');
    const copy = file('dots-again.csv', dots.replace('"2023","2024",', '"2024","2025",').replace(/"339696\.3"/, '"1"'));
    const r = await cli(['import', join(fixtures, 'DOT_BRA_millions.csv'), copy]);
    noInternalError(r);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/2024.*also in .*DOT_BRA_millions\.csv/);
  });
});

describe('a publisher total outside what a dataset may hold', () => {
  const H = 'freqCode,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,cmdCode,primaryValue';
  // Several exports values ("a,b") are chapters 01, 02… of one total.
  const ct = (name: string, exports: string) => {
    const values = exports.split(',');
    const rows = values.map((v, i) => `A,2024,52,2024,156,CHN,China,X,0,W00,World,${values.length > 1 ? String(i + 1).padStart(2, '0') : 'TOTAL'},${v}`);
    return file(name, [H, ...rows, 'A,2024,52,2024,156,CHN,China,M,0,W00,World,TOTAL,50'].join('\n') + '\n');
  };
  for (const [value, message] of [
    ['-100', /China 2024 exports: the rows sum to -100, below zero/],
    // A single value out of bounds is refused as it is read; a sum out of bounds when it is made.
    ['1e400', /"1e400" is not a value \(a decimal number, at most 1e21 in size and 20 decimal places\)/],
    ['0.0000000000000000000001', /"0\.0000000000000000000001" is not a value \(a decimal number, at most 1e21 in size and 20 decimal places\)/],
    ['900000000000000000000,900000000000000000000', /China 2024 exports: the rows sum to 1800000000000000000000.*beyond 1e21/],
  ] as const) {
    it(`${value}: a data error naming the file, never a figure nor a dataset written that cannot be read back`, async () => {
      const f = ct(`value-${value}.csv`, value);
      for (const argv of [['summary', '--data', f], ['import', f, '--output', join(dir, 'never.json')], ['months', '--data', f]]) {
        const r = await cli(argv);
        noInternalError(r);
        expect(r.code, argv.join(' ')).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(f);
        expect(r.stderr).toMatch(message);
      }
    });
  }

  it('a negative part beside positive ones (a correction) is summed when the total is not below zero', async () => {
    const f = file('correction.csv', [H, 'A,2024,52,2024,156,CHN,China,X,0,W00,World,01,100', 'A,2024,52,2024,156,CHN,China,X,0,W00,World,02,-30', 'A,2024,52,2024,156,CHN,China,M,0,W00,World,TOTAL,50'].join('\n') + '\n');
    const r = await cli(['summary', '--data', f, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).exports).toBe(70);
  });
});

describe('a directory whose data-like entries are no files', () => {
  it('a link to a folder named like data is passed over, and a folder of nothing else holds no data files', async () => {
    const folder = join(dir, 'links-only');
    mkdirSync(folder);
    symlinkSync(folder, join(folder, 'self.csv'));
    symlinkSync(join(folder, 'dangling'), join(folder, 'dangling'));
    const r = await cli(['import', folder]);
    noInternalError(r);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/links-only: the directory holds no data files/);
  });
});

describe('Comext: a part without a value is not zero', () => {
  const H = 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE';
  const R = 'ESTAT:DS-045409(1.0),15/09/25 11:00:00,A,DE';
  it('SDMX-CSV by products, one of them ":" and no TOTAL row: that flow is a gap, never the sum of the rest', async () => {
    const f = file('comext-parts.csv', [H, `${R},WORLD,01,1,VALUE_IN_EUROS,2022,100`, `${R},WORLD,02,1,VALUE_IN_EUROS,2022,:`, `${R},WORLD,01,2,VALUE_IN_EUROS,2022,300`, `${R},WORLD,02,2,VALUE_IN_EUROS,2022,5`].join('\n') + '\n');
    const r = await cli(['summary', '--data', f]);
    noInternalError(r);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no complete year|no imports/);
  });

  it('SDMX-CSV: a missing part beside its TOTAL row changes nothing', async () => {
    const f = file('comext-total.csv', [H, `${R},WORLD,TOTAL,1,VALUE_IN_EUROS,2022,110`, `${R},WORLD,02,1,VALUE_IN_EUROS,2022,:`, `${R},WORLD,TOTAL,2,VALUE_IN_EUROS,2022,305`].join('\n') + '\n');
    const r = await cli(['summary', '--data', f, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ exports: 305, imports: 110 });
  });

  it('bulk file: a partner with a value missing has no figure for that flow, and nor has the world', async () => {
    const head = 'DECLARANT,DECLARANT_ISO,PARTNER,PARTNER_ISO,TRADE_TYPE,PRODUCT_NC,PRODUCT_SITC,PRODUCT_CPA2002,PRODUCT_CPA2008,PRODUCT_CPA2_1,PRODUCT_BEC,PRODUCT_SECTION,FLOW,STAT_REGIME,SUPP_UNIT,PERIOD,VALUE_IN_EUROS,QUANTITY_IN_KG,SUP_QUANTITY';
    const row = (partner: string, product: string, flow: string, value: string) => `004,DE,0400,${partner},E,${product},1,1,1,1,1,05,${flow},1,,202401,${value},1,`;
    const f = file('full-missing.dat', [head, row('US', '01', '1', ''), row('US', '02', '1', '100'), row('US', '01', '2', '50'), row('CN', '01', '1', '7'), row('CN', '01', '2', '9')].join('\n') + '\n');
    const out = join(dir, 'full-missing.json');
    const r = await cli(['import', f, '--output', out]);
    noInternalError(r);
    expect(r.code).toBe(0);
    const ds = JSON.parse(readFileSync(out, 'utf8'));
    // World exports: 50 + 9; imports unknown (US imports lack a part), never 100 + 7.
    expect(ds.months).toEqual([{ month: '2024-01', exports: '59' }]);
    const us = ds.partners.find((p: { partner: string }) => p.partner === 'USA');
    expect(us.months).toEqual([{ month: '2024-01', exports: '50' }]);
  });
});

describe('Census: a part without a value is not zero', () => {
  it('commodities without an all-commodities row, one of them empty: that month is a gap, never the sum of the rest', async () => {
    const f = file('census-parts.json', JSON.stringify([
      ['CTY_CODE', 'CTY_NAME', 'E_COMMODITY', 'COMM_LVL', 'ALL_VAL_MO', 'time'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '27', 'HS2', '100', '2024-01'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '84', 'HS2', null, '2024-01'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '27', 'HS2', '100', '2024-02'],
      ['-', 'TOTAL FOR ALL COUNTRIES', '84', 'HS2', '5', '2024-02'],
    ]));
    const out = join(dir, 'census-parts-out.json');
    const r = await cli(['import', f, '--from', 'census', '--output', out]);
    noInternalError(r);
    expect(r.code).toBe(0);
    const ds = JSON.parse(readFileSync(out, 'utf8'));
    // January is listed without a figure (unknown), never as 100.
    expect(ds.months).toEqual([{ month: '2024-01' }, { month: '2024-02', exports: '105' }]);
  });
});

describe('import --partner that no row has', () => {
  const api = new URL('../fixtures/publishers/comtrade/comtrade_api_JPN_2023.json', import.meta.url).pathname;
  it.each([['Nowhere'], ['constructor'], ['__proto__']])('--partner %s is a usage error naming the files, never the world totals alone', async (partner) => {
    const r = await cli(['import', api, '--partner', partner]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tradecalc: --partner ${JSON.stringify(partner)}: no row of ${api} is of that partner (a name or a code as the files write it, or World)\n`);
  });
  it.each([['World'], ['0'], ['USA'], ['842']])('--partner %s is found', async (partner) => {
    const r = await cli(['import', api, '--partner', partner, '--json']);
    expect(r.code).toBe(0);
  });
});

describe('a country by the name people use', () => {
  const comtrade = new URL('../fixtures/publishers/comtrade/TradeData_2024.csv', import.meta.url).pathname;
  const balance = async (args: string[]) => JSON.parse((await cli(['summary', '--data', comtrade, '--reporter', 'China', ...args, '--json'])).stdout).balance;
  it.each([['United States'], ['united states of america'], ['U.S.'], ['USA'], ['842'], ['US']])('--partner %s is the partner the file calls USA, on both engines', async (name) => {
    expect(await balance(['--partner', name])).toBe(361100000000);
    for (const engine of ['stream', 'duckdb']) {
      const r = await cli(['import', comtrade, '--reporter', 'China', '--partner', name, '--engine', engine, '--json']);
      expect(JSON.parse(r.stdout).reporters[0].partnerNames, engine).toEqual(['USA']);
    }
  });
  it('an alias never matches another country', async () => {
    const r = await cli(['summary', '--data', comtrade, '--reporter', 'China', '--partner', 'South Korea']);
    expect(r.code).toBe(2);
  });
});
