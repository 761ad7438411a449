// End to end: the built binary, spawned with a fixed environment. Tables are compared with golden
// files (UPDATE_GOLDEN=1 rewrites them after a deliberate change); JSON is compared as data.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}bin/tradecalc`;
const golden = (name: string) => `${root}test/golden/${name}`;

function tradecalc(args: string[], env: Record<string, string> = {}, cwd = '/') {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function matchGolden(name: string, text: string) {
  const file = golden(name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing`);
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('bin/tradecalc', () => {
  it.each([
    ['summary.txt', ['summary']],
    ['project.txt', ['project', '--growth', '3']],
    ['project-5y.txt', ['project', '--years', '5', '--growth', '3,2.5,2,1,0', '--import-growth', '4']],
    ['project-deficit.txt', ['project', '--growth', '-40', '--threshold', '-500B']],
    ['project-chart.txt', ['project', '--years', '10', '--growth', '3', '--import-growth', '6', '--chart']],
    ['scenarios.txt', ['scenarios']],
    ['scenarios-3y.txt', ['scenarios', '--growth', '-4:4:2', '--import-growth', '0:6:3', '--years', '3', '--threshold', '900B']],
    ['scenarios-named.txt', ['scenarios', '--scenario', 'baseline,optimistic,pessimistic', '--years', '3']],
    ['breakeven.txt', ['breakeven']],
    ['breakeven-5y.txt', ['breakeven', '--years', '5', '--import-growth', '2']],
    ['breakeven-none.txt', ['breakeven', '--threshold', '5T']],
    ['simulate.txt', ['simulate', '--runs', '20000', '--growth', '0', '--growth-sd', '4', '--import-growth-sd', '0']],
    ['simulate-3y.txt', ['simulate', '--runs', '20000', '--years', '3', '--growth-sd', '3', '--import-growth-sd', '3', '--correlation', '0.5', '--seed', '42']],
    ['help.txt', ['--help']],
    ['summary-ranges.txt', ['summary', '--ranges']],
    ['project-ranges.txt', ['project', '--ranges', '--years', '2']],
    ['check.txt', ['check']],
    ['data-show.txt', ['data', 'show']],
    ['project-help.txt', ['project', '--help']],
    ['partners.txt', ['partners', '--data', `${root}test/fixtures/partners-mirror.csv`, '--reporter', 'Examplia']],
    ['partners-top2-exports.txt', ['partners', '--data', `${root}test/fixtures/partners-mirror.csv`, '--reporter', 'Examplia', '--top', '2', '--flow', 'exports']],
    ['partners-census.txt', ['partners', '--data', `${root}test/fixtures/publishers/census/2024`]],
    ['mirror.txt', ['mirror', '--data', `${root}test/fixtures/partners-mirror.csv`, '--reporter', 'Examplia', '--partner', 'Northland']],
    [
      'mirror-cif-fob.txt',
      ['mirror', '--data', `${root}test/fixtures/publishers/comtrade/TradeData_2024.csv`, '--data', `${root}test/fixtures/publishers/census/2024`, '--reporter', 'China', '--partner', 'United States', '--cif-fob'],
    ],
    ['months.txt', ['months', '--chart']],
    ['months-amounts.txt', ['months', '--data', `${root}test/fixtures/china-months.json`, '--chart']],
    ['months-partner.txt', ['months', '--data', `${root}test/fixtures/publishers/census/2024`, '--partner', 'Mexico', '--year', '2024', '--flow', 'imports', '--chart']],
    ['check-months.txt', ['check', '--data', `${root}test/fixtures/china-months.json`]],
    // The charts as SVG pictures (test/cli/svg.test.ts reads them back and renders them).
    ['project.svg', ['project', '--years', '10', '--growth', '3', '--import-growth', '6', '--format', 'svg']],
    ['project-ranges.svg', ['project', '--ranges', '--years', '2', '--format', 'svg']],
    ['simulate.svg', ['simulate', '--runs', '20000', '--growth', '0', '--growth-sd', '4', '--import-growth-sd', '0', '--format', 'svg']],
    ['scenarios.svg', ['scenarios', '--format', 'svg']],
    ['scenarios-named.svg', ['scenarios', '--scenario', 'baseline,optimistic,pessimistic', '--years', '3', '--format', 'svg']],
    ['partners.svg', ['partners', '--data', `${root}test/fixtures/partners-mirror.csv`, '--reporter', 'Examplia', '--format', 'svg']],
    ['partners-top2-exports.svg', ['partners', '--data', `${root}test/fixtures/partners-mirror.csv`, '--reporter', 'Examplia', '--top', '2', '--flow', 'exports', '--format', 'svg']],
    ['months.svg', ['months', '--format', 'svg']],
    ['months-amounts.svg', ['months', '--data', `${root}test/fixtures/china-months.json`, '--format', 'svg']],
    ['months-partner.svg', ['months', '--data', `${root}test/fixtures/publishers/census/2024`, '--partner', 'Mexico', '--year', '2024', '--flow', 'imports', '--format', 'svg']],
  ])('%s matches its golden file', (name, args) => {
    // Run from the checkout with paths relative to it: provenance names the files as given, and a golden
    // file must not depend on where the checkout lives.
    const relative = args.map((a) => (a.startsWith(root) ? a.slice(root.length) : a));
    const r = tradecalc(relative, {}, root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    matchGolden(name, r.stdout);
  });

  it('JSON from the binary parses to the documented values', () => {
    const r = tradecalc(['project', '--growth', '3', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, kind: 'projection', assumptions: { threshold: 1e12, exportGrowthPctByYear: [3] } });
    expect(doc.path[0].balance).toBe(1303100000000);
    expect(doc.verdict).toMatchObject({ question: 'stays-above', answer: true });
  });

  it('the issue 9 case from the binary: the verdict answers what its sentence says', () => {
    const r = tradecalc(['project', '--threshold', '1.25T', '--growth', '1', '--years', '3', '--json']);
    expect(r.code).toBe(0);
    const { verdict } = JSON.parse(r.stdout);
    expect(verdict).toMatchObject({ question: 'reaches', answer: true, firstYearAbove: 2027, aboveFrom: 2027 });
    expect(verdict.text.startsWith('Surplus reaches $1.25T by 2028: yes')).toBe(true);
  });

  it('schema <kind> prints the JSON Schema of that document from the binary, in any format but CSV and markdown', () => {
    for (const args of [['schema', 'projection'], ['schema', 'projection', '--json'], ['schema', 'projection', '--format', 'table']]) {
      const r = tradecalc(args, { COLUMNS: '40' });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const schema = JSON.parse(r.stdout);
      expect(schema).toMatchObject({ $id: 'urn:tradecalc:schema:2:projection', type: 'object', additionalProperties: false });
    }
    expect(tradecalc(['schema', 'projection', '--format', 'csv'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('a usage error is one line on stderr, exit 2, empty stdout', () => {
    const r = tradecalc(['project', '--years', '2.5']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'tradecalc: --years "2.5" is not a whole number (expected a whole number of years from 1 to 100)\n' });
  });

  it('check exits 1 on an inconsistent claim', () => {
    const r = tradecalc(['check', '--data', `${root}test/fixtures/deficit.json`, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'check', allConsistent: false, consistentCount: 4, inconsistentCount: 1, uncheckedCount: 0 });
  });

  it('a bad dataset file is exit 3, every problem on stderr, nothing on stdout', () => {
    const r = tradecalc(['summary', '--data', '-'], {});
    expect(r.code).toBe(3);
    const bad = spawnSync(process.execPath, [bin, 'data', 'validate', '-'], { input: 'reporter,year,exports,imports\nChina,2025,x,-1\n', encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(bad.status).toBe(3);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      'tradecalc: <stdin>: invalid dataset\n' +
        '  <stdin>:2:12: exports "x" is not a number (expected an amount such as 3.58T or 3580000000000)\n' +
        '  <stdin>:2:14: imports "-1" is negative (expected an amount of at least 0: trade flows are never below zero)\n',
    );
  });

  it('--data reads a CSV from stdin in the spawned binary', () => {
    const r = spawnSync(process.execPath, [bin, 'summary', '--data', '-', '--json'], { input: readFileSync(`${root}test/fixtures/china-bom-crlf.csv`), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).exportGrowthPct).toBe(5.3072625698324);
  });

  // Libraries some runs need are loaded from dist/vendor/ on first use: exercise each through the binary.
  describe('lazily loaded libraries', () => {
    const fixtures = `${root}test/fixtures/`;
    it('CSV datasets (csv-parse)', () => {
      const r = tradecalc(['summary', '--data', `${fixtures}trade-multi.csv`, '--reporter', 'China', '--json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).kind).toBe('summary');
    });
    it('JSON syntax errors with line and column (jsonc-parser)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'tradecalc-e2e-'));
      writeFileSync(join(dir, 'bad.json'), '{\n  "id": "x",\n');
      const r = tradecalc(['summary', '--data', join(dir, 'bad.json')]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/bad\.json:3:1: not valid JSON/);
    });
    it('the JSON Schema (@valibot/to-json-schema)', () => {
      // Narrow COLUMNS too: a schema is JSON, never wrapped like prose.
      const r = tradecalc(['data', 'schema'], { COLUMNS: '40' });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).$schema).toMatch(/json-schema/);
    });
    it('colour (chalk) and wide characters (string-width)', () => {
      const r = tradecalc(['project'], { NO_COLOR: '', FORCE_COLOR: '1' });
      expect(r.stdout).toMatch(/\u001b\[32m/);
      const dir = mkdtempSync(join(tmpdir(), 'tradecalc-e2e-'));
      writeFileSync(join(dir, 'wide.csv'), 'reporter,year,exports,imports\n中国,2024,1T,2T\n');
      const wide = tradecalc(['data', 'list', '--data', join(dir, 'wide.csv')]);
      expect(wide.stderr).toBe('');
      // Every line of the boxed table is equally wide on screen: 中国 counts as four columns.
      const rows = wide.stdout.split('\n').filter((l) => /^[│┌└├]/.test(l));
      const width = (l: string) => [...l].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
      expect(rows.length).toBeGreaterThan(2);
      expect(new Set(rows.map(width)).size).toBe(1);
    });
  });

  it('simulate: the same seed gives byte-identical output across processes', () => {
    const args = ['simulate', '--runs', '50000', '--years', '2', '--json'];
    const a = tradecalc(args);
    expect(a.code).toBe(0);
    expect(tradecalc(args).stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.path.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);
    expect(doc.assumptions).toMatchObject({ yearCount: 2, runCount: 50000, seed: 1 });
  });

  /** Resolves when `ready()` holds, polling every 20 ms; gives up after `ms`. */
  async function until(ready: () => boolean, ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!ready() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  }

  it.each([
    // 10^8 runs take tens of seconds: any moment after start-up is mid-simulation.
    ['simulate to stdout', ['simulate', '--runs', '100000000', '--json'], 'running'],
    ['simulate with --output', ['simulate', '--runs', '100000000', '--json', '--output', 'out.json'], 'running'],
    // The grid streams into a temporary file for seconds: interrupt once that file exists.
    ['a million-cell grid being written with --output', ['scenarios', '--growth', '0:10:0.01', '--import-growth', '0:10:0.01', '--output', 'grid.csv'], 'writing'],
  ] as const)('Ctrl-C (SIGINT): %s stops cleanly with exit 130, no output, no stack trace', async (_name, args, when) => {
    const cwd = mkdtempSync(join(tmpdir(), 'tradecalc-sigint-'));
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    if (when === 'writing') {
      await until(() => readdirSync(cwd).some((f) => f.endsWith('.tmp')), 10000);
      expect(readdirSync(cwd).some((f) => f.endsWith('.tmp'))).toBe(true);
    } else {
      // Start-up takes well under a second even on a loaded machine; the handler is in place by then.
      await until(() => Date.now() - started > 1500, 1500);
    }
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('tradecalc: interrupted\n');
    // No output file, and no temporary file beside it.
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('scenarios: a 1001 × 1001 grid streams to CSV', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" scenarios --growth 0:10:0.01 --import-growth 0:10:0.01 --format csv | wc -l`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('1002002');
  });

  // bin/tradecalc caches compiled code (Node's compile cache on Node 22+, the build's V8 code cache
  // on Node 20): a cache that cannot be used must only cost time.
  it('a code cache V8 rejects is ignored', () => {
    const copy = mkdtempSync(join(tmpdir(), 'tradecalc-copy-'));
    cpSync(`${root}bin`, join(copy, 'bin'), { recursive: true });
    cpSync(`${root}dist`, join(copy, 'dist'), { recursive: true });
    writeFileSync(join(copy, 'dist', 'cli.cache'), 'not a V8 code cache');
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'tradecalc'), 'summary'], { encoding: 'utf8', cwd: '/', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(golden('summary.txt'), 'utf8'));
    rmSync(copy, { recursive: true, force: true });
  });

  // Node 20 has no compile cache of its own; it runs fast only if V8 accepts the build's cache.
  it.skipIf('enableCompileCache' in Module)('on Node 20, V8 accepts the code cache the build wrote', () => {
    const check = `const fs = require('fs'), vm = require('vm'), Module = require('module');
      const file = process.argv[1];
      const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: fs.readFileSync(process.argv[2]) });
      console.log(script.cachedDataRejected);`;
    const r = spawnSync(process.execPath, ['-e', check, `${root}dist/cli.cjs`, `${root}dist/cli.cache`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('false');
  });

  it('a temporary folder that cannot hold a compile cache changes nothing', () => {
    const r = tradecalc(['summary'], { TMPDIR: '/nonexistent/tradecalc' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(golden('summary.txt'), 'utf8'));
  });

  it('the bundle has no dynamic import(), which code compiled through vm.Script cannot run', () => {
    expect(readFileSync(`${root}dist/cli.cjs`, 'utf8')).not.toMatch(/\bimport\(/);
  });

  it('--output writes the file atomically from the binary, and refuses a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-e2e-'));
    const r = tradecalc(['project', '--output', join(dir, 'path.csv')]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'path.csv'), 'utf8').split('\r\n')[1]).toBe('2026,3,0,3883100000000,2580000000000,1303100000000,1000000000000,303100000000,true');
    const bad = tradecalc(['summary', '--output', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`tradecalc: --output "${dir}" is a directory (expected a file name)\n`);
  });

  it('a closed pipe ends quietly with exit 0', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" summary --json | head -c 10; exit \${PIPESTATUS:-0}`], { encoding: 'utf8' });
    expect(r.stdout).toBe('{\n  "schem');
    expect(r.stderr).toBe('');
    const many = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" project --years 100 --format csv | head -n 1 >/dev/null; echo "exit=$?"`], { encoding: 'utf8' });
    expect(many.stderr).toBe('');
  });
});

describe('start-up work', () => {
  it('process.stdin is created only when --data - reads it (it costs start-up time)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-stdin-'));
    const preload = join(dir, 'watch-stdin.cjs');
    writeFileSync(
      preload,
      `const d = Object.getOwnPropertyDescriptor(process, 'stdin');
Object.defineProperty(process, 'stdin', { configurable: true, get() { require('node:fs').writeSync(2, 'STDIN TOUCHED\\n'); return d.get.call(process); } });
`,
    );
    const run = (args: string[], input?: string) => spawnSync(process.execPath, ['--require', preload, bin, ...args], { encoding: 'utf8', input, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    for (const args of [['summary'], ['project', '--growth', '3', '--json'], ['summary', '--data', `${root}test/fixtures/partners-mirror.csv`, '--reporter', 'Examplia']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).not.toContain('STDIN TOUCHED');
    }
    const piped = run(['summary', '--data', '-', '--json'], readFileSync(`${root}fixtures/china-2025.json`, 'utf8'));
    expect(piped.status).toBe(0);
    expect(piped.stderr).toContain('STDIN TOUCHED');
    rmSync(dir, { recursive: true, force: true });
  });
});
