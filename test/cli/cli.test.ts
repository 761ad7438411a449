// The CLI in-process: every option and every error, with in-memory streams (TTY and not).
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, expectUsageError } from '../helpers.js';

describe('summary', () => {
  it('prints labelled tables with human units', async () => {
    const r = await cli(['summary']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/│ Trade surplus\s+│\s+\$993\.5B │ \$1\.19T │/);
    // Ratios for both years: 3.5735T / 2.58T = 1.385, 3.77T / 2.58T = 1.461.
    expect(r.stdout).toMatch(/│ Export\/import coverage\s+│\s+1\.39× │  1\.46× │/);
    expect(r.stdout).toContain('2024 (implied)');
    expect(r.stdout).toMatch(/Exports\s+│\s+\$3\.57T │ \$3\.77T │\s+\+5\.50% │/);
    expect(r.stdout).toContain('+0.70 pp');
  });

  it('--json is the documented contract', async () => {
    const r = await cli(['summary', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 2)).toEqual(['schemaVersion', 'kind']);
    expect(Object.keys(doc).slice(0, 4)).toEqual(['schemaVersion', 'kind', 'dataset', 'assumptions']);
    expect(doc).toMatchObject({ schemaVersion: 2, kind: 'summary', exports: 3770000000000, imports: 2580000000000, balance: 1190000000000, exportGrowthPct: 5.5, importGrowthPct: 0 });
    // The year is an input (the latest, by default): written once, in the assumptions.
    expect(doc.assumptions).toEqual({ year: 2025, withRanges: false, origins: { year: { source: 'default', rule: 'latest-year' } } });
    expect(doc).not.toHaveProperty('year');
    expect(doc.prior).toEqual({
      year: 2024,
      exports: 3573459715639.81,
      imports: 2580000000000,
      balance: 993459715639.81,
      basis: 'implied',
      totalTrade: 6153459715639.81,
      // 3573459715639.81 / 2580000000000 and 993459715639.81 / 6153459715639.81
      coverageRatio: 1.38506190528675,
      balanceShareOfTradePct: 16.1447342072429,
    });
    expect(doc.dataset.id).toBe('china-2025');
  });

  it('--format csv and markdown carry the same numbers as JSON', async () => {
    const csv = await cli(['summary', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')).toContain('prior.balance,993459715639.81');
    const md = await cli(['summary', '--format', 'markdown']);
    expect(md.stdout).toContain('| balance | 1190000000000 |');
  });
});

describe('project', () => {
  it('defaults come from the dataset forecast: 3 %, flat imports, $1T, one year', async () => {
    const r = await cli(['project']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Surplus stays above $1T in 2026: yes, by $303.1B');
    expect(r.stdout).toContain('2026 forecast: around 3%');
  });

  it('--growth 3 --json: path[0].balance is 1303100000000', async () => {
    const doc = JSON.parse((await cli(['project', '--growth', '3', '--json'])).stdout);
    expect(doc.kind).toBe('projection');
    expect(doc.path[0]).toEqual({ year: 2026, exports: 3883100000000, imports: 2580000000000, balance: 1303100000000, margin: 303100000000, aboveThreshold: true });
    // Inputs are written once, in the assumptions: the threshold is not repeated at the top level.
    expect(doc).not.toHaveProperty('threshold');
    expect(doc.assumptions).toMatchObject({
      baseYear: 2025,
      yearCount: 1,
      exportGrowthPctByYear: [3],
      importGrowthPctByYear: [0],
      threshold: 1e12,
      origins: {
        exportGrowthPctByYear: { source: 'option' },
        importGrowthPctByYear: { source: 'default', rule: 'not-in-forecast', forecastYear: 2026 },
        threshold: { source: 'forecast', forecastYear: 2026, qualifier: 'above', stated: '1 trillion' },
      },
    });
    expect(doc.verdict).toMatchObject({ question: 'stays-above', answer: true, text: 'Surplus stays above $1T in 2026: yes, by $303.1B' });
  });

  it.each([
    [['--growth', '-2'], -2],
    [['--growth=-2'], -2],
    [['--growth', '2.5'], 2.5],
  ])('%j sets the export growth', async (args, pct) => {
    const doc = JSON.parse((await cli(['project', ...args, '--json'])).stdout);
    expect(doc.assumptions.exportGrowthPctByYear).toEqual([pct]);
    expect(doc.assumptions.origins.exportGrowthPctByYear).toEqual({ source: 'option' });
    // …and the path uses it: 3.77T × (1 + pct/100), to the dollar.
    expect(doc.path[0].exports).toBe(Math.round(3.77e12 * (1 + pct / 100)));
  });

  it.each([
    ['1000000000000', 1e12],
    ['1e12', 1e12],
    ['1T', 1e12],
    ['800B', 8e11],
    ['250M', 2.5e8],
    ['$1.2 trillion', 1.2e12],
    ['-500B', -5e11],
  ])('--threshold %s is %d', async (text, value) => {
    const doc = JSON.parse((await cli(['project', '--threshold', text, '--json'])).stdout);
    expect(doc.assumptions.threshold).toBe(value);
    expect(doc.assumptions.origins.threshold).toEqual({ source: 'option' });
    expect(doc.path[0].margin).toBe(doc.path[0].balance - value);
  });

  it('--years shows every year and --import-growth compounds imports', async () => {
    const doc = JSON.parse((await cli(['project', '--years', '3', '--growth', '0', '--import-growth', '10', '--json'])).stdout);
    expect(doc.path.map((p: { year: number }) => p.year)).toEqual([2026, 2027, 2028]);
    // 2.58T × 1.1³ = 3.43398T; balance 3.77 - 3.43398 = 0.33602T
    expect(doc.path[2].imports).toBe(3433980000000);
    expect(doc.path[2].balance).toBe(336020000000);
    expect(doc.verdict).toMatchObject({ question: 'stays-above', answer: false, firstYearBelow: 2026 });
    expect(doc.assumptions).toMatchObject({ yearCount: 3, exportGrowthPctByYear: [0, 0, 0], importGrowthPctByYear: [10, 10, 10] });
  });

  it('says no with the shortfall when the balance falls below', async () => {
    const r = await cli(['project', '--growth', '-6']);
    // 3.77T × 0.94 = 3.5438T → 0.9638T: short by $36.2B
    expect(r.stdout).toContain('Surplus stays above $1T in 2026: no, short by $36.2B');
  });

  it('calls a negative threshold a deficit question', async () => {
    const r = await cli(['project', '--threshold', '-1T', '--growth', '-100']);
    // Exports fall to zero: a deficit of the whole $2.58T import bill, $1.58T more than allowed.
    expect(r.stdout).toContain('Any deficit stays smaller than $1T in 2026: no, the deficit exceeds it by $1.58T');
    expect(r.stdout).toMatch(/│ Balance │/);
    const ok = await cli(['project', '--threshold', '-1T']);
    expect(ok.stdout).toContain('Any deficit stays smaller than $1T in 2026: yes, by $2.30T');
  });
});

describe('usage errors: one line, exit 2, nothing on stdout', () => {
  it.each([
    [['project', '--growth', 'abc'], 'tradecalc: --growth "abc" is not a number (expected a percentage such as 3 or -1.5, from -100 to 10000)'],
    [['project', '--growth'], "tradecalc: option '--growth <pct>' needs a value (see tradecalc project --help)"],
    [['project', '--growth', '1e999'], 'tradecalc: --growth "1e999" is out of range (expected a percentage such as 3 or -1.5, from -100 to 10000)'],
    [['project', '--growth', '-150'], 'tradecalc: --growth "-150" is below -100 (nothing falls by more than all of it; expected a percentage such as 3 or -1.5, from -100 to 10000)'],
    [['project', '--growth', 'NaN'], 'tradecalc: --growth "NaN" is not a number'],
    [['project', '--growth', '0x10'], 'tradecalc: --growth "0x10" is not a number'],
    [['project', '--import-growth', 'Infinity'], 'tradecalc: --import-growth "Infinity" is not a number'],
    [['project', '--years', '0'], 'tradecalc: --years "0" is out of range (expected a whole number of years from 1 to 100)'],
    [['project', '--years', '101'], 'tradecalc: --years "101" is out of range'],
    [['project', '--years', '2.5'], 'tradecalc: --years "2.5" is not a whole number (expected a whole number of years from 1 to 100)'],
    [['project', '--years', ''], 'tradecalc: --years "" is not a number'],
    [['project', '--threshold', '1X'], 'tradecalc: --threshold "1X" is not an amount (expected an amount such as 1T, 800B, 250M, 1e12 or "$1.2 trillion")'],
    [['project', '--threshold', '1e30'], 'tradecalc: --threshold "1e30" is out of range'],
    [['project', '--grwth', '3'], "tradecalc: unknown option '--grwth' (did you mean --growth?)"],
    [['sumary'], "tradecalc: unknown command 'sumary' (did you mean summary?)"],
    [['summary', 'extra'], 'tradecalc: unexpected argument "extra" for \'summary\''],
    [['summary', '--format', 'xml'], 'tradecalc: --format "xml" is not one of table, json, csv, markdown'],
    [['summary', '--format', 'jsn'], 'tradecalc: --format "jsn" is not one of table, json, csv, markdown, svg (did you mean json?)'],
    [['summary', '--json', '--format', 'csv'], 'tradecalc: --json and --format csv ask for different formats'],
    [['summary', '--dataset', 'nope'], 'tradecalc: --dataset "nope" is not a built-in dataset (expected one of: china-2025)'],
  ])('%j', async (argv, message) => {
    await expectUsageError(argv, message);
  });
});

describe('global behaviour', () => {
  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('no arguments and --help print help with examples to stdout, exit 0', async () => {
    for (const argv of [[], ['--help'], ['project', '--help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
  });

  it('colours only a TTY, and never with NO_COLOR or --no-color; FORCE_COLOR forces it', async () => {
    const ansi = /\u001b\[/;
    expect((await cli(['project'], { isTTY: false })).stdout).not.toMatch(ansi);
    expect((await cli(['project'], { isTTY: true })).stdout).toMatch(ansi);
    expect((await cli(['project'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await cli(['project', '--no-color'], { isTTY: true })).stdout).not.toMatch(ansi);
    expect((await cli(['project'], { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await cli(['project', '--json'], { isTTY: true })).stdout).not.toMatch(ansi);
  });

  it('coloured tables line up exactly like plain ones once colour is stripped', async () => {
    const plain = (await cli(['summary'], { isTTY: false })).stdout;
    const coloured = (await cli(['summary'], { isTTY: true })).stdout;
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });
});

describe('--unit on every command that shows amounts', () => {
  it.each([
    [['summary'], /\$3,770,000\.0M/],
    [['project'], /\$3,883,100\.0M/],
    [['scenarios'], /millions of \$/],
    [['breakeven'], /Balance at these rates in 2026: \$1,303,100\.0M/],
    [['simulate', '--runs', '2000'], /\$1,300,437\.2M/],
    [['check'], /\$1,190,000\.0M/],
    [['data', 'show'], /\$3,770,000\.0M/],
  ])('%j --unit M', async (argv, shown) => {
    const plain = await cli(argv);
    const inM = await cli([...argv, '--unit', 'M']);
    expect(inM.code).toBe(plain.code);
    expect(inM.stdout).toMatch(shown);
    expect(plain.stdout).not.toMatch(shown);
  });
});

describe('help states the defaults the commands use', () => {
  it('scenarios: the ranges in --help are the grid that runs', async () => {
    const help = (await cli(['scenarios', '--help'])).stdout.replace(/\s+/g, ' ');
    const [, exp] = /--growth <range> .*?\(default: (-?[\d.]+:-?[\d.]+:[\d.]+)\)/.exec(help)!;
    const [, imp] = /--import-growth <range> .*?\(default: (-?[\d.]+:-?[\d.]+:[\d.]+)\)/.exec(help)!;
    const doc = JSON.parse((await cli(['scenarios', '--json'])).stdout);
    const range = (r: { start: number; stop: number; step: number }) => `${r.start}:${r.stop}:${r.step}`;
    expect(range(doc.assumptions.exportGrowthPctRange)).toBe(exp);
    expect(range(doc.assumptions.importGrowthPctRange)).toBe(imp);
  });

  it('simulate: the standard deviations, runs and seed in --help are the ones used', async () => {
    const help = (await cli(['simulate', '--help'])).stdout.replace(/\s+/g, ' ');
    const sd = /--growth-sd <pp> .*?\(default: ([\d.]+)\)/.exec(help)![1];
    const runs = /--runs <n> .*?\(default: ([\d,]+)\)/.exec(help)![1]!.replace(/,/g, '');
    const seed = /--seed <n> .*?\(default: (\d+)\)/.exec(help)![1];
    const doc = JSON.parse((await cli(['simulate', '--json', '--runs', runs])).stdout);
    expect(doc.assumptions.exportGrowthSdPct).toBe(Number(sd));
    expect(doc.assumptions.importGrowthSdPct).toBe(Number(sd));
    expect(doc.assumptions.runCount).toBe(Number(runs));
    expect(doc.assumptions.seed).toBe(Number(seed));
    // The defaults say so in their origins (the run count here was given as an option).
    expect(doc.assumptions.origins).toMatchObject({ exportGrowthSdPct: { source: 'default', rule: 'built-in' }, seed: { source: 'default', rule: 'built-in' }, runCount: { source: 'option' } });
  });
});

describe('verdicts for deficits and for lines the balance starts below', () => {
  const csv = join(tmpdir(), `tradecalc-verdict-${process.pid}.csv`);
  writeFileSync(csv, 'reporter,year,exports,imports\nUS,2024,2.08T,3.0T\n');
  const last = async (args: string[]) => (await cli(['project', '--data', csv, ...args], { env: { COLUMNS: '1000' } })).stdout.trimEnd().split('\n').pop();

  it('a deficit below its line: "stays smaller", and when it is not, by how much it exceeds', async () => {
    expect(await last(['--threshold', '-1T'])).toBe('Deficit stays smaller than $1T in 2025: yes, by $80.0B');
    // 2.08T·1.02⁵ − 3.0T·1.04⁵ = −1.353501…T in 2029; already −1.0284T in 2025.
    expect(await last(['--threshold', '-950B', '--years', '5', '--growth', '2', '--import-growth', '4'])).toBe(
      'Deficit stays smaller than $950B in every year 2025–2029: no, the deficit exceeds $950B in 2025, by up to $403.5B (2029)',
    );
  });

  it('a deficit above its line: whether it narrows, and from when', async () => {
    // 2.08T·1.05 − 3.0T·1.01 = −846.0B in 2025 (short of −800B by 46.0B), −767.3B in 2026.
    expect(await last(['--threshold', '-800B', '--growth', '5', '--import-growth', '1'])).toBe('Deficit narrows to $800B or less in 2025: no, the deficit is still $46.0B over');
    expect(await last(['--threshold', '-800B', '--growth', '5', '--import-growth', '1', '--years', '5'])).toBe(
      'Deficit narrows to $800B or less by 2029: yes, from 2026 (by $301.6B in 2029)',
    );
  });

  it('without a forecast the line is zero: does trade reach a surplus', async () => {
    expect(await last(['--years', '5'])).toBe('Trade reaches a surplus by 2029: no, short by $920.0B at the closest (2025)');
    expect((await cli(['project', '--data', csv])).stdout).toContain('Threshold:      $0 (the dataset forecasts no balance: zero)');
  });

  it('a surplus that reaches a line and falls back is not a yes', async () => {
    expect((await cli(['project', '--threshold', '1.5T', '--years', '3', '--growth', '5,5,-10'], { env: { COLUMNS: '1000' } })).stdout).toContain(
      'Surplus reaches $1.5T by 2028: no, it gets there in 2027 but not to stay (short by $339.2B in 2028)',
    );
  });
});

describe('prose wraps to the width: the terminal, else COLUMNS, else 80', () => {
  it('breaks long sentences at spaces with a hanging indent; tables are not touched', async () => {
    const narrow = await cli(['check']);
    const lines = narrow.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(lines).toContain('                     why:     a record needs the figures of earlier years, and');
    expect(lines).toContain('                              the data has none before 2025');
    const wide = await cli(['check'], { env: { COLUMNS: '200' } });
    expect(wide.stdout).toContain('why:     a record needs the figures of earlier years, and the data has none before 2025\n');
    const tty = await cli(['check'], { isTTY: true, columns: 60, env: { NO_COLOR: '1', COLUMNS: '200' } });
    expect(Math.max(...tty.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(60);
  });
});

describe('options before the command', () => {
  it('are read as if they followed it', async () => {
    const before = await cli(['--json', 'summary']);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe((await cli(['summary', '--json'])).stdout);
    const data = await cli(['--growth', '-2', '--json', 'project']);
    expect(JSON.parse(data.stdout).assumptions.exportGrowthPctByYear).toEqual([-2]);
  });
});

describe('did you mean', () => {
  it.each([
    [['scenarios', '--scenario', 'optimstic'], 'tradecalc: --scenario "optimstic" is not a scenario (did you mean optimistic?) (expected one of: baseline, optimistic, pessimistic)\n'],
    [['help', 'summry'], "tradecalc: unknown command 'summry' (did you mean summary?) (see tradecalc --help)\n"],
    [['summary', '--dataset', 'china-2052'], 'tradecalc: --dataset "china-2052" is not a built-in dataset (did you mean china-2025?) (expected one of: china-2025)\n'],
    [['summary', '--unit', 'auot'], 'tradecalc: --unit "auot" is not a display unit (did you mean auto?) (expected T, B, M, K, 1 or auto)\n'],
    [['completion', 'bsh'], 'tradecalc: completion "bsh" is not a shell tradecalc knows (did you mean bash or zsh?) (expected one of: bash, zsh, fish)\n'],
  ])('%j', async (argv, stderr) => {
    const r = await cli(argv);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr });
  });
});
