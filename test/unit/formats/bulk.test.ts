// The bulk engine on generated files: chosen by size, its printed query run by DuckDB alone, Parquet
// read through it, and a missing engine said in one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/types.js';
import { loadData } from '../../../src/data/load.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-bulk-'));
const bin = join(root, 'bin', 'tradecalc');

/** A deterministic Comtrade-shaped bulk file: 3 reporters × 2 flows × 40 partners × 25 commodities, totals beside parts. */
function bulkFile(): { path: string; expected: Map<string, bigint> } {
  const header = 'freqCode\trefYear\trefMonth\tperiod\treporterCode\tflowCode\tpartnerCode\tpartner2Code\tcmdCode\tcustomsCode\tmotCode\tcifvalue\tfobvalue\tprimaryValue';
  const lines = [header];
  const expected = new Map<string, bigint>();
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (const reporter of ['156', '842', '276']) {
    for (const flow of ['X', 'M', 'RX']) {
      for (let partner = 0; partner < 40; partner++) {
        for (let c = 0; c < 25; c++) {
          const cmd = c === 0 ? 'TOTAL' : String(c).padStart(2, '0');
          const value = BigInt(next()) * 1000n + BigInt(c);
          lines.push(['A', '2024', '52', '2024', reporter, flow, String(partner === 0 ? 0 : partner + 3), '0', cmd, 'C00', '0', '', '', String(value)].join('\t'));
          // Only the world total (partner 0) of all commodities is the answer; RX is inside X.
          if (partner === 0 && cmd === 'TOTAL' && flow !== 'RX') expected.set(`${reporter} ${flow}`, value);
        }
      }
    }
  }
  const path = join(dir, 'comtrade-bulk.tsv.gz');
  writeFileSync(path, gzipSync(`${lines.join('\n')}\n`));
  return { path, expected };
}

// The bulk engine lists reporters by name, the streaming reader in file order: compared by name.
const figures = (ds: Dataset[]) =>
  [...ds].sort((a, b) => a.reporter.localeCompare(b.reporter)).map((d) => ({ reporter: d.reporter, years: d.years.map((y) => [y.year, y.exports.value.toFixed(), y.imports.value.toFixed()]), partners: d.partners.length, excluded: d.provenance?.excluded }));

describe('the bulk engine on a generated Comtrade bulk file', () => {
  const { path, expected } = bulkFile();

  it('is chosen for a file over the size limit, and gives the same datasets as the streaming reader', async () => {
    const auto = await loadData({ data: [path], bulkBytes: 1024 }, { cwd: dir });
    const stream = await loadData({ data: [path], engine: 'stream' }, { cwd: dir });
    expect(auto.datasets[0]!.provenance!.engine).toBe('duckdb');
    expect(stream.datasets[0]!.provenance!.engine).toBe('stream');
    expect(figures(auto.datasets)).toEqual(figures(stream.datasets));
    // In one order whichever engine read the file (its rows come China, USA, Germany).
    expect(auto.datasets.map((d) => d.reporter)).toEqual(['China', 'Germany', 'USA']);
    expect(stream.datasets.map((d) => d.reporter)).toEqual(['China', 'Germany', 'USA']);
    // Each reporter's world total is the TOTAL row of partner 0, to the last digit.
    for (const d of auto.datasets) {
      const code = { China: '156', USA: '842', Germany: '276' }[d.reporter]!;
      expect(d.years[0]!.exports.value.toFixed()).toBe(expected.get(`${code} X`)!.toString());
      expect(d.years[0]!.imports.value.toFixed()).toBe(expected.get(`${code} M`)!.toString());
    }
  });

  it('--print-sql prints a query that DuckDB alone runs to the same sums (the warehouse path)', async () => {
    const r = spawnSync(process.execPath, [bin, 'import', path, '--reporter', 'China', '--print-sql'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const sqlFile = join(dir, 'query.sql');
    writeFileSync(sqlFile, r.stdout);
    // The query as a user runs it on another engine: no tradecalc around it.
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await c.runAndReadAll(r.stdout)).getRowObjects();
    const sums = new Map(rows.filter((x) => x.excluded === null && Number(x.rank) === 0 && x.partner === 'World').map((x) => [String(x.flow), String(x.value)]));
    c.closeSync();
    expect(BigInt(sums.get('exports')!.replace(/\.0+$/, ''))).toBe(expected.get('156 X'));
    expect(BigInt(sums.get('imports')!.replace(/\.0+$/, ''))).toBe(expected.get('156 M'));
  });
});

describe('Parquet', () => {
  const csv = join(root, 'test/fixtures/publishers/comtrade/TradeData_2024.csv');
  const parquet = async (name: string, select: string) => {
    const out = join(dir, name);
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`COPY (${select}) TO '${out}' (FORMAT parquet)`);
    c.closeSync();
    return out;
  };

  it('a Comtrade file saved as Parquet (typed columns) gives what the CSV gives', async () => {
    const file = await parquet('comtrade.parquet', `SELECT * FROM read_csv('${csv}', header = true)`);
    const a = await loadData({ data: [file] }, { cwd: dir });
    const b = await loadData({ data: [csv] }, { cwd: dir });
    expect(a.datasets[0]!.provenance!.engine).toBe('duckdb');
    expect(figures(a.datasets)).toEqual(figures(b.datasets));
    expect(a.warnings ?? []).toEqual([]);
  });

  it('values stored as floating point are read, and said to be', async () => {
    const file = await parquet('double.parquet', `SELECT * REPLACE (CAST(primaryValue AS DOUBLE) AS primaryValue) FROM read_csv('${csv}', header = true)`);
    const a = await loadData({ data: [file] }, { cwd: dir });
    expect(a.datasets[0]!.provenance!.warnings.join('\n')).toMatch(/primaryValue is stored as floating-point numbers in the Parquet file/);
  });

  it('--engine stream and standard input are refused in one line', async () => {
    const file = await parquet('again.parquet', `SELECT * FROM read_csv('${csv}', header = true)`);
    await expect(loadData({ data: [file], engine: 'stream' }, { cwd: dir })).rejects.toThrow(/is a Parquet file, which only the bulk engine reads/);
    const r = spawnSync(process.execPath, [bin, 'import', '-'], { input: readFileSync(file), encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^tradecalc: <stdin>: is a Parquet file: tradecalc reads Parquet from a file, not from standard input/);
  });
});

describe('without the engine', () => {
  it('a missing @duckdb/node-api is one line, and the streaming reader still works', () => {
    const { path } = bulkFile();
    // A preload that makes the package unresolvable, as on a machine where it did not install.
    const register = join(dir, 'no-duckdb.cjs');
    writeFileSync(
      register,
      `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@duckdb/')) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};
`,
    );
    const r = spawnSync(process.execPath, ['--require', register, bin, 'import', path, '--engine', 'duckdb'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/the bulk engine \(DuckDB, the optional dependency @duckdb\/node-api\) is not installed or does not load here .*read the file with --engine stream/);
    const s = spawnSync(process.execPath, ['--require', register, bin, 'import', path, '--engine', 'stream', '--json'], { encoding: 'utf8' });
    expect(s.status).toBe(0);
  });
});

describe('values are summed exactly or refused, never rounded', () => {
  const header = 'freqCode\trefYear\trefMonth\tperiod\treporterCode\tflowCode\tpartnerCode\tpartner2Code\tcmdCode\tcustomsCode\tmotCode\tcifvalue\tfobvalue\tprimaryValue';
  const file = (name: string, values: [string, string]) => {
    const path = join(dir, name);
    const rows = values.map((v, i) => ['A', '2024', '52', '2024', '156', i === 0 ? 'X' : 'M', '0', '0', 'TOTAL', 'C00', '0', '', '', v].join('\t'));
    writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
    return path;
  };

  it('both engines keep six decimal places and exponents exactly, to the same datasets', async () => {
    const path = file('exact.tsv', ['3710000000001.234567', '2.5e12']);
    for (const engine of ['stream', 'duckdb'] as const) {
      const { datasets } = await loadData({ data: [path], engine }, { cwd: dir });
      expect(datasets[0]!.years[0]!.exports.value.toFixed()).toBe('3710000000001.234567');
      expect(datasets[0]!.years[0]!.imports.value.toFixed()).toBe('2500000000000');
    }
  });

  it('parts stated to different digits: each one\'s rounding counts (0.5 + 0.05), on both engines', async () => {
    const path = join(dir, 'digits.tsv');
    const rows = [['01', '7'], ['02', '12.5']].map(([cmd, v]) => ['A', '2024', '52', '2024', '156', 'X', '0', '0', cmd, 'C00', '0', '', '', v].join('\t'));
    writeFileSync(path, `${[header, ...rows, ['A', '2024', '52', '2024', '156', 'M', '0', '0', 'TOTAL', 'C00', '0', '', '', '5'].join('\t')].join('\n')}\n`);
    for (const engine of ['stream', 'duckdb'] as const) {
      const { datasets } = await loadData({ data: [path], engine }, { cwd: dir });
      const x = datasets[0]!.years[0]!.exports;
      expect([engine, x.value.toFixed(), x.halfWidth.toFixed()]).toEqual([engine, '19.5', '0.55']);
    }
  });

  it.each([
    ['seven decimal places', '1.1234567', /the bulk engine sums exactly/],
    ['an exponent below the sixth place', '1e-7', /the bulk engine sums exactly/],
    ['a value beyond 1e21', '2e25', /beyond 1e21/],
  ])('%s: the stream engine sums it or refuses it, the bulk engine refuses it (exit 3) and names the stream engine', (_name, value, bulkMessage) => {
    const path = file(`odd-${value}.tsv`, [value, '5']);
    const bulk = spawnSync(process.execPath, [bin, 'import', path, '--engine', 'duckdb'], { encoding: 'utf8' });
    expect(bulk.status).toBe(3);
    expect(bulk.stderr).toMatch(bulkMessage);
    expect(bulk.stderr).toMatch(/--engine stream/);
    expect(bulk.stderr.match(/sums exactly/g)).toHaveLength(1);
    const stream = spawnSync(process.execPath, [bin, 'import', path, '--engine', 'stream', '--json'], { encoding: 'utf8' });
    if (value === '2e25') {
      expect(stream.status).toBe(3);
      expect(stream.stderr).toMatch(/"2e25" is not a value \(a decimal number, at most 1e21 in size and 20 decimal places\)/);
    } else {
      expect(stream.status).toBe(0);
    }
  });
});
