// The library API: the same pure core the CLI uses, typed, for people who script in JS or TS.
export { Decimal } from './core/decimal.js';
export type * from './core/types.js';
export { computeSummary, balanceKindOf, growthPct } from './core/summary.js';
export type { SummaryReport, BalanceKind, TradeFigures, PriorYear, Momentum } from './core/summary.js';
export { computeProjection, projectPath, verdictOf } from './core/project.js';
export type { ProjectionReport, ProjectionAssumptions, ProjectionPoint, ProjectionVerdict } from './core/project.js';
export { datasetFromJson } from './data/dataset.js';
export { loadBuiltinDataset, builtinDatasetIds } from './data/builtin.js';
export { parseAmount, parseDecimal } from './data/units.js';
export { summaryToJson, projectionToJson } from './render/json-reports.js';
export { stringifyJson, jsonNumber } from './render/json.js';
export { DataError, UsageError, EXIT } from './errors.js';
export { run } from './cli/run.js';
export type { IO } from './cli/io.js';
