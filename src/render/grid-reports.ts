// Reports as grids for CSV and markdown: one row per observation, plain values.
import type { ProjectionReport } from '../core/project.js';
import type { SummaryReport } from '../core/summary.js';
import type { Cell, Grid } from './grid.js';

/** The summary in long form: one metric per row, so every value has a name. */
export function summaryToGrid(r: SummaryReport): Grid {
  const rows: Cell[][] = [
    ['year', r.current.year],
    ['exports', r.current.exports],
    ['imports', r.current.imports],
    ['balance', r.current.balance],
    ['balanceKind', r.balanceKind],
    ['totalTrade', r.totalTrade],
    ['coverageRatio', r.coverageRatio],
    ['balanceShareOfTradePct', r.balanceShareOfTradePct],
    ['exportGrowthPct', r.growth?.exportGrowthPct ?? null],
    ['importGrowthPct', r.growth?.importGrowthPct ?? null],
    ['growthBasis', r.growth?.basis ?? null],
  ];
  if (r.prior) {
    rows.push(
      ['prior.year', r.prior.year],
      ['prior.exports', r.prior.exports],
      ['prior.imports', r.prior.imports],
      ['prior.balance', r.prior.balance],
      ['prior.basis', r.prior.basis],
      ['balanceChange', r.balanceChange],
      ['balanceChangePct', r.balanceChangePct],
    );
  }
  const m = r.momentum;
  if (m) {
    rows.push(['momentum.from', m.earlier], ['momentum.to', m.later]);
    if (m.exports) rows.push(['momentum.exports.fromPct', m.exports.earlierPct], ['momentum.exports.toPct', m.exports.laterPct], ['momentum.exports.changePp', m.exports.changePp]);
    if (m.imports) rows.push(['momentum.imports.fromPct', m.imports.earlierPct], ['momentum.imports.toPct', m.imports.laterPct], ['momentum.imports.changePp', m.imports.changePp]);
  }
  return { columns: ['metric', 'value'], rows };
}

/** The projection path, one row per year; the threshold repeats so each row stands alone. */
export function projectionToGrid(r: ProjectionReport): Grid {
  return {
    columns: ['year', 'exportGrowthPct', 'importGrowthPct', 'exports', 'imports', 'balance', 'threshold', 'margin', 'aboveThreshold'],
    rows: r.path.map((p) => [p.year, p.exportGrowthPct, p.importGrowthPct, p.exports, p.imports, p.balance, r.threshold, p.margin, p.aboveThreshold]),
  };
}
