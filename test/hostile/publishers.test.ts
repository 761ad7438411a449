// Hostile publishers' files: cells that are Object.prototype names where a layout looks a code up,
// periods that are no month, and other inputs that once ended in an internal error (exit 4) or in
// rows counted as summed that were summed nowhere. Every case ends with its documented exit code,
// never a stack trace, and the figures that are read are the right ones.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
