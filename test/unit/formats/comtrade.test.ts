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
