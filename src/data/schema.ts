// The dataset file format (JSON), as a valibot schema: one definition that validates files, names
// the JSON path of every problem, and is emitted as a JSON Schema by `tradecalc data schema`.
// Version 2 adds monthly amounts, partners, codes and an import's provenance, claims about a month,
// and allows a year with one flow (the other is unknown, not zero); version 1 files load as they
// always did.
import * as v from 'valibot';
import { didYouMean } from '../suggest.js';

export const DATASET_SCHEMA_VERSION = 2;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?$/;

export const QUALIFIERS = [
  'exactly',
  'nearly',
  'around',
  'about',
  'approximately',
  'relatively flat',
  'above',
  'below',
  'record',
  'accelerated',
] as const;

const Qualifier = v.picklist(QUALIFIERS, (issue) => {
  // A misspelt word ("nearley") gets the one it is close to.
  const input = typeof issue.input === 'string' ? issue.input.slice(0, 80) : undefined;
  const hint = input === undefined ? '' : didYouMean(input, QUALIFIERS);
  return `${hint ? `${JSON.stringify(input)} is not a qualifier${hint}; ` : ''}expected one of: ${QUALIFIERS.join(', ')}`;
});

/** A decimal written as a string ("3.77") or as a JSON number (3.77). */
const DecimalValue = v.union(
  [
    v.pipe(v.string(), v.regex(DECIMAL_TEXT, 'expected a decimal number such as 3.77 or -1.5e3')),
    v.pipe(v.number(), v.finite('expected a finite number')),
  ],
  'expected a decimal number, as a string such as "3.77" or a JSON number',
);

const Unit = v.pipe(v.string(), v.maxLength(20), v.description('T, B, M, K or 1; trillion, bn, "USD thousand", ...'));

/** An amount: "3.77T", "$1.2 trillion", a plain number, or { value, unit, qualifier }. */
export const AmountSchema = v.union(
  [
    v.pipe(v.string(), v.maxLength(60)),
    v.pipe(v.number(), v.finite('expected a finite number')),
    v.strictObject({
      value: DecimalValue,
      unit: v.optional(Unit),
      qualifier: v.optional(Qualifier),
    }),
  ],
  'expected an amount: a string such as "3.77T", a number, or {"value": "3.77", "unit": "trillion"}',
);

/** A rate in percent: "5.5", 5.5, or { value, qualifier }. */
export const RateSchema = v.union(
  [
    DecimalValue,
    v.strictObject({
      value: DecimalValue,
      qualifier: v.optional(Qualifier),
    }),
  ],
  'expected a percentage: "5.5", 5.5, or {"value": "5.5", "qualifier": "around"}',
);

const Year = v.pipe(v.number(), v.integer('expected a whole year'), v.minValue(1000), v.maxValue(9999));
const Month = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM'));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const YearSchema = v.strictObject({
  year: Year,
  exports: v.optional(AmountSchema),
  imports: v.optional(AmountSchema),
  exportGrowthPct: v.optional(RateSchema),
  importGrowthPct: v.optional(RateSchema),
});

export const MonthSchema = v.strictObject({
  month: Month,
  exports: v.optional(AmountSchema),
  imports: v.optional(AmountSchema),
  exportGrowthPct: v.optional(RateSchema),
  importGrowthPct: v.optional(RateSchema),
});

const Code = v.pipe(v.string(), v.maxLength(20));

export const PartnerSchema = v.strictObject({
  partner: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  partnerCode: v.optional(Code),
  years: v.optional(v.pipe(v.array(YearSchema), v.maxLength(10000))),
  months: v.optional(v.pipe(v.array(MonthSchema), v.maxLength(100000))),
});

/**
 * An import's provenance. Each flow's valuation is written as `exportValuation` and
 * `importValuation`, as the report documents give it; files written before that have
 * `valuation: {exports, imports}`, which is still read. Either way it is read into one shape.
 */
export const ImportProvenanceSchema = v.pipe(
  v.strictObject({
    publisher: v.string(),
    layout: v.string(),
    files: v.array(v.strictObject({ name: v.string(), layout: v.string(), rowCount: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
    rowCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
    usedRowCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
    excluded: v.array(v.strictObject({ reason: v.string(), rowCount: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
    exportValuation: v.optional(v.string()),
    importValuation: v.optional(v.string()),
    /** The earlier form of exportValuation and importValuation. */
    valuation: v.optional(v.strictObject({ exports: v.string(), imports: v.string() })),
    unit: v.string(),
    notes: v.optional(v.array(v.string()), []),
    warnings: v.array(v.string()),
    engine: v.picklist(['stream', 'duckdb']),
  }),
  v.check(
    (p) => {
      const split = [p.exportValuation, p.importValuation].filter((x) => x !== undefined).length;
      return p.valuation === undefined ? split === 2 : split === 0;
    },
    'expected "exportValuation" and "importValuation" (or, as earlier files have it, "valuation": {"exports", "imports"}; not both)',
  ),
  v.transform(({ exportValuation, importValuation, valuation, ...rest }) => ({ ...rest, valuation: valuation ?? { exports: exportValuation!, imports: importValuation! } })),
);

export const ForecastSchema = v.strictObject({
  year: Year,
  exportGrowthPct: v.optional(RateSchema),
  importGrowthPct: v.optional(RateSchema),
  balance: v.optional(AmountSchema),
  gdpGrowthPct: v.optional(RateSchema),
  source: v.optional(Text(200)),
});

export const ClaimSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a kebab-case id')),
  label: Text(200),
  metric: v.picklist(['balance', 'exports', 'imports', 'exportGrowthPct', 'importGrowthPct']),
  // A claim without a qualifier states its value as is: "exactly", to its rounding.
  qualifier: v.optional(Qualifier, 'exactly'),
  year: v.optional(Year),
  // A claim about one month instead of a year ("December exports +6.6 % year on year").
  month: v.optional(Month),
  value: v.optional(AmountSchema),
  from: v.optional(Month),
  to: v.optional(Month),
});

export const ScenarioSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a kebab-case id')),
  label: Text(100),
  exportGrowthPct: RateSchema,
  importGrowthPct: RateSchema,
  description: v.optional(Text(500)),
});

export const ProvenanceSchema = v.strictObject({
  publisher: v.optional(Text(200)),
  published: v.optional(v.pipe(v.string(), v.isoDate('expected a date as YYYY-MM-DD'))),
  basis: v.optional(Text(200)),
  place: v.optional(Text(200)),
  url: v.optional(Text(2000)),
  note: v.optional(Text(2000)),
});

const datasetEntries = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'expected an id of lowercase letters, digits, ".", "_" or "-"')),
  title: Text(200),
  reporter: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  reporterCode: v.optional(Code),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')),
  source: v.optional(ProvenanceSchema),
  years: v.pipe(v.array(YearSchema), v.maxLength(10000)),
  months: v.optional(v.pipe(v.array(MonthSchema), v.maxLength(100000))),
  partners: v.optional(v.pipe(v.array(PartnerSchema), v.maxLength(1000))),
  forecasts: v.optional(v.pipe(v.array(ForecastSchema), v.maxLength(1000))),
  claims: v.optional(v.pipe(v.array(ClaimSchema), v.maxLength(1000))),
  scenarios: v.optional(v.pipe(v.array(ScenarioSchema), v.maxLength(100))),
  provenance: v.optional(ImportProvenanceSchema),
};

/** One reporter's dataset. */
export const DatasetSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.picklist([1, DATASET_SCHEMA_VERSION], `expected schemaVersion 1 or ${DATASET_SCHEMA_VERSION}`),
  ...datasetEntries,
});

/** Several reporters' datasets in one file (what `tradecalc import` writes for several reporters). */
export const DatasetCollectionSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.literal(DATASET_SCHEMA_VERSION, `expected schemaVersion ${DATASET_SCHEMA_VERSION} (a file of several datasets)`),
  datasets: v.pipe(v.array(v.strictObject(datasetEntries)), v.minLength(1, 'expected at least one dataset'), v.maxLength(10000)),
});

export type RawDataset = v.InferOutput<typeof DatasetSchema>;
export type RawCollection = v.InferOutput<typeof DatasetCollectionSchema>;
export type RawAmount = v.InferOutput<typeof AmountSchema>;
export type RawRate = v.InferOutput<typeof RateSchema>;
