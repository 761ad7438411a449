// The dataset model the core computes over: validated, typed, every figure already a Decimal in
// base currency units (amounts) or percent (rates). Loading and validation live in src/data.
import type { Decimal } from './decimal.js';

/** Words a source uses to hedge a figure; their meanings are documented in the README. */
export type Qualifier =
  | 'exactly'
  | 'nearly'
  | 'around'
  | 'about'
  | 'approximately'
  | 'relatively flat'
  | 'above'
  | 'below'
  | 'record'
  | 'accelerated';

/** A figure as a source stated it: its value, how it was written, and what rounding that implies. */
export interface Figure {
  /** The value in base units: currency units for amounts, percent for rates. */
  value: Decimal;
  /** The text as stated, e.g. "3.77 trillion" or "5.5". */
  stated: string;
  /**
   * Half the last stated digit, in base units: 3.77 trillion is 3.77T ± 0.005T. Zero when the value
   * is the reading of a word rather than a rounded number ("relatively flat" is taken as 0 %).
   */
  halfWidth: Decimal;
  qualifier?: Qualifier | undefined;
}

export interface YearRecord {
  year: number;
  exports: Figure;
  imports: Figure;
  /** Year-on-year growth as stated by the source, when it states one. */
  exportGrowthPct?: Figure | undefined;
  importGrowthPct?: Figure | undefined;
}

export interface MonthRecord {
  /** ISO year-month, e.g. "2025-12". */
  month: string;
  exportGrowthPct?: Figure | undefined;
  importGrowthPct?: Figure | undefined;
}

export interface Forecast {
  year: number;
  exportGrowthPct?: Figure | undefined;
  importGrowthPct?: Figure | undefined;
  /** The balance the source expects to be crossed (e.g. "above $1 trillion"), with its qualifier. */
  balance?: Figure | undefined;
  gdpGrowthPct?: Figure | undefined;
  source?: string | undefined;
}

export interface Provenance {
  publisher?: string | undefined;
  published?: string | undefined;
  basis?: string | undefined;
  place?: string | undefined;
  url?: string | undefined;
  note?: string | undefined;
}

/** A claim the source makes, recorded as data so `check` can test it against the figures. */
export interface Claim {
  id: string;
  label: string;
  /** What the claim is about: a metric of a year, of a month pair, or of a forecast. */
  metric: 'balance' | 'exports' | 'imports' | 'exportGrowthPct' | 'importGrowthPct';
  qualifier: Qualifier;
  year?: number | undefined;
  value?: Figure | undefined;
  /** For "accelerated" (later growth above earlier growth): the earlier and later month compared. */
  from?: string | undefined;
  to?: string | undefined;
}

/** A named growth assumption a dataset defines, for `tradecalc scenarios --scenario <id>`. */
export interface ScenarioRecord {
  id: string;
  label: string;
  exportGrowthPct: Figure;
  importGrowthPct: Figure;
  description?: string | undefined;
}

export interface Dataset {
  id: string;
  title: string;
  reporter: string;
  currency: string;
  source: Provenance;
  /** Ascending by year, at least one. */
  years: YearRecord[];
  /** Ascending by month. */
  months: MonthRecord[];
  forecasts: Forecast[];
  claims: Claim[];
  /** Named scenarios beyond the built-in baseline/optimistic/pessimistic. */
  scenarios: ScenarioRecord[];
}

/** What a report says about the data it was computed from. */
export type DatasetInfo = Pick<Dataset, 'id' | 'title' | 'reporter' | 'currency' | 'source'>;

export function datasetInfo(dataset: Dataset): DatasetInfo {
  const { id, title, reporter, currency, source } = dataset;
  return { id, title, reporter, currency, source };
}
