// The sensitivity grid against `project`, exact decimal ranges, and named scenarios.
import { describe, expect, it } from 'vitest';
import { computeProjection } from '../../src/core/project.js';
import { rangeCount, rangeValues } from '../../src/core/range.js';
import { columnCrossing, compareScenarios, computeScenarioGrid, gridCell, gridCells, namedScenarios, rowCrossing } from '../../src/core/scenarios.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import china from '../../fixtures/china-2025.json' with { type: 'json' };
import { article, d } from '../helpers.js';

describe('ranges', () => {
  it('step exactly in decimal: 0:1:0.1 has 11 values ending on 1', () => {
    const values = rangeValues({ start: d(0), stop: d(1), step: d('0.1') });
    expect(values.map((v) => v.toString())).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1']);
  });

  it('stop is included only when it falls on a step', () => {
    expect(rangeCount({ start: d(-4), stop: d(4), step: d(3) })).toBe(3); // -4, -1, 2
    expect(rangeCount({ start: d(2), stop: d(2), step: d(1) })).toBe(1);
    expect(rangeCount({ start: d(0), stop: d(100), step: d('0.1') })).toBe(1001);
  });
});

describe('scenario grid', () => {
  const years = 3;
  const grid = computeScenarioGrid(article(), {
    years,
    threshold: d('1e12'),
    exportGrowth: { start: d(-6), stop: d(6), step: d('1.5') },
    importGrowth: { start: d(-2), stop: d(10), step: d(4) },
  });

  it('every cell equals project at the same rates, exactly', () => {
    expect(grid.exportGrowthPct).toHaveLength(9);
    expect(grid.importGrowthPct).toHaveLength(4);
    let n = 0;
    for (const cell of gridCells(grid)) {
      const p = computeProjection(article(), {
        exportGrowthPct: Array(years).fill(cell.exportGrowthPct),
        importGrowthPct: Array(years).fill(cell.importGrowthPct),
        threshold: d('1e12'),
      });
      const last = p.path[years - 1]!;
      expect(cell.balance.eq(last.balance)).toBe(true);
      expect(cell.aboveThreshold).toBe(last.aboveThreshold);
      n++;
    }
    expect(n).toBe(36);
  });

  it('rows are import growth and columns export growth; the crossing of each row is its break-even', () => {
    const cell = gridCell(grid, 1, 0); // imports +2 %, exports -6 %
    expect(cell.importGrowthPct.eq(2)).toBe(true);
    expect(cell.exportGrowthPct.eq(-6)).toBe(true);
    for (let row = 0; row < grid.importGrowthPct.length; row++) {
      const c = rowCrossing(grid, row);
      if (!c.found) throw new Error('expected a crossing');
      for (let col = 0; col < grid.exportGrowthPct.length; col++) {
        expect(gridCell(grid, row, col).aboveThreshold).toBe(grid.exportGrowthPct[col]!.gte(c.solution.growthPct));
      }
    }
  });

  it('the crossing of each column is the import growth at which it turns: at or below it, at or above', () => {
    for (let col = 0; col < grid.exportGrowthPct.length; col++) {
      const c = columnCrossing(grid, col);
      if (!c.found) throw new Error('expected a crossing');
      for (let row = 0; row < grid.importGrowthPct.length; row++) {
        expect(gridCell(grid, row, col).aboveThreshold).toBe(grid.importGrowthPct[row]!.lte(c.solution.growthPct));
      }
    }
  });

  it('refuses more than 1001 × 1001 cells', () => {
    expect(() =>
      computeScenarioGrid(article(), { years: 1, threshold: d(0), exportGrowth: { start: d(0), stop: d(1001), step: d(1) }, importGrowth: { start: d(0), stop: d(1000), step: d(1) } }),
    ).toThrow(/exceeds 1002001/);
  });
});

describe('named scenarios', () => {
  it('baseline is the forecast; optimistic and pessimistic move each rate 3 pp', () => {
    const list = namedScenarios(article());
    expect(list.map((s) => [s.id, s.exportGrowthPct.toString(), s.importGrowthPct.toString()])).toEqual([
      ['baseline', '3', '0'],
      ['optimistic', '6', '-3'],
      ['pessimistic', '0', '3'],
    ]);
  });

  it('a dataset adds its own scenarios and may redefine a built-in one', () => {
    const ds = datasetFromJson(
      {
        ...china,
        scenarios: [
          { id: 'tariff-shock', label: 'Tariff shock', exportGrowthPct: '-8', importGrowthPct: { value: '-2' } },
          { id: 'baseline', label: 'Consensus', exportGrowthPct: '2.5', importGrowthPct: '1' },
        ],
      },
      'test',
    );
    const list = namedScenarios(ds);
    const origin = (o: (typeof list)[number]['origin']) => (o.source === 'spread' ? `spread ${o.exportSpreadPp} ${o.importSpreadPp}` : o.source);
    expect(list.map((s) => `${s.id}:${s.exportGrowthPct}:${s.importGrowthPct}:${origin(s.origin)}`)).toEqual([
      'baseline:2.5:1:dataset',
      'optimistic:6:-3:spread 3 -3',
      'pessimistic:0:3:spread -3 3',
      'tariff-shock:-8:-2:dataset',
    ]);
  });

  it('an invalid dataset scenario is a data error naming its path', () => {
    expect(() => datasetFromJson({ ...china, scenarios: [{ id: 'x', label: 'X', exportGrowthPct: '-150', importGrowthPct: '0' }] }, 'test')).toThrow(
      expect.objectContaining({ problems: ['$.scenarios[0].exportGrowthPct: -150 % is below -100 % (nothing can shrink by more than all of it)'] }),
    );
  });

  it('comparison paths are project paths', () => {
    const cmp = compareScenarios(article(), namedScenarios(article()), { years: 3, threshold: d('1e12') });
    const pess = cmp.outcomes[2]!.projection;
    const p = computeProjection(article(), { exportGrowthPct: [d(0), d(0), d(0)], importGrowthPct: [d(3), d(3), d(3)], threshold: d('1e12') });
    expect(pess.path.map((x) => x.balance.toString())).toEqual(p.path.map((x) => x.balance.toString()));
    // 3.77T − 2.58T·1.03³ = 3.77T − 2.81923566T = 0.95076434T: first below $1T in 2028
    expect(pess.path[2]!.balance.eq(d('950764340000'))).toBe(true);
    expect(pess.verdict.firstYearBelow).toBe(2028);
  });
});
