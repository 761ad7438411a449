// The library API: the pure core, the dataset loaders and the report documents, typed, for people
// who script in JS or TS. It carries no command-line code (commander, chalk and cli-table3 stay out:
// a test checks the bundle); `tradecalc/cli` exports `run` for those who want the CLI in-process.
export { Decimal } from './core/decimal.js';
export type * from './core/types.js';
export { computeSummary, balanceKindOf, growthPct } from './core/summary.js';
export type { SummaryReport, BalanceKind, TradeFigures, PriorYear, Momentum } from './core/summary.js';
export { computeProjection, projectPath, verdictOf } from './core/project.js';
export type { ProjectionReport, ProjectionAssumptions, ProjectionPoint, ProjectionVerdict, ThresholdQuestion } from './core/project.js';
export { computeBreakeven, solveExportGrowth, solveImportGrowth, nthRoot } from './core/breakeven.js';
export type { BreakevenReport, BreakevenAssumptions, BreakevenResult, BreakevenSolution } from './core/breakeven.js';
export { computeScenarioGrid, gridCell, gridCells, rowCrossing, columnCrossing, namedScenarios, compareScenarios, GRID_MAX_CELLS } from './core/scenarios.js';
export type { ScenarioGridReport, ScenarioGridAssumptions, ScenarioCell, ScenarioDefinition, ScenarioOrigin, ScenarioComparisonReport } from './core/scenarios.js';
export { rangeValues, rangeCount } from './core/range.js';
export type { DecimalRange } from './core/range.js';
export { simulate, createSimulation, RUNS_MAX, DEFAULT_RUNS, DEFAULT_SEED } from './core/simulate.js';
export type { SimulationReport, SimulationAssumptions, SimulatedYear, SimulationRun } from './core/simulate.js';
export { Xoshiro128 } from './core/prng.js';
export { computeCheck, checkClaim, regionOf } from './core/check.js';
export type { CheckReport, ClaimCheck, Region, Verdict, UncheckedReason } from './core/check.js';
export { computeMonths, monthlyGrowth, derivedMonthlyGrowth, yearToDate, monthOffset, indexMonths, monthYears } from './core/months.js';
export type { MonthsReport, MonthRow, FlowMonth, BalanceMonth, MonthlyGrowth, DerivedGrowth } from './core/months.js';
export type { Interval } from './core/interval.js';
export { figureInterval, rangeOf } from './core/interval.js';
export { computeSummaryRanges, computeProjectionRanges } from './core/ranges.js';
export type { SummaryRanges, ProjectionRanges } from './core/ranges.js';
export { computePartners, partnerYears } from './core/partners.js';
export type { PartnersReport, PartnersOptions, PartnerRow, PartnerMeasure, PartnerChange, IncompletePartner, WorldStatus } from './core/partners.js';
export { computeMirror, cifFobFactor } from './core/mirror.js';
export type { MirrorReport, MirrorOptions, MirrorYear, Comparison, FlowComparison, BalanceComparison } from './core/mirror.js';

export { datasetFromJson } from './data/dataset.js';
export { loadBuiltinDataset, builtinDatasetIds, builtinDocument } from './data/builtin.js';
export { parseAmount, parseDecimal } from './data/units.js';
export { loadDatasetFile, datasetsFromText } from './data/load-file.js';
export type { LoadedDatasets } from './data/load-file.js';
export { matchParty, matchStrength } from './data/match.js';
export type { Party, MatchBy, MatchResult } from './data/match.js';

// Documents: the JSON contract (schema version 2), built from a report exactly as the CLI builds them.
export { SCHEMA_VERSION, LazyList } from './reports/document.js';
export type { Document, DatasetDoc, Origin, IntervalDoc } from './reports/document.js';
export { summaryDocument, resolveSummary, computeSummaryResult } from './reports/summary.js';
export { projectionDocument, resolveProject, computeProjectResult } from './reports/project.js';
export { scenarioGridDocument, scenarioComparisonDocument, resolveScenarios, computeScenarios } from './reports/scenarios.js';
export { breakevenDocument, resolveBreakevenAssumptions, computeBreakevenReport } from './reports/breakeven.js';
export { simulationDocument, resolveSimulate, runSimulation } from './reports/simulate.js';
export { checkDocument } from './reports/check.js';
export { monthsDocument, resolveMonths } from './reports/months.js';
export { datasetDocument } from './reports/data.js';
export { partnersDocument, resolvePartners, computePartnersReport } from './reports/partners.js';
export { mirrorDocument, resolveMirror, computeMirrorReport } from './reports/mirror.js';
export { DOCUMENT_SCHEMAS, documentJsonSchema } from './reports/schemas.js';
export type * from './reports/schemas.js';
export { gridOf } from './reports/columns.js';
export type { Columns } from './reports/columns.js';
export { stringifyJson, jsonNumber } from './render/json.js';
export { DataError, UsageError, InterruptedError, EXIT } from './errors.js';

// Charts: a document as an SVG picture (what --format svg writes), and the generic charts they are
// drawn with, over plain data.
export { projectionSvg } from './render/svg/projection.js';
export { simulationSvg } from './render/svg/simulation.js';
export { scenarioGridSvg, scenarioComparisonSvg } from './render/svg/scenarios.js';
export { partnersSvg } from './render/svg/partners.js';
/** The months chart as a picture; null when the flow in view has nothing to draw (the CLI makes that a data error). */
export { monthsSvg } from './render/svg/months.js';
export { svgLineChart } from './render/svg/line-chart.js';
export type { LineChartSpec, LineSeries, Threshold } from './render/svg/line-chart.js';
export { svgBarChart } from './render/svg/bar-chart.js';
export type { BarChartSpec, Bar } from './render/svg/bar-chart.js';
export { svgHistogram } from './render/svg/histogram.js';
export type { HistogramSpec, HistogramBin } from './render/svg/histogram.js';
export { svgHeatMap } from './render/svg/heat-map.js';
export type { HeatMapSpec, HeatCell, HeatAxis } from './render/svg/heat-map.js';
export type { ChartText, SvgContext } from './render/svg/frame.js';
export type { ValueFormat } from './render/svg/scale.js';
export type { Tone } from './render/svg/theme.js';
