// In-process CLI tests of issue 3: project --chart, scenarios, breakeven, simulate, and every new
// option's bad values (one line, exit 2, nothing on stdout).
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { cli, expectUsageError } from '../helpers.js';

describe('project --chart', () => {
  it('draws under the table on a TTY by default, not when piped, and on request when piped', async () => {
    const tty = await cli(['project', '--years', '5', '--import-growth', '6', '--no-color'], { isTTY: true, columns: 100 });
    expect(tty.stdout).toContain('Trade balance against $1T, 2025–2030');
    const piped = await cli(['project', '--years', '5']);
    expect(piped.stdout).not.toContain('Trade balance against');
    const asked = await cli(['project', '--years', '5', '--import-growth', '6', '--chart']);
    expect(asked.stdout).toContain('● at or above $1T   ○ below   ┄ $1T');
    const refused = await cli(['project', '--no-chart'], { isTTY: true });
    expect(refused.stdout).not.toContain('Trade balance against');
  });

  it('fits the terminal width, or 80 columns when piped; ○ marks years below the line', async () => {
    const wide = await cli(['project', '--years', '100', '--growth', '1', '--import-growth', '2', '--no-color'], { isTTY: true, columns: 120 });
    const chartLines = (s: string) => s.slice(s.indexOf('Trade balance against')).split('\n');
    expect(Math.max(...chartLines(wide.stdout).map((l) => [...l].length))).toBeLessThanOrEqual(120);
    expect(Math.max(...chartLines(wide.stdout).map((l) => [...l].length))).toBeGreaterThan(100);
    const piped = await cli(['project', '--years', '100', '--growth', '1', '--import-growth', '2', '--chart']);
    expect(Math.max(...chartLines(piped.stdout).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(piped.stdout).toContain('○');
    const above = await cli(['project', '--chart']);
    const plot = chartLines(above.stdout).filter((l) => !l.includes('at or above'));
    expect(plot.join('\n')).toContain('●');
    expect(plot.join('\n')).not.toContain('○');
  });

  it('--chart with --json is a usage error', async () => {
    const r = await cli(['project', '--chart', '--json']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('tradecalc: --chart draws under the table and cannot go with --format json (leave out one of them)\n');
  });
});

describe('scenarios', () => {
  it('JSON cells equal project for the same rates', async () => {
    const doc = JSON.parse((await cli(['scenarios', '--growth', '-6:6:3', '--import-growth', '0:8:4', '--years', '3', '--json'])).stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, kind: 'scenario-grid', horizonYear: 2028, cellCount: 15, assumptions: { yearCount: 3, threshold: 1e12 } });
    expect(doc).not.toHaveProperty('threshold');
    expect(doc.assumptions.exportGrowthPctRange).toEqual({ start: -6, stop: 6, step: 3 });
    expect(doc.assumptions.importGrowthPctRange).toEqual({ start: 0, stop: 8, step: 4 });
    expect(doc.cells).toHaveLength(15);
    for (const cell of doc.cells.filter((_: unknown, i: number) => i % 4 === 0)) {
      const p = JSON.parse((await cli(['project', '--years', '3', '--growth', `${cell.exportGrowthPct}`, '--import-growth', `${cell.importGrowthPct}`, '--json'])).stdout);
      expect(cell.balance).toBe(p.path[2].balance);
      expect(cell.aboveThreshold).toBe(p.path[2].aboveThreshold);
    }
    expect(Object.keys(doc.cells[0])).toEqual(['exportGrowthPct', 'importGrowthPct', 'balance', 'aboveThreshold']);
    // The flat-imports row crosses where 3.77T·(1+g)³ − 2.58T = 1T: g = (3.58/3.77)^(1/3) − 1 = −1.70897 %
    // (the article's −5.0398 % is the one-year answer).
    expect(doc.importAxis.map((r: { importGrowthPct: number }) => r.importGrowthPct)).toEqual([0, 4, 8]);
    expect(doc.importAxis[0].imports).toBe(2580000000000);
    expect(doc.importAxis[0].breakevenExportGrowthPct).toBeCloseTo(((3.58 / 3.77) ** (1 / 3) - 1) * 100, 10);
    // Flat exports: 3.77T − 2.58T·(1+h)³ = 1T, h = (2.77/2.58)^(1/3) − 1.
    expect(doc.exportAxis.map((c: { exportGrowthPct: number }) => c.exportGrowthPct)).toEqual([-6, -3, 0, 3, 6]);
    expect(doc.exportAxis[2].breakevenImportGrowthPct).toBeCloseTo(((2.77 / 2.58) ** (1 / 3) - 1) * 100, 10);
    // Each axis's break-even splits its cells: a row is at or above from its export break-even up,
    // a column at or below its import break-even.
    for (const cell of doc.cells) {
      const row = doc.importAxis.find((r: { importGrowthPct: number }) => r.importGrowthPct === cell.importGrowthPct);
      const col = doc.exportAxis.find((c: { exportGrowthPct: number }) => c.exportGrowthPct === cell.exportGrowthPct);
      expect(cell.aboveThreshold).toBe(cell.exportGrowthPct >= row.breakevenExportGrowthPct);
      expect(cell.aboveThreshold).toBe(cell.importGrowthPct <= col.breakevenImportGrowthPct);
      expect(cell.balance).toBe(col.exports - row.imports);
    }
  });

  it('the heat map marks every cell with ✔ or ✘ and gives each row its break-even', async () => {
    const r = await cli(['scenarios']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ 0%\s+│ ✘ 0\.96 │ ✔ 1\.08 │ ✔ 1\.19 │\s+✔ 1\.30 │\s+✔ 1\.42 │\s+-5\.04% │/);
    expect(r.stdout).toMatch(/│ Break-even\s+│ -1\.40% │ \+2\.98% │ \+7\.36% │ \+11\.75% │ \+16\.13% │/);
  });

  it('colours cells at or above and below differently on a TTY', async () => {
    const r = await cli(['scenarios'], { isTTY: true });
    expect(r.stdout).toContain('\u001b[32m✔ 1.08\u001b[39m');
    expect(r.stdout).toContain('\u001b[31m✘ 0.96\u001b[39m');
  });

  it('--format csv streams one row a cell with exact decimal steps', async () => {
    const r = await cli(['scenarios', '--growth', '0:0.3:0.1', '--import-growth', '0', '--format', 'csv']);
    expect(r.stdout.split('\r\n')).toEqual([
      'exportGrowthPct,importGrowthPct,balance,aboveThreshold',
      '0,0,1190000000000,true',
      '0.1,0,1193770000000,true',
      '0.2,0,1197540000000,true',
      '0.3,0,1201310000000,true',
      '',
    ]);
  });

  it('--scenario compares named scenarios side by side (repeatable and comma lists)', async () => {
    const r = await cli(['scenarios', '--scenario', 'baseline,pessimistic', '--scenario', 'optimistic', '--years', '3'], { env: { COLUMNS: '1000' } });
    expect(r.stdout).toMatch(/│\s+│\s+Baseline │\s+Pessimistic │\s+Optimistic │/);
    expect(r.stdout).toContain('Pessimistic: Surplus stays above $1T in every year 2026–2028: no, it falls below $1T in 2028, short by $49.2B');
    const doc = JSON.parse((await cli(['scenarios', '--scenario', 'pessimistic', '--years', '3', '--json'])).stdout);
    expect(doc.kind).toBe('scenario-comparison');
    expect(doc.scenarios[0]).toMatchObject({ id: 'pessimistic', exportGrowthPct: 0, importGrowthPct: 3 });
    expect(doc.scenarios[0].path[2].balance).toBe(950764340000);
  });
});

describe('breakeven', () => {
  it('the article: exports −5.0398 % with imports flat, imports +11.7481 % with exports +3 %', async () => {
    // A wide COLUMNS keeps each sentence on one line.
    const r = await cli(['breakeven'], { env: { COLUMNS: '1000' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('With imports at 0.00%, exports could fall 5.0398% in 2026 before the surplus drops to $1T.');
    expect(r.stdout).toContain('With exports at +3.00%, imports could rise 11.7481% in 2026 before the surplus drops to $1T.');
    // The balance at the solution, with every significant digit: exactly the threshold.
    expect(r.stdout).toMatch(/Export growth │\s+imports 0\.00% │\s+-5\.0398% │\s+\$1T │/);
  });

  it('JSON recomputes the balance at each solution and it equals the threshold', async () => {
    const doc = JSON.parse((await cli(['breakeven', '--years', '5', '--import-growth', '2', '--json'])).stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, kind: 'breakeven', horizonYear: 2030, assumptions: { yearCount: 5, exportGrowthPct: 3, importGrowthPct: 2, threshold: 1e12 } });
    const [exp, imp] = doc.solutions;
    expect(exp).toMatchObject({ solveFor: 'exports', found: true, reason: null, boundBalance: null });
    expect(imp).toMatchObject({ solveFor: 'imports', found: true, reason: null, boundBalance: null });
    expect(exp.horizonFlows.balance).toBe(doc.assumptions.threshold);
    expect(imp.horizonFlows.balance).toBe(doc.assumptions.threshold);
    // The flow held fixed compounds at its own rate: imports 2.58T × 1.02⁵ = 2.848528472256T.
    expect(exp.horizonFlows.imports).toBe(2848528472256);
    expect(exp.horizonFlows.exports - exp.horizonFlows.imports).toBe(exp.horizonFlows.balance);
    // 5-year: (1 + cumulative) = (1 + annual)^5
    for (const s of [exp, imp]) {
      const annual = 1 + s.breakevenGrowthPct / 100;
      expect(annual ** 5 - 1).toBeCloseTo(s.cumulativeGrowthPct / 100, 12);
    }
    // Exports must grow to 3.77T·(1+g)⁵ = 3.848528472256T.
    expect(((exp.horizonFlows.exports / 3.77e12) ** (1 / 5) - 1) * 100).toBeCloseTo(exp.breakevenGrowthPct, 10);
  });

  it('says plainly when there is no solution, never NaN', async () => {
    const r = await cli(['breakeven', '--threshold', '5T', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.solutions[1]).toMatchObject({
      solveFor: 'imports',
      found: false,
      breakevenGrowthPct: null,
      cumulativeGrowthPct: null,
      horizonFlows: null,
      balanceAtRoundedRate: null,
      reason: 'out-of-reach',
      boundBalance: 3883100000000,
    });
    expect(doc.solutions[1].text).toBe('No import growth above −100 % lets the 2026 balance reach $5T: even with imports gone it would be $3.88T.');
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    const low = await cli(['breakeven', '--threshold', '-3T'], { env: { COLUMNS: '1000' } });
    expect(low.stdout).toContain('No export growth above −100 % brings the 2026 balance down to -$3T: even with exports gone it would be -$2.58T.');
  });
});

describe('simulate', () => {
  it('the same seed gives byte-identical output; another seed does not', async () => {
    const args = ['simulate', '--runs', '20000', '--years', '3', '--growth-sd', '3', '--correlation', '0.4'];
    const a = await cli([...args, '--json']);
    const b = await cli([...args, '--json']);
    expect(a.stdout).toBe(b.stdout);
    const c = await cli([...args, '--seed', '2', '--json']);
    expect(c.stdout).not.toBe(a.stdout);
    expect((await cli(args)).stdout).toBe((await cli(args)).stdout);
  });

  it('JSON carries the inputs, runs, seed and years[] of the documented keys', async () => {
    const doc = JSON.parse((await cli(['simulate', '--runs', '10000', '--growth', '0', '--growth-sd', '4', '--import-growth-sd', '0', '--json'])).stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, kind: 'simulation' });
    expect(doc).not.toHaveProperty('runs');
    expect(doc).not.toHaveProperty('seed');
    expect(doc.assumptions).toMatchObject({ exportGrowthPct: 0, exportGrowthSdPct: 4, importGrowthPct: 0, importGrowthSdPct: 0, correlation: 0, threshold: 1e12, yearCount: 1, runCount: 10000, seed: 1 });
    expect(Object.keys(doc.path[0]).slice(0, 8)).toEqual(['year', 'aboveCount', 'probabilityAboveThreshold', 'probabilityStandardError', 'probabilityInterval95', 'mean', 'p5', 'p50']);
    expect(doc.path).toHaveLength(1);
    const y = doc.path[0];
    expect(y.probabilityAboveThreshold).toBe(y.aboveCount / 10000);
    // Φ(5.0398/4) = 0.8961; 10,000 runs: SE ≈ 0.003
    expect(Math.abs(y.probabilityAboveThreshold - 0.8961)).toBeLessThan(3 * 0.00305);
    expect(y.p5).toBeLessThan(y.p50);
    expect(y.p50).toBeLessThan(y.p95);
    expect(doc.histogram.binCounts.reduce((s: number, n: number) => s + n, 0)).toBe(10000);
  });

  it('table view: probability, percentiles and a histogram readable without colour', async () => {
    const r = await cli(['simulate', '--runs', '5000', '--growth', '0', '--growth-sd', '4'], { env: { COLUMNS: '1000' } });
    expect(r.stdout).toMatch(/│ 2026 │\s+\d+\.\d\d% ±\d\.\d\d │/);
    expect(r.stdout).toContain('█ at or above $1T   ░ below   ▒ spans $1T');
    expect(r.stdout).toMatch(/Chance the balance is at or above \$1T in 2026: \d+\.\d\d% \(±\d\.\d\d pp, one standard error\)\./);
  });

  it('Ctrl-C stops cleanly: exit 130, nothing on stdout, one line on stderr', async () => {
    const m = memoryIO({ env: {} });
    const pending = run(['simulate', '--runs', '100000000', '--json'], m.io);
    // Interrupt as soon as the simulation is listening (it subscribes before its first step).
    await new Promise<void>((resolve) => {
      const poll = () => (m.interrupt() ? resolve() : setImmediate(poll));
      poll();
    });
    expect(await pending).toBe(130);
    expect(m.stdout()).toBe('');
    expect(m.stderr()).toBe('tradecalc: interrupted\n');
  });

  it('draws a progress bar on stderr only on a TTY and only for long runs', async () => {
    const m = memoryIO({ env: {}, isTTY: true });
    const pending = run(['simulate', '--runs', '100000000', '--json'], m.io);
    await new Promise((r) => setTimeout(r, 300));
    m.interrupt();
    expect(await pending).toBe(130);
    expect(m.stderr()).toContain('simulating [');
    const short = await cli(['simulate', '--runs', '1000', '--json'], { isTTY: true });
    expect(short.stderr).toBe('');
  });
});

describe('usage errors of the new options: one line, exit 2, nothing on stdout', () => {
  it.each([
    [['scenarios', '--growth', '4:-4:1'], 'tradecalc: --growth "4:-4:1" starts above where it stops (expected start <= stop, as in a range start:stop:step such as -4:4:0.5, or a single rate such as 3)'],
    [['scenarios', '--growth', '0:4:0'], 'tradecalc: --growth "0:4:0" has a step of 0, which is not above zero'],
    [['scenarios', '--growth', '0:4:-1'], 'tradecalc: --growth "0:4:-1" has a step of -1, which is not above zero'],
    [['scenarios', '--growth', '0:4'], 'tradecalc: --growth "0:4" is not a range (expected a range start:stop:step such as -4:4:0.5, or a single rate such as 3)'],
    [['scenarios', '--growth', 'a:4:1'], 'tradecalc: --growth start "a" is not a number'],
    [['scenarios', '--import-growth', '0:x:1'], 'tradecalc: --import-growth stop "x" is not a number'],
    [['scenarios', '--growth', '0:1:abc'], 'tradecalc: --growth "0:1:abc" has a step "abc" that is not a number'],
    [['scenarios', '--growth', '-200:0:1'], 'tradecalc: --growth start "-200" is below -100'],
    [['scenarios', '--growth', '0:100:0.01', '--import-growth', '0:100:0.1'], 'tradecalc: --growth and --import-growth make a grid of 10,001 × 1,001 = 10,011,001 cells (at most 1,002,001; use a larger step or a narrower range)'],
    [['scenarios', '--growth', '0:10:0.1', '--import-growth', '0:10:0.1'], 'tradecalc: a grid of 10,201 cells is too large for a table view (at most 2,500; use --format csv or --json, or a larger step)'],
    [['scenarios', '--scenario', 'rosy'], 'tradecalc: --scenario "rosy" is not a scenario (expected one of: baseline, optimistic, pessimistic)'],
    [['scenarios', '--scenario', 'baseline', '--growth', '3'], 'tradecalc: --scenario compares named scenarios and --growth makes a grid (give one or the other)'],
    [['scenarios', '--years', '0'], 'tradecalc: --years "0" is out of range'],
    [['breakeven', '--growth', 'abc'], 'tradecalc: --growth "abc" is not a number'],
    [['breakeven', '--import-growth', '3,2'], 'tradecalc: --import-growth "3,2" is not a number'],
    [['breakeven', '--threshold', '1X'], 'tradecalc: --threshold "1X" is not an amount'],
    [['simulate', '--runs', '0'], 'tradecalc: --runs "0" is out of range (expected a number of runs, a whole number from 1 to 100,000,000)'],
    [['simulate', '--runs', '100000001'], 'tradecalc: --runs "100000001" is out of range'],
    [['simulate', '--runs', '2.5'], 'tradecalc: --runs "2.5" is not a whole number'],
    [['simulate', '--runs', 'many'], 'tradecalc: --runs "many" is not a number'],
    [['simulate', '--seed', '-1'], 'tradecalc: --seed "-1" is out of range (expected a seed, a whole number from 0 to 9,007,199,254,740,991)'],
    [['simulate', '--seed', '1.5'], 'tradecalc: --seed "1.5" is not a whole number'],
    [['simulate', '--growth-sd', '-1'], 'tradecalc: --growth-sd "-1" is negative (expected a standard deviation in percentage points such as 4, from 0 to 1000)'],
    [['simulate', '--import-growth-sd', 'NaN'], 'tradecalc: --import-growth-sd "NaN" is not a number'],
    [['simulate', '--growth-sd', '5000'], 'tradecalc: --growth-sd "5000" is out of range'],
    [['simulate', '--correlation', '1.5'], 'tradecalc: --correlation "1.5" is out of range (expected a correlation from -1 to 1, such as 0.5)'],
    [['simulate', '--correlation', 'x'], 'tradecalc: --correlation "x" is not a number'],
    [['simulate', '--growth', '-101'], 'tradecalc: --growth "-101" is below -100'],
    [['simulate', '--growth-sd'], "tradecalc: option '--growth-sd <pp>' needs a value"],
  ])('%j', async (argv, message) => {
    await expectUsageError(argv, message);
  });
});
