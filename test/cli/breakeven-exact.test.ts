// A break-even solution carries the threshold exactly as its balance, in JSON and in decimal; the
// balance `project` computes at the rate as printed is beside it, under its own key. The issue's
// cases: a 1.234 threshold gave 1.23, and a $29.1M threshold gave $0 after 100 years.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { computeProjection } from '../../src/core/project.js';
import { breakevenSpec } from '../../src/reports/breakeven.js';
import type { BreakevenDocument } from '../../src/reports/schemas.js';
import { article, cli, documentOf } from '../helpers.js';

const CASES: [string, string[], string][] = [
  ['a 1.234 threshold', ['--threshold', '1.234'], '1.234'],
  ['a $29.1M threshold over 100 years', ['--threshold', '29.1M', '--years', '100'], '29100000'],
  ['a 1.234 threshold over 100 years', ['--threshold', '1.234', '--years', '100'], '1.234'],
  ['a -$0.01 threshold over 7 years', ['--threshold', '-0.01', '--years', '7', '--growth', '2', '--import-growth', '-1.5'], '-0.01'],
];

/** --years and friends as the raw options commander would hand the spec. */
function raw(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) out[args[i]!.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = args[i + 1]!;
  return out;
}

describe.each(CASES)('breakeven with %s', (_name, args, threshold) => {
  it('puts the balance exactly on the threshold: as a JSON number and as the raw text', async () => {
    const r = await cli(['breakeven', ...args, '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout);
    expect(doc.assumptions.threshold).toBe(Number(threshold));
    expect(doc.solutions).toHaveLength(2);
    for (const s of doc.solutions) {
      expect(s.found).toBe(true);
      expect(s.horizonFlows.balance).toBe(Number(threshold));
      expect(s.horizonFlows.balance).toBe(doc.assumptions.threshold);
    }
    // The digits written are the threshold's own, not a rounding of a recomputed balance.
    const written = [...r.stdout.matchAll(/"balance": (-?[\d.]+)/g)].map((m) => m[1]);
    // base.balance, then each solution's horizonFlows.balance
    expect(written.slice(1)).toEqual([threshold, threshold]);
  });

  it('in decimal: horizonFlows.balance is the threshold and exports − imports; balanceAtRoundedRate is beside it', async () => {
    const { doc } = await documentOf<BreakevenDocument>(breakevenSpec, raw(args), article());
    const T = new Decimal(threshold);
    expect(doc.assumptions.threshold.eq(T)).toBe(true);
    for (const s of doc.solutions) {
      expect(s.horizonFlows).not.toBeNull();
      const h = s.horizonFlows!;
      expect(h.balance.eq(T)).toBe(true);
      expect(h.exports.minus(h.imports).eq(T)).toBe(true);
      // The balance at the rate rounded to the 15 digits JSON carries, projected as `project` does:
      // present, and within a relative 1e-12 of the horizon flows it is the difference of. (Relative
      // to a balance of $1.234 between two $2.58T flows, no 15-digit rate can come that close.)
      expect(s.balanceAtRoundedRate).not.toBeNull();
      const atRounded = s.balanceAtRoundedRate!;
      const flows = Decimal.max(h.exports.abs(), h.imports.abs());
      expect(atRounded.minus(T).abs().div(flows).lte('1e-12'), `${atRounded} vs ${T}`).toBe(true);
      // …and it is what project gives at that rate.
      const rate = s.breakevenGrowthPct!.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
      const n = doc.assumptions.yearCount;
      const held = (x: Decimal) => Array.from({ length: n }, () => x);
      const p = computeProjection(article(), {
        exportGrowthPct: held(s.solveFor === 'exports' ? rate : doc.assumptions.exportGrowthPct),
        importGrowthPct: held(s.solveFor === 'imports' ? rate : doc.assumptions.importGrowthPct),
        threshold: T,
      });
      expect(p.path[n - 1]!.balance.eq(atRounded)).toBe(true);
    }
  });
});

describe('the issue cases in the table', () => {
  it('a $29.1M threshold over 100 years shows $29.1M at the solution, not $0', async () => {
    const r = await cli(['breakeven', '--threshold', '29.1M', '--years', '100']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^│ (Export|Import) growth/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/│\s+\$29\.1M │$/);
    expect(r.stdout).not.toMatch(/│\s+\$0(\.0+)? │/);
  });

  it('the CSV balance column is the threshold, to every digit', async () => {
    const r = await cli(['breakeven', '--threshold', '1.234', '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\r\n');
    const balance = lines[0]!.split(',').indexOf('balance');
    expect(lines.slice(1).map((l) => l.split(',')[balance])).toEqual(['1.234', '1.234']);
  });
});
