// The JSON contract of every report kind, schema version 2, declared once as valibot schemas: the
// TypeScript types of the documents are inferred from them, `tradecalc schema <kind>` prints them as
// JSON Schema, and the tests validate every command's real output against that JSON Schema.
//
// The rules every kind keeps (docs/json.md):
//   - the envelope: schemaVersion, kind, dataset, assumptions, then the results;
//   - every input that shaped the result is in `assumptions`, once, with its origin in
//     `assumptions.origins` (option, forecast or default: typed data, not English);
//   - one key, one type and one meaning: a rate is a scalar `…Pct`, per-year rates `…PctByYear[]`, a
//     swept range `…PctRange{start, stop, step}`, a count `…Count`, a per-year series `path[]` with
//     `year`, a rounding range `{low, high}` under `ranges` (or `range`) beside the value it bounds;
//   - a verdict is `{question, answer, …, text}`, its text built from its answer.
// Numbers are decimals in the program and JSON numbers on the wire: at most 15 significant digits,
// no exponent, no -0.
import * as v from 'valibot';
import { type Decimal, isDecimal } from '../core/decimal.js';
import { QUALIFIERS } from '../data/schema.js';
import type { LazyList } from './document.js';

const NUMBER_NOTE = 'a JSON number written from an exact decimal: at most 15 significant digits, no exponent';

/** A decimal in the document; a JSON number in the file. */
export const Num = v.pipe(
  v.custom<Decimal>((x) => isDecimal(x), 'expected a decimal'),
  v.description(NUMBER_NOTE),
);
const Money = v.pipe(Num, v.description(`an amount in the dataset's currency units; ${NUMBER_NOTE}`));
const Pct = v.pipe(Num, v.description(`a percentage: 3 means 3 %; ${NUMBER_NOTE}`));
const Pp = v.pipe(Num, v.description(`a change in percentage points; ${NUMBER_NOTE}`));
const Year = v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(9999));
/** A month of the year by its number, 1 to 12 (a month with its year is a `Month`, "2025-11"). */
const MonthNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Month = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const Text = v.string();

/** Items of a list the document produces as it is written (a million grid cells). */
const LAZY_ITEMS = new WeakMap<object, v.GenericSchema>();
function lazyList<S extends v.GenericSchema>(item: S) {
  const schema = v.custom<LazyList<v.InferOutput<S>> | v.InferOutput<S>[]>((x) => typeof x === 'object' && x !== null && Symbol.iterator in x);
  LAZY_ITEMS.set(schema, item);
  return schema;
}

const IntervalS = v.strictObject({ low: Num, high: Num });
const Flows = v.strictObject({ exports: Money, imports: Money, balance: Money });

const SourceS = v.strictObject({
  publisher: v.optional(Text),
  published: v.optional(Text),
  basis: v.optional(Text),
  place: v.optional(Text),
  url: v.optional(Text),
  note: v.optional(Text),
});

/** How figures imported from a publisher's files were made: what was read, summed and left out. */
export const ImportedSchema = v.strictObject({
  publisher: Text,
  files: v.array(v.strictObject({ name: Text, layout: Text, rowCount: Count })),
  rowCount: Count,
  usedRowCount: Count,
  excluded: v.array(v.strictObject({ reason: Text, rowCount: Count })),
  exportValuation: Text,
  importValuation: Text,
  unit: Text,
  notes: v.array(Text),
  warnings: v.array(Text),
});

export const DatasetRefSchema = v.strictObject({
  id: Text,
  title: Text,
  reporter: Text,
  /** "World" for the reporter's total trade, else the partner of a bilateral view (--partner). */
  partner: Text,
  currency: Text,
  source: SourceS,
  imported: v.optional(ImportedSchema),
});

const QualifierS = v.picklist(QUALIFIERS);

export const OriginSchema = v.variant('source', [
  v.strictObject({ source: v.literal('option') }),
  v.strictObject({ source: v.literal('forecast'), forecastYear: Year, qualifier: v.nullable(QualifierS), stated: Text }),
  v.variant('rule', [
    v.strictObject({ source: v.literal('default'), rule: v.picklist(['built-in', 'latest-year']) }),
    v.strictObject({ source: v.literal('default'), rule: v.picklist(['no-forecast', 'not-in-forecast']), forecastYear: v.nullable(Year) }),
    v.strictObject({
      source: v.literal('default'),
      rule: v.literal('latest-complete-year'),
      passedOver: v.array(v.strictObject({ year: Year, reason: v.picklist(['year-to-date', 'missing-flow']) })),
    }),
  ]),
]);

function envelope<K extends string, A extends v.ObjectEntries, R extends v.ObjectEntries, D extends v.GenericSchema = typeof DatasetRefSchema>(
  kind: K,
  assumptions: A,
  results: R,
  dataset: D = DatasetRefSchema as unknown as D,
) {
  return v.strictObject({
    schemaVersion: v.literal(2),
    kind: v.literal(kind),
    dataset,
    assumptions: v.strictObject(assumptions),
    ...results,
  });
}

// ----------------------------------------------------------------------------------------------
// summary

const MomentumSeriesS = v.strictObject({ fromPct: Pct, toPct: Pct, changePp: Pp });
const MomentumRangesS = v.strictObject({ fromPct: IntervalS, toPct: IntervalS, changePp: IntervalS });

export const SummarySchema = envelope(
  'summary',
  { year: Year, withRanges: v.boolean(), origins: v.strictObject({ year: OriginSchema }) },
  {
    exports: Money,
    imports: Money,
    balance: Money,
    balanceKind: v.picklist(['surplus', 'deficit', 'balanced']),
    totalTrade: Money,
    coverageRatio: v.nullable(Num),
    balanceShareOfTradePct: v.nullable(Pct),
    exportGrowthPct: v.nullable(Pct),
    importGrowthPct: v.nullable(Pct),
    growthBasis: v.nullable(v.picklist(['stated', 'derived'])),
    prior: v.nullable(
      v.strictObject({
        year: Year,
        basis: v.picklist(['reported', 'implied']),
        exports: Money,
        imports: Money,
        balance: Money,
        totalTrade: Money,
        coverageRatio: v.nullable(Num),
        balanceShareOfTradePct: v.nullable(Pct),
      }),
    ),
    balanceChange: v.nullable(Money),
    balanceChangePct: v.nullable(Pct),
    totalTradeChange: v.nullable(Money),
    momentum: v.nullable(v.strictObject({ from: Month, to: Month, exports: v.nullable(MomentumSeriesS), imports: v.nullable(MomentumSeriesS) })),
    ranges: v.optional(
      v.strictObject({
        exports: IntervalS,
        imports: IntervalS,
        balance: IntervalS,
        totalTrade: IntervalS,
        coverageRatio: v.nullable(IntervalS),
        balanceShareOfTradePct: v.nullable(IntervalS),
        exportGrowthPct: v.nullable(IntervalS),
        importGrowthPct: v.nullable(IntervalS),
        prior: v.nullable(
          v.strictObject({
            exports: IntervalS,
            imports: IntervalS,
            balance: IntervalS,
            totalTrade: IntervalS,
            coverageRatio: v.nullable(IntervalS),
            balanceShareOfTradePct: v.nullable(IntervalS),
          }),
        ),
        balanceChange: v.nullable(IntervalS),
        balanceChangePct: v.nullable(IntervalS),
        totalTradeChange: v.nullable(IntervalS),
        momentum: v.nullable(v.strictObject({ exports: v.nullable(MomentumRangesS), imports: v.nullable(MomentumRangesS) })),
      }),
    ),
  },
);

// ----------------------------------------------------------------------------------------------
// projection, and what scenarios share with it

const YearMargin = v.strictObject({ year: Year, margin: Money });

export const VerdictSchema = v.strictObject({
  question: v.picklist(['stays-above', 'reaches']),
  answer: v.boolean(),
  firstYearAbove: v.nullable(Year),
  firstYearBelow: v.nullable(Year),
  aboveFrom: v.nullable(Year),
  tightest: YearMargin,
  best: YearMargin,
  horizon: YearMargin,
  text: Text,
});

const PathPointS = v.strictObject({
  year: Year,
  exports: Money,
  imports: Money,
  balance: Money,
  margin: Money,
  aboveThreshold: v.boolean(),
  aboveThresholdInRange: v.optional(v.picklist(['yes', 'no', 'maybe'])),
  ranges: v.optional(v.strictObject({ exports: IntervalS, imports: IntervalS, balance: IntervalS, margin: IntervalS })),
});

const BaseS = v.strictObject({
  exports: Money,
  imports: Money,
  balance: Money,
  ranges: v.optional(v.strictObject({ exports: IntervalS, imports: IntervalS, balance: IntervalS })),
});

export const ProjectionSchema = envelope(
  'projection',
  {
    baseYear: Year,
    yearCount: Count,
    exportGrowthPctByYear: v.array(Pct),
    importGrowthPctByYear: v.array(Pct),
    threshold: Money,
    withRanges: v.boolean(),
    origins: v.strictObject({ baseYear: OriginSchema, yearCount: OriginSchema, exportGrowthPctByYear: OriginSchema, importGrowthPctByYear: OriginSchema, threshold: OriginSchema }),
  },
  { base: BaseS, path: v.array(PathPointS), verdict: VerdictSchema },
);

// ----------------------------------------------------------------------------------------------
// scenarios

const RangeS = v.strictObject({ start: Pct, stop: Pct, step: Pct });

export const ScenarioGridSchema = envelope(
  'scenario-grid',
  {
    baseYear: Year,
    yearCount: Count,
    exportGrowthPctRange: RangeS,
    importGrowthPctRange: RangeS,
    threshold: Money,
    origins: v.strictObject({ baseYear: OriginSchema, yearCount: OriginSchema, exportGrowthPctRange: OriginSchema, importGrowthPctRange: OriginSchema, threshold: OriginSchema }),
  },
  {
    base: Flows,
    horizonYear: Year,
    cellCount: Count,
    exportAxis: lazyList(v.strictObject({ exportGrowthPct: Pct, exports: Money, breakevenImportGrowthPct: v.nullable(Pct) })),
    importAxis: lazyList(v.strictObject({ importGrowthPct: Pct, imports: Money, breakevenExportGrowthPct: v.nullable(Pct) })),
    cells: lazyList(v.strictObject({ exportGrowthPct: Pct, importGrowthPct: Pct, balance: Money, aboveThreshold: v.boolean() })),
  },
);

export const ScenarioOriginSchema = v.variant('source', [
  v.strictObject({ source: v.literal('baseline'), forecastYear: v.nullable(Year) }),
  v.strictObject({ source: v.literal('spread'), exportSpreadPp: Pp, importSpreadPp: Pp }),
  v.strictObject({ source: v.literal('dataset') }),
]);

export const ScenarioComparisonSchema = envelope(
  'scenario-comparison',
  {
    baseYear: Year,
    yearCount: Count,
    threshold: Money,
    scenarioIds: v.array(Text),
    origins: v.strictObject({ baseYear: OriginSchema, yearCount: OriginSchema, threshold: OriginSchema, scenarioIds: OriginSchema }),
  },
  {
    base: Flows,
    scenarios: v.array(
      v.strictObject({
        id: Text,
        label: Text,
        definition: ScenarioOriginSchema,
        description: v.nullable(Text),
        exportGrowthPct: Pct,
        importGrowthPct: Pct,
        path: v.array(PathPointS),
        verdict: VerdictSchema,
      }),
    ),
  },
);

// ----------------------------------------------------------------------------------------------
// breakeven

export const BreakevenSchema = envelope(
  'breakeven',
  {
    baseYear: Year,
    yearCount: Count,
    exportGrowthPct: Pct,
    importGrowthPct: Pct,
    threshold: Money,
    origins: v.strictObject({ baseYear: OriginSchema, yearCount: OriginSchema, exportGrowthPct: OriginSchema, importGrowthPct: OriginSchema, threshold: OriginSchema }),
  },
  {
    base: Flows,
    horizonYear: Year,
    balanceAtAssumptions: Money,
    solutions: v.array(
      v.strictObject({
        solveFor: v.picklist(['exports', 'imports']),
        found: v.boolean(),
        breakevenGrowthPct: v.nullable(Pct),
        cumulativeGrowthPct: v.nullable(Pct),
        horizonFlows: v.nullable(Flows),
        balanceAtRoundedRate: v.nullable(Money),
        reason: v.nullable(v.picklist(['no-exports', 'no-imports', 'out-of-reach', 'any-rate'])),
        boundBalance: v.nullable(Money),
        text: Text,
      }),
    ),
  },
);

// ----------------------------------------------------------------------------------------------
// simulate

export const SimulationSchema = envelope(
  'simulation',
  {
    baseYear: Year,
    yearCount: Count,
    exportGrowthPct: Pct,
    exportGrowthSdPct: Pct,
    importGrowthPct: Pct,
    importGrowthSdPct: Pct,
    correlation: Num,
    threshold: Money,
    runCount: Count,
    seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER), v.description('the random seed: the same seed gives the same output')),
    origins: v.strictObject({
      baseYear: OriginSchema,
      yearCount: OriginSchema,
      exportGrowthPct: OriginSchema,
      exportGrowthSdPct: OriginSchema,
      importGrowthPct: OriginSchema,
      importGrowthSdPct: OriginSchema,
      correlation: OriginSchema,
      threshold: OriginSchema,
      runCount: OriginSchema,
      seed: OriginSchema,
    }),
  },
  {
    method: v.strictObject({ prng: Text, normal: Text, percentile: Text, passCount: Count }),
    base: Flows,
    path: v.array(
      v.strictObject({
        year: Year,
        aboveCount: Count,
        probabilityAboveThreshold: Num,
        probabilityStandardError: Num,
        probabilityInterval95: IntervalS,
        mean: Money,
        p5: Money,
        p50: Money,
        p95: Money,
        min: Money,
        max: Money,
      }),
    ),
    histogram: v.strictObject({ year: Year, min: Money, max: Money, binCounts: v.array(Count) }),
  },
);

// ----------------------------------------------------------------------------------------------
// check

const MetricS = v.picklist(['balance', 'exports', 'imports', 'exportGrowthPct', 'importGrowthPct']);

const BasisS = v.variant('kind', [
  v.strictObject({ kind: v.literal('reported'), year: Year }),
  v.strictObject({ kind: v.literal('derived'), year: Year, priorYear: Year }),
  v.strictObject({
    kind: v.literal('projected'),
    year: Year,
    baseYear: Year,
    // null: the forecast does not state this flow's growth, so it was held flat (as `project` holds it).
    exportGrowthPct: v.nullable(Pct),
    exportGrowthQualifier: v.nullable(QualifierS),
    importGrowthPct: v.nullable(Pct),
  }),
  v.strictObject({ kind: v.literal('months'), from: Month, to: Month }),
  v.strictObject({ kind: v.literal('reported-month'), month: Month }),
  v.strictObject({ kind: v.literal('derived-month'), month: Month, from: Month }),
  v.strictObject({ kind: v.literal('derived-months'), from: Month, to: Month, fromGrowthPct: Pct, toGrowthPct: Pct }),
  v.strictObject({ kind: v.literal('record'), year: Year, earlierYears: v.array(Year), highestEarlierYear: Year, highestEarlier: IntervalS }),
]);

const UncheckedS = v.variant('code', [
  v.strictObject({ code: v.literal('record-needs-earlier-years'), year: Year }),
  v.strictObject({ code: v.literal('growth-needs-previous-year'), year: Year, metric: v.picklist(['exports', 'imports']) }),
  v.strictObject({ code: v.literal('no-figures-for-year'), year: Year, yearList: v.array(Year) }),
  v.strictObject({ code: v.literal('no-forecast-growth'), year: Year }),
  v.strictObject({ code: v.literal('months-missing'), monthList: v.array(Month) }),
  v.strictObject({ code: v.literal('month-growth-needs-amounts'), month: Month, metric: v.picklist(['exports', 'imports']) }),
  v.strictObject({ code: v.literal('no-figures-for-month'), month: Month }),
  v.strictObject({ code: v.literal('undefined-value'), why: Text }),
]);

export const CheckSchema = envelope(
  'check',
  {},
  {
    latestYear: Year,
    allConsistent: v.boolean(),
    consistentCount: Count,
    inconsistentCount: Count,
    uncheckedCount: Count,
    claims: v.array(
      v.strictObject({
        id: Text,
        label: Text,
        metric: MetricS,
        qualifier: QualifierS,
        year: v.nullable(Year),
        month: v.nullable(Month),
        from: v.nullable(Month),
        to: v.nullable(Month),
        measure: v.picklist(['money', 'pct', 'pp']),
        stated: Text,
        claimValue: v.nullable(Num),
        accepts: v.nullable(v.strictObject({ low: v.nullable(Num), high: v.nullable(Num), lowInclusive: v.boolean(), highInclusive: v.boolean() })),
        value: v.nullable(Num),
        range: v.nullable(IntervalS),
        basis: v.nullable(BasisS),
        status: v.picklist(['consistent', 'inconsistent', 'unchecked']),
        within: v.nullable(v.picklist(['whole-range', 'part-of-range'])),
        holdsAsStated: v.nullable(v.boolean()),
        unchecked: v.nullable(UncheckedS),
        reason: Text,
      }),
    ),
  },
);

// ----------------------------------------------------------------------------------------------
// months

const MaybeMoney = v.nullable(Money);
const MaybePct = v.nullable(Pct);
const GrowthBasisS = v.nullable(v.picklist(['derived', 'stated']));
const MonthFlowsS = v.strictObject({ exports: MaybeMoney, imports: MaybeMoney, balance: MaybeMoney });

export const MonthsSchema = envelope(
  'months',
  {
    year: Year,
    flow: v.picklist(['all', 'exports', 'imports', 'balance']),
    origins: v.strictObject({ year: OriginSchema, flow: OriginSchema }),
  },
  {
    period: v.strictObject({ year: Year, from: Month, to: Month, monthCount: Count, complete: v.boolean() }),
    months: v.array(
      v.strictObject({
        month: Month,
        exports: MaybeMoney,
        imports: MaybeMoney,
        balance: MaybeMoney,
        yearEarlier: v.strictObject({ month: Month, exports: MaybeMoney, imports: MaybeMoney, balance: MaybeMoney }),
        exportGrowthPct: MaybePct,
        exportGrowthBasis: GrowthBasisS,
        importGrowthPct: MaybePct,
        importGrowthBasis: GrowthBasisS,
        balanceChange: MaybeMoney,
        exportMomentumPp: v.nullable(Pp),
        importMomentumPp: v.nullable(Pp),
        yearToDate: v.strictObject({
          exports: MaybeMoney,
          imports: MaybeMoney,
          balance: MaybeMoney,
          exportGrowthPct: MaybePct,
          importGrowthPct: MaybePct,
          balanceChange: MaybeMoney,
          yearEarlier: MonthFlowsS,
        }),
      }),
    ),
  },
);

// ----------------------------------------------------------------------------------------------
// datasets: data show, data list, data validate

const GapS = v.variant('reason', [
  v.strictObject({ year: Year, reason: v.literal('year-to-date'), monthNumbers: v.array(MonthNumber) }),
  v.strictObject({ year: Year, reason: v.literal('missing-flow'), missing: v.array(v.picklist(['exports', 'imports'])) }),
]);

export const DatasetDocumentSchema = envelope(
  'dataset',
  {},
  {
    years: v.array(
      v.strictObject({
        year: Year,
        exports: Money,
        imports: Money,
        balance: Money,
        exportGrowthPct: v.nullable(Pct),
        exportGrowthQualifier: v.nullable(QualifierS),
        importGrowthPct: v.nullable(Pct),
        importGrowthQualifier: v.nullable(QualifierS),
        exportsStated: Text,
        importsStated: Text,
        exportGrowthStated: v.nullable(Text),
        importGrowthStated: v.nullable(Text),
      }),
    ),
    months: v.array(
      v.strictObject({
        month: Month,
        exports: v.nullable(Money),
        imports: v.nullable(Money),
        balance: v.nullable(Money),
        exportGrowthPct: v.nullable(Pct),
        exportGrowthQualifier: v.nullable(QualifierS),
        importGrowthPct: v.nullable(Pct),
        importGrowthQualifier: v.nullable(QualifierS),
      }),
    ),
    gaps: v.array(GapS),
    partners: v.array(v.strictObject({ partner: Text, partnerCode: v.nullable(Text), yearCount: Count, monthCount: Count })),
    forecasts: v.array(
      v.strictObject({
        year: Year,
        exportGrowthPct: v.nullable(Pct),
        exportGrowthQualifier: v.nullable(QualifierS),
        importGrowthPct: v.nullable(Pct),
        importGrowthQualifier: v.nullable(QualifierS),
        balance: v.nullable(Money),
        balanceQualifier: v.nullable(QualifierS),
        balanceStated: v.nullable(Text),
        gdpGrowthPct: v.nullable(Pct),
        gdpGrowthQualifier: v.nullable(QualifierS),
        source: v.nullable(Text),
      }),
    ),
    claims: v.array(
      v.strictObject({ id: Text, label: Text, metric: MetricS, qualifier: QualifierS, year: v.nullable(Year), month: v.nullable(Month), claimValue: v.nullable(Num), from: v.nullable(Month), to: v.nullable(Month) }),
    ),
    scenarios: v.array(v.strictObject({ id: Text, label: Text, exportGrowthPct: Pct, importGrowthPct: Pct, description: v.nullable(Text) })),
  },
);

const ListedDataset = v.strictObject({
  id: Text,
  reporter: Text,
  title: Text,
  currency: Text,
  firstYear: v.nullable(Year),
  lastYear: v.nullable(Year),
  yearCount: Count,
  monthCount: Count,
  partnerCount: Count,
  claimCount: Count,
  source: SourceS,
});

export const DatasetListSchema = envelope('dataset-list', { file: v.nullable(Text) }, { datasets: v.array(ListedDataset) }, v.null());

export const ValidationSchema = v.variant('valid', [
  envelope('validation', { file: Text, reporter: v.nullable(Text) }, { valid: v.literal(true), format: v.pipe(v.picklist(['json', 'csv', 'import']), v.description('json or csv: a tradecalc dataset; import: a publisher download, read as `import` reads it (the datasets name the publisher)')), datasets: v.array(ListedDataset) }, v.null()),
  envelope('validation', { file: Text, reporter: v.nullable(Text) }, { valid: v.literal(false), error: Text, problems: v.array(Text) }, v.null()),
]);

// ----------------------------------------------------------------------------------------------
// import


export const ImportSchema = envelope(
  'import',
  {
    inputs: v.array(Text),
    from: Text,
    reporter: v.nullable(Text),
    partner: v.nullable(Text),
    flow: v.nullable(v.picklist(['exports', 'imports'])),
    engine: v.picklist(['auto', 'stream', 'duckdb']),
    output: v.nullable(Text),
  },
  {
    files: v.array(v.strictObject({ name: Text, layout: Text, label: Text, rowCount: Count, engine: v.picklist(['stream', 'duckdb']) })),
    publisher: v.nullable(Text),
    exportValuation: v.nullable(Text),
    importValuation: v.nullable(Text),
    unit: v.nullable(Text),
    rowCount: Count,
    usedRowCount: Count,
    excluded: v.array(v.strictObject({ reason: Text, rowCount: Count })),
    warnings: v.array(Text),
    reporters: v.array(
      v.strictObject({
        id: Text,
        reporter: Text,
        reporterCode: v.nullable(Text),
        currency: Text,
        partnerCount: Count,
        partnerNames: v.array(Text),
        firstPeriod: v.nullable(Text),
        lastPeriod: v.nullable(Text),
        yearCount: Count,
        monthCount: Count,
        yearList: v.array(Year),
        gaps: v.array(GapS),
      }),
    ),
    written: v.nullable(v.strictObject({ file: Text, format: v.picklist(['json', 'csv']), datasetCount: Count })),
  },
  v.null(),
);

export const ImportPlanSchema = envelope(
  'import-plan',
  { inputs: v.array(Text), from: Text, reporter: v.nullable(Text), partner: v.nullable(Text) },
  { plans: v.array(v.strictObject({ file: Text, layout: Text, label: Text, sql: v.nullable(Text) })) },
  v.null(),
);

// ----------------------------------------------------------------------------------------------
// partners and mirror (issue 12)

const MeasureS = v.picklist(['balance', 'exports', 'imports', 'total']);

const PartnerRowS = v.strictObject({
  row: v.picklist(['partner', 'other-partners', 'all-partners', 'world', 'unallocated']),
  rank: v.nullable(Count),
  partner: v.nullable(Text),
  partnerCode: v.nullable(Text),
  partnerCount: v.nullable(Count),
  exports: Money,
  imports: Money,
  balance: Money,
  totalTrade: Money,
  shareOfExportsPct: v.nullable(Pct),
  shareOfImportsPct: v.nullable(Pct),
  shareOfTradePct: v.nullable(Pct),
  shareOfSurplusesPct: v.nullable(Pct),
  shareOfDeficitsPct: v.nullable(Pct),
  priorFlows: v.nullable(Flows),
  exportGrowthPct: v.nullable(Pct),
  importGrowthPct: v.nullable(Pct),
  balanceChange: v.nullable(Money),
  totalTradeChange: v.nullable(Money),
});

const IncompletePartnerS = v.variant('reason', [
  v.strictObject({
    partner: Text,
    partnerCode: v.nullable(Text),
    reason: v.literal('year-to-date'),
    monthNumbers: v.array(MonthNumber),
    exports: v.nullable(Money),
    imports: v.nullable(Money),
  }),
  v.strictObject({
    partner: Text,
    partnerCode: v.nullable(Text),
    reason: v.literal('missing-flow'),
    missing: v.array(v.picklist(['exports', 'imports'])),
    exports: v.nullable(Money),
    imports: v.nullable(Money),
  }),
]);

const SideS = v.strictObject({ partnerCount: Count, balance: Money });

export const PartnersSchema = envelope(
  'partners',
  {
    year: Year,
    topCount: Count,
    sort: MeasureS,
    flow: MeasureS,
    origins: v.strictObject({ year: OriginSchema, topCount: OriginSchema, sort: OriginSchema, flow: OriginSchema }),
  },
  {
    priorYear: Year,
    partnerCount: Count,
    worldStatus: v.picklist(['complete', 'year-to-date', 'missing-flow', 'none']),
    shareBasis: v.picklist(['world', 'partners']),
    surpluses: SideS,
    deficits: SideS,
    rows: v.array(PartnerRowS),
    incompletePartners: v.array(IncompletePartnerS),
    check: v.nullable(
      v.strictObject({
        question: v.literal('partners-sum-to-world'),
        answer: v.boolean(),
        text: Text,
      }),
    ),
  },
);

const ComparisonS = v.strictObject({ reported: Money, mirror: Money, gap: Money, gapPct: v.nullable(Pct) });
const FlowComparisonS = v.strictObject({ reported: Money, mirror: Money, gap: Money, gapPct: v.nullable(Pct), adjusted: v.nullable(ComparisonS) });
const MatchS = v.strictObject({ partner: Text, partnerCode: v.nullable(Text), by: v.picklist(['code', 'name', 'country-table']) });

export const MirrorSchema = envelope(
  'mirror',
  {
    year: v.nullable(Year),
    cifFobPct: v.nullable(Pct),
    origins: v.strictObject({ year: OriginSchema, cifFobPct: v.nullable(OriginSchema) }),
  },
  {
    partnerDataset: DatasetRefSchema,
    matching: v.strictObject({ partnerInReporterData: MatchS, reporterInPartnerData: MatchS }),
    /** How each side's data values its imports ("CIF", "customs value", …); null when the data does not say. */
    reporterImportValuation: v.nullable(Text),
    partnerImportValuation: v.nullable(Text),
    yearCount: Count,
    path: v.array(
      v.strictObject({
        year: Year,
        exportsToPartner: v.nullable(FlowComparisonS),
        importsFromPartner: v.nullable(FlowComparisonS),
        balanceWithPartner: v.nullable(v.strictObject({ reported: Money, mirror: Money, gap: Money })),
      }),
    ),
    notCompared: v.array(v.strictObject({ year: Year, reason: v.picklist(['year-to-date', 'reporter-only', 'partner-only', 'missing-flow']) })),
  },
);

/** Every kind's schema by its `kind`. */
export const DOCUMENT_SCHEMAS = {
  summary: SummarySchema,
  projection: ProjectionSchema,
  'scenario-grid': ScenarioGridSchema,
  'scenario-comparison': ScenarioComparisonSchema,
  breakeven: BreakevenSchema,
  simulation: SimulationSchema,
  check: CheckSchema,
  months: MonthsSchema,
  dataset: DatasetDocumentSchema,
  'dataset-list': DatasetListSchema,
  validation: ValidationSchema,
  import: ImportSchema,
  'import-plan': ImportPlanSchema,
  partners: PartnersSchema,
  mirror: MirrorSchema,
} as const;

export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;

export type SummaryDocument = v.InferOutput<typeof SummarySchema>;
export type ProjectionDocument = v.InferOutput<typeof ProjectionSchema>;
export type ScenarioGridDocument = v.InferOutput<typeof ScenarioGridSchema>;
export type ScenarioComparisonDocument = v.InferOutput<typeof ScenarioComparisonSchema>;
export type BreakevenDocument = v.InferOutput<typeof BreakevenSchema>;
export type SimulationDocument = v.InferOutput<typeof SimulationSchema>;
export type CheckDocument = v.InferOutput<typeof CheckSchema>;
export type MonthsDocument = v.InferOutput<typeof MonthsSchema>;
export type DatasetDocument = v.InferOutput<typeof DatasetDocumentSchema>;
export type DatasetListDocument = v.InferOutput<typeof DatasetListSchema>;
export type ValidationDocument = v.InferOutput<typeof ValidationSchema>;
export type ImportDocument = v.InferOutput<typeof ImportSchema>;
export type ImportPlanDocument = v.InferOutput<typeof ImportPlanSchema>;
export type PartnersDocument = v.InferOutput<typeof PartnersSchema>;
export type MirrorDocument = v.InferOutput<typeof MirrorSchema>;
export type VerdictDoc = v.InferOutput<typeof VerdictSchema>;
export type PathPointDoc = v.InferOutput<typeof PathPointS>;
export type OriginDoc = v.InferOutput<typeof OriginSchema>;
export type ScenarioOriginDoc = v.InferOutput<typeof ScenarioOriginSchema>;
export type CheckClaimDoc = CheckDocument['claims'][number];

/** Where the documentation of a kind lives, for the schema's description. */
const TITLES: Record<DocumentKind, string> = {
  summary: 'tradecalc summary --json',
  projection: 'tradecalc project --json',
  'scenario-grid': 'tradecalc scenarios --json',
  'scenario-comparison': 'tradecalc scenarios --scenario … --json',
  breakeven: 'tradecalc breakeven --json',
  simulation: 'tradecalc simulate --json',
  check: 'tradecalc check --json',
  months: 'tradecalc months --json',
  dataset: 'tradecalc data show --json',
  'dataset-list': 'tradecalc data list --json',
  validation: 'tradecalc data validate --json',
  import: 'tradecalc import --json',
  'import-plan': 'tradecalc import --print-sql --json',
  partners: 'tradecalc partners --json',
  mirror: 'tradecalc mirror --json',
};

/** The JSON Schema (draft-07) of a kind's document. Loads @valibot/to-json-schema: call it only when needed. */
export async function documentJsonSchema(kind: DocumentKind): Promise<Record<string, unknown>> {
  // The library takes any string here: only the kinds' own keys, never an inherited property.
  if (!Object.hasOwn(DOCUMENT_SCHEMAS, kind)) throw new RangeError(`${JSON.stringify(kind)} is not a document kind`);
  const { toJsonSchema } = await import('@valibot/to-json-schema');
  const convert = (schema: v.GenericSchema): Record<string, unknown> =>
    toJsonSchema(schema, {
      errorMode: 'ignore',
      overrideSchema: (ctx) => {
        const s = ctx.valibotSchema as v.GenericSchema & { type: string; pipe?: unknown[] };
        const item = LAZY_ITEMS.get(s);
        if (item) return { type: 'array', items: strip(convert(item)) } as never;
        if (s.type === 'custom') return { type: 'number', description: v.getDescription(s) ?? NUMBER_NOTE } as never;
        return undefined;
      },
    }) as Record<string, unknown>;
  const schema = convert(DOCUMENT_SCHEMAS[kind] as v.GenericSchema);
  return {
    $schema: schema.$schema,
    $id: `urn:tradecalc:schema:2:${kind}`,
    title: `tradecalc ${kind} document, schema version 2`,
    description: `The JSON document printed by \`${TITLES[kind]}\`. New fields may be added within schema version 2; a field never changes its type or meaning.`,
    ...strip(schema),
  };
}

function strip(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _, ...rest } = schema;
  return rest;
}
