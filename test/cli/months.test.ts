// `tradecalc months` in-process: on the article, on tradecalc's own monthly dataset, on publisher
// downloads and bilateral views; the chart's defaults; every bad option (exit 2, before any file
// is read) and data without months (exit 3). And `check` on monthly amounts from the command line.
import { describe, expect, it } from 'vitest';
import { cli, expectUsageError } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const months = `${fixtures}china-months.json`;
const weak = `${fixtures}china-months-weak-december.json`;
const census = `${fixtures}publishers/census/2024`;

describe('tradecalc months', () => {
  it('the article: the stated rates and their momentum, and what is missing', async () => {
    const r = await cli(['months']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Exports, November–December 2025 against November–December 2024');
    expect(r.stdout).toMatch(/│ Dec\s+│ \+5\.70%\* │ \+3\.80 pp │/);
    expect(r.stdout).toContain('The data has no monthly amounts for November–December 2025');
  });

  it('a complete year of amounts: three tables, the totals in words', async () => {
    const r = await cli(['months', '--data', months], { env: { COLUMNS: '100' } });
    expect(r.code).toBe(0);
    for (const heading of ['Exports, 2025 against 2024', 'Imports, 2025 against 2024', 'Balance, 2025 against 2024']) expect(r.stdout).toContain(heading);
    expect(r.stdout).toMatch(/│ Dec\s+│ \$373\.1B │ \$350\.0B │ \+6\.60% │ \+0\.70 pp │\s+\$3\.71T │\s+\+5\.50% │/);
    expect(r.stdout).toContain('2025: a surplus of $1.13T, against a surplus of $940.0B in 2024 (+$193.6B).');
  });

  it('--flow shows one flow; --year another year', async () => {
    const r = await cli(['months', '--data', months, '--flow', 'imports', '--year', '2024']);
    expect(r.stdout).toContain('Imports, 2024');
    expect(r.stdout).not.toContain('Exports,');
    expect(r.stdout).toContain('Growth needs the same months of 2023, and the data has none of them.');
    const doc = JSON.parse((await cli(['months', '--data', months, '--flow', 'imports', '--year', '2024', '--json'])).stdout);
    expect(doc.assumptions).toEqual({ year: 2024, flow: 'imports', origins: { year: { source: 'option' }, flow: { source: 'option' } } });
    // The document keeps every flow; --flow chooses what the views show.
    expect(doc.months[0]).toMatchObject({ month: '2024-01', exports: 280000000000, imports: 200000000000, balance: 80000000000 });
  });

  it('a publisher download, with a partner: a year to date is labelled by its months', async () => {
    const r = await cli(['months', '--data', census, '--partner', 'China', '--flow', 'exports']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('United States with CHINA, January–February 2025');
    expect(r.stdout).toContain('Exports, January–February 2025 against January–February 2024');
    // 12.0B + 11.5B = 23.5B against 11.0B + 11.1B = 22.1B: 1.4/22.1 = +6.33 %.
    expect(r.stdout).toContain('January–February 2025: exports $23.5B, +6.33% on January–February 2024 ($22.1B).');
    expect(r.stdout).not.toMatch(/^2025:/m);
  });

  it('the chart: on a terminal by default, on request when piped, never with --no-chart', async () => {
    const tty = await cli(['months', '--data', months, '--no-color'], { isTTY: true, columns: 90 });
    expect(tty.stdout).toContain('Balance by month, 2025');
    expect(tty.stdout).toContain('◆ 2024, same month');
    const chartLines = tty.stdout.slice(tty.stdout.indexOf('Balance by month')).trimEnd().split('\n');
    expect(Math.max(...chartLines.map((l) => [...l].length))).toBeLessThanOrEqual(90);
    expect((await cli(['months', '--data', months])).stdout).not.toContain('Balance by month');
    expect((await cli(['months', '--data', months, '--flow', 'exports', '--chart'])).stdout).toContain('Exports by month, 2025');
    expect((await cli(['months', '--data', months, '--no-chart'], { isTTY: true })).stdout).not.toContain('Balance by month');
    expect((await cli(['months', '--chart'])).stdout).toContain('Growth on the same month a year earlier, November–December 2025');
  });

  it('CSV has the chosen flow’s columns, named by their paths in the document', async () => {
    const r = await cli(['months', '--data', months, '--flow', 'balance', '--format', 'csv']);
    const [head, jan] = r.stdout.split('\r\n');
    expect(head).toBe('month,balance,yearEarlier.balance,balanceChange,yearToDate.balance,yearToDate.yearEarlier.balance,yearToDate.balanceChange');
    // January: 295.0 − 195.0 = 100.0B against 280.0 − 200.0 = 80.0B.
    expect(jan).toBe('2025-01,100000000000,80000000000,20000000000,100000000000,80000000000,20000000000');
  });

  it('bad options are usage errors, before any file is read', async () => {
    await expectUsageError(['months', '--flow', 'sideways', '--data', 'missing.json'], 'tradecalc: --flow "sideways" is not one of all, exports, imports, balance');
    await expectUsageError(['months', '--year', '25', '--data', 'missing.json'], 'tradecalc: --year "25" is not a year');
    await expectUsageError(['months', '--chart', '--json'], 'tradecalc: --chart draws under the tables and cannot go with --format json');
    await expectUsageError(['months', '--year', '2023'], 'tradecalc: --year "2023" has no months in dataset "china-2025" (it has months in: 2025)');
    await expectUsageError(['months', '--data', census, '--partner', 'Mexico', '--year', '2023'], "tradecalc: --year \"2023\" has no months in United States's trade with MEXICO (it has months in: 2024, 2025)");
  });

  it('data without months is a data error that says so', async () => {
    const r = await cli(['months', '--data', `${fixtures}trade-multi.csv`, '--reporter', 'China']);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toMatch(/has no monthly figures \(months needs monthly amounts or monthly growth rates; the data has only years\)/);
  });

  it('is listed in help, with its options', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/months \[options\]\s+the monthly series of a year/);
    const h = await cli(['months', '--help']);
    expect(h.stdout).toContain('--flow <flow>');
    expect(h.stdout).toContain('tradecalc months --json');
  });
});

describe('tradecalc check on monthly amounts', () => {
  it('the article’s monthly claims hold against china-months.json, exit 0', async () => {
    const r = await cli(['check', '--data', months], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('10 consistent, 0 inconsistent, 0 cannot be checked');
    expect(r.stdout).toMatch(/figures: \+0\.70 pp from the monthly amounts: 2025-11 \+5\.90% and 2025-12 \+6\.60%, each on the same month a year earlier/);
  });

  it('a weaker December fails "December exports grew faster than November’s", exit 1', async () => {
    const r = await cli(['check', '--data', weak, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const claim = doc.claims.find((c: { id: string }) => c.id === 'december-exports-faster');
    expect(claim).toMatchObject({
      status: 'inconsistent',
      month: null,
      value: -0.9,
      basis: { kind: 'derived-months', from: '2025-11', to: '2025-12', fromGrowthPct: 5.9, toGrowthPct: 5 },
      // −0.96360391827433791… and −0.83639915326775917…, written to 15 digits rounded outward.
      range: { low: -0.963603918274338, high: -0.836399153267759 },
    });
  });

  it('a claim about one month carries its month in every format', async () => {
    const doc = JSON.parse((await cli(['check', '--data', months, '--json'])).stdout);
    expect(doc.claims.find((c: { id: string }) => c.id === 'december-exports-6-6')).toMatchObject({ year: null, month: '2025-12', basis: { kind: 'derived-month', month: '2025-12', from: '2024-12' } });
    const csv = (await cli(['check', '--data', months, '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[0]!.startsWith('id,label,metric,qualifier,year,month,from,to,')).toBe(true);
    expect(csv.find((l) => l.startsWith('december-exports-6-6,'))).toContain(',exactly,,2025-12,,,');
    const show = JSON.parse((await cli(['data', 'show', '--data', months, '--json'])).stdout);
    expect(show.claims.find((c: { id: string }) => c.id === 'december-exports-6-6')).toMatchObject({ year: null, month: '2025-12', claimValue: 6.6 });
  });
});
