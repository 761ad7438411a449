// `tradecalc months`: the monthly series of a year — each month against the same month a year
// earlier, growth year on year, year-to-date totals and momentum — for the reporter's total trade
// or, with --partner, its trade with one partner.
import { type FlowMonth, type MonthsReport, computeMonths, monthOffset, monthYears } from '../core/months.js';
import type { Dataset } from '../core/types.js';
import { DataError, UsageError } from '../errors.js';
import { monthsNotes } from '../render/months-words.js';
import type { Columns } from './columns.js';
import type { CommonOptions } from './common.js';
import { MONTH_FLOWS } from './defaults.js';
import { BUILT_IN, OPTION, type Origin, SCHEMA_VERSION, datasetDoc } from './document.js';
import { parseCalendarYear, parseChartFlag, parseChoice } from './parse.js';
import type { MonthsDocument } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';

/** What the views show: every flow, or one of them in detail. The document always has all three. */
export type MonthFlow = (typeof MONTH_FLOWS)[number];

export interface MonthsOptions {
  year?: number | undefined;
  flow?: MonthFlow | undefined;
  /** true: --chart, false: --no-chart, undefined: a chart on a terminal only. */
  chart: boolean | undefined;
}

export interface MonthsAssumptions {
  dataset: Dataset;
  year: number;
  flow: MonthFlow;
  origins: { year: Origin; flow: Origin };
}

export function parseMonths(raw: RawOptions, _args: unknown, common: CommonOptions): MonthsOptions {
  // --format svg is the chart itself: --chart says nothing more, --no-chart contradicts it.
  const chart = parseChartFlag(raw, common.format, 'tables');
  return {
    year: typeof raw.year === 'string' ? parseCalendarYear('--year', raw.year) : undefined,
    flow: typeof raw.flow === 'string' ? parseChoice('--flow', raw.flow, MONTH_FLOWS) : undefined,
    chart,
  };
}

/** The year whose months to show: --year, which must have months in the data, or the latest that has. */
export function resolveMonths(opts: MonthsOptions, dataset: Dataset): MonthsAssumptions {
  const years = monthYears(dataset.months);
  const who = dataset.partner === 'World' ? `dataset "${dataset.id}"` : `${dataset.reporter}'s trade with ${dataset.partner}`;
  if (years.length === 0) {
    throw new DataError(`${who} has no monthly figures (months needs monthly amounts or monthly growth rates; the data has ${dataset.years.length > 0 ? 'only years' : 'none'})`);
  }
  if (opts.year !== undefined && !years.includes(opts.year)) {
    throw new UsageError(`--year "${opts.year}" has no months in ${who} (it has months in: ${years.join(', ')})`);
  }
  return {
    dataset,
    year: opts.year ?? years[years.length - 1]!,
    flow: opts.flow ?? 'all',
    origins: { year: opts.year === undefined ? { source: 'default', rule: 'latest-year' } : OPTION, flow: opts.flow === undefined ? BUILT_IN : OPTION },
  };
}

type RowDoc = MonthsDocument['months'][number];

export function monthsDocument(r: MonthsReport, a: MonthsAssumptions): MonthsDocument {
  const first = r.rows[0];
  const last = r.rows[r.rows.length - 1];
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'months',
    dataset: datasetDoc(r.dataset),
    assumptions: { year: a.year, flow: a.flow, origins: a.origins },
    period: { year: r.year, from: first!.month, to: last!.month, monthCount: r.rows.length, complete: r.complete },
    months: r.rows.map((row): RowDoc => {
      const e: FlowMonth = row.exports;
      const m: FlowMonth = row.imports;
      return {
        month: row.month,
        exports: row.exports.value,
        imports: row.imports.value,
        balance: row.balance.value,
        yearEarlier: { month: monthOffset(row.month, -12), exports: row.exports.yearEarlier, imports: row.imports.yearEarlier, balance: row.balance.yearEarlier },
        exportGrowthPct: e.growthPct,
        exportGrowthBasis: e.growthBasis,
        importGrowthPct: m.growthPct,
        importGrowthBasis: m.growthBasis,
        balanceChange: row.balance.change,
        exportMomentumPp: e.momentumPp,
        importMomentumPp: m.momentumPp,
        yearToDate: {
          exports: e.yearToDate,
          imports: m.yearToDate,
          balance: row.balance.yearToDate,
          exportGrowthPct: e.yearToDateGrowthPct,
          importGrowthPct: m.yearToDateGrowthPct,
          balanceChange: row.balance.yearToDateChange,
          yearEarlier: { exports: row.exports.yearToDateYearEarlier, imports: row.imports.yearToDateYearEarlier, balance: row.balance.yearToDateYearEarlier },
        },
      };
    }),
  };
}

/** The flat columns of each flow: paths into a month of the document, named by their paths. */
const FLOW_COLUMNS: Record<Exclude<MonthFlow, 'all'>, readonly string[]> = {
  exports: ['exports', 'yearEarlier.exports', 'exportGrowthPct', 'exportGrowthBasis', 'exportMomentumPp', 'yearToDate.exports', 'yearToDate.yearEarlier.exports', 'yearToDate.exportGrowthPct'],
  imports: ['imports', 'yearEarlier.imports', 'importGrowthPct', 'importGrowthBasis', 'importMomentumPp', 'yearToDate.imports', 'yearToDate.yearEarlier.imports', 'yearToDate.importGrowthPct'],
  balance: ['balance', 'yearEarlier.balance', 'balanceChange', 'yearToDate.balance', 'yearToDate.yearEarlier.balance', 'yearToDate.balanceChange'],
};

export function monthsColumns(doc: MonthsDocument): Columns {
  const flows = doc.assumptions.flow === 'all' ? (['exports', 'imports', 'balance'] as const) : [doc.assumptions.flow];
  return { kind: 'rows', rows: 'months', columns: [['month', 'month'], ...flows.flatMap((f) => FLOW_COLUMNS[f].map((p) => [p, p] as const))] };
}

export const monthsSpec: ReportSpec<MonthsOptions, MonthsAssumptions, MonthsReport, MonthsDocument, 'dataset'> = {
  input: 'dataset',
  parse: parseMonths,
  resolve: resolveMonths,
  compute: (a) => computeMonths(a.dataset, { year: a.year }),
  toDocument: monthsDocument,
  columns: monthsColumns,
  notes: (doc) => monthsNotes(doc, 'auto'),
  text: async (doc, ctx, opts) => {
    const { renderMonthsAsText } = await import('../render/months-text.js');
    const text = renderMonthsAsText(doc, ctx);
    if (!(opts.chart ?? ctx.interactive)) return text;
    const { renderMonthsChart } = await import('../render/months-chart.js');
    const chart = renderMonthsChart(doc, ctx);
    return chart ? `${text}\n${chart}` : text;
  },
  svg: async (doc, ctx) => {
    const svg = (await import('../render/svg/months.js')).monthsSvg(doc, ctx);
    if (svg === null) throw new DataError(nothingToDraw(doc));
    return svg;
  },
};

/** Why a months document has no chart: the flow in view has neither amounts nor growth rates. */
function nothingToDraw(doc: MonthsDocument): string {
  const who = doc.dataset.partner && doc.dataset.partner !== 'World' ? `${doc.dataset.reporter}'s trade with ${doc.dataset.partner}` : `dataset "${doc.dataset.id}"`;
  const flow = doc.assumptions.flow;
  const what = flow === 'balance' ? 'the balance needs monthly amounts of exports and imports' : `the chart needs monthly amounts or growth rates${flow === 'all' ? '' : ` of ${flow}`}`;
  return `--format svg: ${who} has nothing to draw for ${doc.period.year}: ${what}, and the data has none (try another --flow, or --format table)`;
}
