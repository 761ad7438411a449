// partners and mirror from the command line: the text people read (the table, the check, the
// chart fitted to the terminal and readable without colour), the errors and their exit codes, and
// the publisher downloads both commands must work on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/wrap.js';
import { cli } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const file = `${fixtures}partners-mirror.csv`;
const publishers = `${fixtures}publishers/`;
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-partners-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** Wide enough that no sentence is wrapped. */
const wide = { env: { COLUMNS: '400' } };

/** The chart's lines: from its title to the end of the output. */
const chartOf = (out: string) => out.slice(out.indexOf('Trade balance with each partner'));

describe('partners: the text view', () => {
  it('the table, the notes and the chart of balances, deficits left of the zero axis and surpluses right', async () => {
    const r = await cli(['partners', '--data', file, '--reporter', 'Examplia'], { env: { COLUMNS: '120' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('4 partners with a complete 2025, the largest balance first (surplus or deficit alike); shares are of the world total.');
    expect(r.stdout).toMatch(/│ Eastland\s+│ \$150\.0B │ \$350\.0B │ -\$200\.0B │\s+25\.0% │\s+100\.0% │\s+-\$60\.0B │/);
    expect(r.stdout).toMatch(/│ Unallocated\s+│ \$300\.0B │ \$200\.0B │\s+\$100\.0B │\s+25\.0% │/);
    expect(r.stdout).toContain('Check: The 4 partners add up to the world total of 2025: no, unallocated');
    expect(r.stdout).toContain('Farland 2025: exports $40.0B, imports missing: one flow only');
    const chart = chartOf(r.stdout).split('\n');
    const axis = (line: string) => line.indexOf('│');
    const east = chart.find((l) => l.startsWith('Eastland'))!;
    const south = chart.find((l) => l.startsWith('Southia'))!;
    // One axis column for every bar; the deficit's bar ends at it, the surplus's starts from it.
    expect(axis(east)).toBe(axis(south));
    expect(east.slice(0, axis(east))).toMatch(/-\$200\.0B █+$/);
    expect(south.slice(axis(south) + 1)).toMatch(/^█+$/);
    // On one scale: 200 against 150.
    const eastBar = (east.match(/█+/) ?? [''])[0].length;
    const southBar = (south.match(/█+/) ?? [''])[0].length;
    expect(Math.abs(southBar / eastBar - 0.75)).toBeLessThan(0.05);
    expect(chart.find((l) => l.startsWith('Unallocated'))).toMatch(/│░+$/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it.each([40, 60, 100, 140])('the chart fits a terminal %i columns wide', async (columns) => {
    const r = await cli(['partners', '--data', file, '--reporter', 'Examplia', '--top', '2'], { isTTY: true, columns, env: { NO_COLOR: '1' } });
    const chart = chartOf(r.stdout).trimEnd().split('\n');
    expect(chart.length).toBeGreaterThan(5);
    for (const line of chart) expect(displayWidth(line), line).toBeLessThanOrEqual(Math.max(columns, 50));
    if (columns >= 100) expect(Math.max(...chart.map(displayWidth))).toBeGreaterThan(columns - 10);
  });

  it('in colour, deficits and surpluses are coloured apart; --no-chart leaves the chart out', async () => {
    const r = await cli(['partners', '--data', file, '--reporter', 'Examplia'], { isTTY: true, columns: 100, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u001b\[3[12]m█+/);
    const plain = await cli(['partners', '--data', file, '--reporter', 'Examplia', '--no-chart']);
    expect(plain.stdout).not.toContain('Trade balance with each partner');
    expect(plain.stdout).toContain('Check: ');
  });

  it('--flow exports: the export share and growth, a chart of exports without signs', async () => {
    const r = await cli(['partners', '--data', file, '--reporter', 'Examplia', '--flow', 'exports'], wide);
    expect(r.stdout).toContain('the largest exports first');
    // Northland: 300 of 1100 = 27.3 %, 300 ÷ 280 − 1 = +7.1 %.
    expect(r.stdout).toMatch(/│ Northland\s+│ \$300\.0B │ \$200\.0B │\s+\$100\.0B │\s+27\.3% │\s+\+7\.1% │/);
    expect(r.stdout).toContain('Exports to each partner, 2025');
    expect(r.stdout).toMatch(/^Northland\s+\$300\.0B │█+$/m);
    expect(r.stdout).not.toContain('Balance share');
  });

  it('a year to date is not a year: --year 2026 is refused, and says why', async () => {
    const r = await cli(['partners', '--data', file, '--reporter', 'Examplia', '--year', '2026']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "tradecalc: --year 2026: Examplia's partner data for 2026 is a year to date (Jan–Feb), not a year; partners compares complete years (it has: 2024, 2025)\n",
    });
  });

  it('data without partners is a data error (exit 3)', async () => {
    const r = await cli(['partners']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^tradecalc: China: the data has no partners, only the total trade/);
  });

  it('without a world total: shares of the partners, and no check', async () => {
    const f = write('no-world.csv', 'reporter,partner,year,exports,imports\nA,B,2025,3,1\nA,C,2025,1,4\n');
    const r = await cli(['partners', '--data', f, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ worldStatus: 'none', shareBasis: 'partners', check: null });
    // B: 3 + 1 = 4 of 9; C: 1 + 4 = 5 of 9.
    expect(doc.rows.map((x: { shareOfTradePct: number }) => x.shareOfTradePct)).toEqual([55.5555555555556, 44.4444444444444, 100]);
    const t = await cli(['partners', '--data', f], wide);
    expect(t.stdout).toContain('The data has no world total for 2025: the partners cannot be checked against it');
  });
});

describe('partners on publisher downloads', () => {
  it('Census: CHINA has 2024 complete, MEXICO 11 months of it (a year to date, listed apart)', async () => {
    const doc = JSON.parse((await cli(['partners', '--data', `${publishers}census/2024`, '--json'])).stdout);
    expect(doc.assumptions).toMatchObject({ year: 2024, topCount: 10, sort: 'balance', flow: 'balance' });
    expect(doc.rows.filter((x: { row: string }) => x.row === 'partner').map((x: { partner: string }) => x.partner)).toEqual(['CHINA']);
    expect(doc.incompletePartners).toEqual([
      { partner: 'MEXICO', partnerCode: '2010', reason: 'year-to-date', monthNumbers: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12], exports: expect.any(Number), imports: expect.any(Number) },
    ]);
    const t = await cli(['partners', '--data', `${publishers}census/2024`], wide);
    expect(t.stdout).toContain('MEXICO 2024: 11 months, no Jul, a year to date, not a year: not in the rows.');
  });

  it('BACI 2022: China\'s world total is the sum of its flows, so partners with one flow (France, India, Switzerland, …) make up the unallocated exactly', async () => {
    const doc = JSON.parse((await cli(['partners', '--data', `${publishers}baci`, '--reporter', 'China', '--year', '2022', '--json'])).stdout);
    const unallocated = doc.rows.find((x: { row: string }) => x.row === 'unallocated');
    const incomplete = doc.incompletePartners as { exports: number | null; imports: number | null }[];
    // Exports: France 500,000 + India 750,125 + country 995 in 2023 only → 1,250,125; imports: Switzerland 4,250,500 + Australia 5,000,000 + Norway 120,500 = 9,371,000.
    expect(unallocated).toMatchObject({ exports: 1250125, imports: 9371000 });
    expect(incomplete.reduce((s, p) => s + (p.exports ?? 0), 0)).toBe(1250125);
    expect(incomplete.reduce((s, p) => s + (p.imports ?? 0), 0)).toBe(9371000);
  });
});

describe('mirror from the command line', () => {
  it('the tables and the sentences', async () => {
    const r = await cli(['mirror', '--data', file, '--reporter', 'Examplia', '--partner', 'Northland'], wide);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain("Examplia's exports to Northland, against Northland's imports from Examplia");
    expect(r.stdout).toMatch(/│ 2025 │\s+\$300\.0B │\s+\$320\.0B │ -\$20\.0B │\s+-6\.25% │/);
    expect(r.stdout).toMatch(/│ 2025 │\s+\$200\.0B │\s+\$190\.0B │ \+\$10\.0B │\s+\+5\.00% │/);
    expect(r.stdout).toMatch(/│ 2025 │\s+\$100\.0B │\s+\$130\.0B │ -\$30\.0B │/);
    expect(r.stdout).toContain("Examplia's figure is $20.0B lower (6.25% of Northland's imports)");
    expect(r.stdout).toContain('2026: not compared, a year to date on one side or both, not a year.');
    expect(r.stdout).not.toContain('Adjusted');
  });

  it('the view from the other side is the negative', async () => {
    const from = async (a: string, b: string) => JSON.parse((await cli(['mirror', '--data', file, '--reporter', a, '--partner', b, '--cif-fob', '--json'])).stdout);
    const ab = await from('Examplia', 'Northland');
    const ba = await from('Northland', 'Examplia');
    ab.path.forEach((p: any, i: number) => {
      const q = ba.path[i];
      expect(q.importsFromPartner.gap).toBe(-p.exportsToPartner.gap);
      expect(q.importsFromPartner.gapPct).toBe(-p.exportsToPartner.gapPct);
      expect(q.exportsToPartner.adjusted.gapPct).toBe(-p.importsFromPartner.adjusted.gapPct);
    });
  });

  it('--cif-fob: the adjustment is named, with its factor and source', async () => {
    const r = await cli(['mirror', '--data', file, '--reporter', 'Examplia', '--partner', 'Northland', '--cif-fob'], wide);
    expect(r.stdout).toMatch(/│ 2025 │\s+\$300\.0B │\s+\$320\.0B │ -\$20\.0B │\s+-6\.25% │\s+\$301\.9B │\s+-\$1\.9B │\s+-0\.63% │/);
    expect(r.stdout).toContain("Adjusted (an estimate, not data): the importer's figure divided by 1.06 (a 6% CIF/FOB margin, the IMF's factor in its Direction of Trade Statistics)");
    const doc = JSON.parse((await cli(['mirror', '--data', file, '--reporter', 'Examplia', '--partner', 'Northland', '--cif-fob', '4.5', '--json'])).stdout);
    expect(doc.assumptions).toEqual({ year: null, cifFobPct: 4.5, origins: { year: { source: 'default', rule: 'built-in' }, cifFobPct: { source: 'option' } } });
  });

  it('one reporter missing, currencies apart, no partner to match: one line, exit 3', async () => {
    const one = await cli(['mirror', '--data', `${publishers}comtrade/TradeData_2024.csv`, '--reporter', 'China', '--partner', 'USA']);
    expect(one.code).toBe(3);
    expect(one.stdout).toBe('');
    expect(one.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(one.stderr).toMatch(/^tradecalc: mirror needs USA as a reporter too/);
    const euro = write('euro.csv', 'reporter,partner,year,exports,imports,currency\nA,B,2025,3,1,EUR\nB,A,2025,1,3,USD\n');
    expect(await cli(['mirror', '--data', euro, '--reporter', 'A', '--partner', 'B'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'tradecalc: A reports in EUR and B in USD: nothing is converted, so their figures cannot be compared (load both in one currency)\n',
    });
    const strangers = write('strangers.csv', 'reporter,partner,year,exports,imports\nA,C,2025,3,1\nB,D,2025,1,3\n');
    const s = await cli(['mirror', '--data', strangers, '--reporter', 'A', '--partner', 'B']);
    expect(s.code).toBe(3);
    expect(s.stderr).toBe("tradecalc: A's data has no partner that is B: no partner has its code, its name, or a name the country table gives the same ISO code (partners: C)\n");
  });

  it('two partners that could both be the other reporter: an error naming them, not a guess', async () => {
    const twins = write('twins.csv', 'reporter,reporterCode,partner,partnerCode,year,exports,imports\nA,XA,B,XB,2025,3,1\nA,XA,B (old),XB,2025,1,1\nB,XB,A,XA,2025,1,3\n');
    const r = await cli(['mirror', '--data', twins, '--reporter', 'A', '--partner', 'B']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("tradecalc: A's data has 2 partners that could be B (code XB), all by code: B (code XB); B (old) (code XB); mirror will not guess (give each partner its own code)\n");
  });
});
