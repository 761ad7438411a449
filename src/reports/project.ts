// `tradecalc project`: compound the base year forward under growth assumptions and test the balance
// against a threshold. Defaults come from the dataset's forecast for the following year.
import type { Decimal } from '../core/decimal.js';
import { type Interval, point, rateInterval } from '../core/interval.js';
import { type ProjectionPoint, type ProjectionReport, computeProjection } from '../core/project.js';
import { type GrowthRanges, type ProjectionPointRanges, type ProjectionRanges, computeProjectionRanges } from '../core/ranges.js';
import type { Dataset } from '../core/types.js';
import { projectionNotes } from '../render/text-common.js';
import { projectionVerdictText } from '../render/verdict.js';
import type { Columns } from './columns.js';
import { type Origin, SCHEMA_VERSION, datasetDoc, flowsDoc, intervalDoc } from './document.js';
import { type Horizon, type HorizonOptions, growthRate, parseHorizon, resolveHorizon } from './horizon.js';
import { parseChartFlag, parseGrowthList } from './parse.js';
import type { PathPointDoc, ProjectionDocument, VerdictDoc } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';
import type { CommonOptions } from './common.js';

export interface ProjectOptions extends HorizonOptions {
  exportGrowthPct?: Decimal[] | undefined;
  importGrowthPct?: Decimal[] | undefined;
  ranges: boolean;
  /** true: --chart, false: --no-chart, undefined: a chart on a terminal only. */
  chart: boolean | undefined;
}

export interface ProjectAssumptions {
  horizon: Horizon;
  exportGrowthPct: Decimal[];
  importGrowthPct: Decimal[];
  /** Where each year's rate may lie: exact for an option, the forecast figure's rounding otherwise. */
  growthRanges: GrowthRanges;
  ranges: boolean;
  origins: { exportGrowthPct: Origin; importGrowthPct: Origin };
}

export interface ProjectResult {
  report: ProjectionReport;
  ranges: ProjectionRanges | undefined;
}

export function parseProject(raw: RawOptions, _args: unknown, common: CommonOptions): ProjectOptions {
  const h = parseHorizon(raw);
  const years = h.yearCount ?? 1;
  const list = (option: string, key: string) => (typeof raw[key] === 'string' ? parseGrowthList(option, raw[key] as string, years) : undefined);
  // --format svg is the chart itself: --chart says nothing more, --no-chart contradicts it.
  const chart = parseChartFlag(raw, common.format, 'table');
  return { ...h, exportGrowthPct: list('--growth', 'growth'), importGrowthPct: list('--import-growth', 'importGrowth'), ranges: raw.ranges === true, chart };
}

export function resolveProject(opts: ProjectOptions, dataset: Dataset): ProjectAssumptions {
  const h = resolveHorizon(dataset, opts);
  const growthRanges: GrowthRanges = { exportGrowthPct: [], importGrowthPct: [] };
  const origins = {} as ProjectAssumptions['origins'];
  const rates = (key: 'exportGrowthPct' | 'importGrowthPct'): Decimal[] => {
    const given = opts[key];
    const { value, origin } = growthRate(h, key, undefined);
    origins[key] = given ? { source: 'option' } : origin;
    const fig = given ? undefined : h.forecast?.[key];
    growthRanges[key] = given ? given.map(point) : Array.from({ length: h.yearCount }, () => (fig ? rateInterval(fig) : point(value)));
    return given ?? Array.from({ length: h.yearCount }, () => value);
  };
  return { horizon: h, exportGrowthPct: rates('exportGrowthPct'), importGrowthPct: rates('importGrowthPct'), growthRanges, ranges: opts.ranges, origins };
}

export function computeProjectResult(a: ProjectAssumptions): ProjectResult {
  const h = a.horizon;
  const report = computeProjection(h.dataset, { exportGrowthPct: a.exportGrowthPct, importGrowthPct: a.importGrowthPct, threshold: h.threshold, baseYear: h.baseYear });
  return { report, ranges: a.ranges ? computeProjectionRanges(h.dataset, report, a.growthRanges) : undefined };
}

/** A projected year as the documents write it (project, and each scenario of a comparison). */
export function pathPointDoc(p: ProjectionPoint, x?: ProjectionPointRanges): PathPointDoc {
  return {
    year: p.year,
    exports: p.exports,
    imports: p.imports,
    balance: p.balance,
    margin: p.margin,
    aboveThreshold: p.aboveThreshold,
    aboveThresholdInRange: x?.aboveThreshold,
    ranges: x ? { exports: intervalDoc(x.exports), imports: intervalDoc(x.imports), balance: intervalDoc(x.balance), margin: intervalDoc(x.margin) } : undefined,
  };
}

/** The verdict, with its sentence built from its answer (so the two cannot disagree). */
export function verdictDoc(r: ProjectionReport): VerdictDoc {
  const v = r.verdict;
  const doc = {
    question: v.question,
    answer: v.answer,
    firstYearAbove: v.firstYearAbove,
    firstYearBelow: v.firstYearBelow,
    aboveFrom: v.aboveFrom,
    tightest: { year: v.tightestYear, margin: v.tightestMargin },
    best: { year: v.bestYear, margin: v.bestMargin },
    horizon: { year: v.horizonYear, margin: v.horizonMargin },
  };
  return { ...doc, text: projectionVerdictText(doc, { threshold: r.threshold, baseBalance: r.base.balance, firstYear: r.path[0]!.year, currency: r.dataset.currency }) };
}

export function baseDoc(base: { exports: Decimal; imports: Decimal }, x?: { exports: Interval; imports: Interval; balance: Interval }) {
  return { ...flowsDoc(base), ranges: x ? { exports: intervalDoc(x.exports), imports: intervalDoc(x.imports), balance: intervalDoc(x.balance) } : undefined };
}

export function projectionDocument({ report: r, ranges: x }: ProjectResult, a: ProjectAssumptions): ProjectionDocument {
  const h = a.horizon;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'projection',
    dataset: datasetDoc(r.dataset),
    assumptions: {
      baseYear: h.baseYear,
      yearCount: h.yearCount,
      exportGrowthPctByYear: a.exportGrowthPct,
      importGrowthPctByYear: a.importGrowthPct,
      threshold: h.threshold,
      withRanges: a.ranges,
      origins: { baseYear: h.origins.baseYear, yearCount: h.origins.yearCount, exportGrowthPctByYear: a.origins.exportGrowthPct, importGrowthPctByYear: a.origins.importGrowthPct, threshold: h.origins.threshold },
    },
    base: baseDoc(r.base, x?.base),
    path: r.path.map((p, i) => pathPointDoc(p, x?.path[i])),
    verdict: verdictDoc(r),
  };
}

const PATH_COLUMNS: readonly (readonly [string, string])[] = [
  ['year', 'year'],
  ['exportGrowthPct', '$.assumptions.exportGrowthPctByYear[#]'],
  ['importGrowthPct', '$.assumptions.importGrowthPctByYear[#]'],
  ['exports', 'exports'],
  ['imports', 'imports'],
  ['balance', 'balance'],
  ['threshold', '$.assumptions.threshold'],
  ['margin', 'margin'],
  ['aboveThreshold', 'aboveThreshold'],
];

const RANGE_COLUMNS: readonly (readonly [string, string])[] = [
  ...['exports', 'imports', 'balance', 'margin'].flatMap((k) => [[`${k}Low`, `ranges.${k}.low`], [`${k}High`, `ranges.${k}.high`]] as const),
  ['aboveThresholdInRange', 'aboveThresholdInRange'],
];

export const projectSpec: ReportSpec<ProjectOptions, ProjectAssumptions, ProjectResult, ProjectionDocument, 'dataset'> = {
  input: 'dataset',
  parse: parseProject,
  resolve: resolveProject,
  compute: computeProjectResult,
  toDocument: projectionDocument,
  columns: (doc): Columns => ({ kind: 'rows', rows: 'path', columns: doc.assumptions.withRanges ? [...PATH_COLUMNS, ...RANGE_COLUMNS] : PATH_COLUMNS }),
  notes: (doc) => projectionNotes(doc),
  text: async (doc, ctx, opts) => {
    const table = (await import('../render/projection-text.js')).renderProjectionAsText(doc, ctx);
    // By default a person at a terminal gets the chart; a pipe or a file gets it only when asked.
    if (!(opts.chart ?? ctx.interactive)) return table;
    const { renderProjectionChart } = await import('../render/projection-chart.js');
    return `${table}\n${renderProjectionChart(doc, ctx)}`;
  },
  svg: async (doc, ctx) => (await import('../render/svg/projection.js')).projectionSvg(doc, ctx),
};
