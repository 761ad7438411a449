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

/** A complete year: both flows known for the whole year. */
export interface YearRecord {
  year: number;
  exports: Figure;
  imports: Figure;
  /** Year-on-year growth as stated by the source, when it states one. */
  exportGrowthPct?: Figure | undefined;
  importGrowthPct?: Figure | undefined;
  /** "months": the sum of its twelve months (the source gave no annual figure). */
  basis?: 'annual' | 'months' | undefined;
}

export interface MonthRecord {
  /** ISO year-month, e.g. "2025-12". */
  month: string;
  /** The month's flows, when the source gives them (a missing one is unknown, not zero). */
  exports?: Figure | undefined;
  imports?: Figure | undefined;
  /** Year-on-year growth as stated by the source. */
  exportGrowthPct?: Figure | undefined;
  importGrowthPct?: Figure | undefined;
}

/**
 * A year the data mentions but cannot give as a year: fewer than twelve months (year-to-date),
 * or a flow that is missing. Never passed off as a year; commands say why when asked for it.
 */
export type YearGap =
  | { year: number; reason: 'year-to-date'; months: number[]; exports: Decimal | null; imports: Decimal | null }
  | { year: number; reason: 'missing-flow'; missing: ('exports' | 'imports')[]; exports?: Figure | undefined; imports?: Figure | undefined };

/** A reporter's trade with one partner (the world total is the dataset's own series). */
export interface PartnerSeries {
  partner: string;
  /** The publisher's code for the partner (ISO3, M49, Census or Comext code), as text. */
  partnerCode?: string | undefined;
  years: YearRecord[];
  months: MonthRecord[];
  gaps: YearGap[];
}

/** What an import of publisher files did: where the figures come from, and what was left out. */
export interface ImportProvenance {
  publisher: string;
  /** The layout read, e.g. "comtrade-csv". */
  layout: string;
  files: { name: string; layout: string; rowCount: number }[];
  rowCount: number;
  usedRowCount: number;
  /** Rows not summed, by reason ("partner totals used: per-partner rows not summed into them"). */
  excluded: { reason: string; rowCount: number }[];
  /** How each flow is valued: "FOB", "CIF", "customs value", … */
  valuation: { exports: string; imports: string };
  /** The unit the file states its values in, e.g. "US dollars", "thousands of US dollars". */
  unit: string;
  /** What the figures cover ("the world total is the sum of the partners the query selected"). */
  notes: string[];
  warnings: string[];
  /** "stream" (read row by row) or "duckdb" (a bulk file through the embedded engine). */
  engine: 'stream' | 'duckdb';
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
  /** What the claim is about: a metric of a year, of a month, of a month pair, or of a forecast. */
  metric: 'balance' | 'exports' | 'imports' | 'exportGrowthPct' | 'importGrowthPct';
  qualifier: Qualifier;
  year?: number | undefined;
  /** A claim about one month ("2025-12") instead of a year: its amounts, or its growth on a year earlier. */
  month?: string | undefined;
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
  /** The publisher's code for the reporter, when the data has one. */
  reporterCode?: string | undefined;
  /** Whose trade with the reporter the figures are: "World" for its total trade. */
  partner: string;
  partnerCode?: string | undefined;
  currency: string;
  source: Provenance;
  /** Complete years, ascending. At least one, unless the data holds only months or gaps. */
  years: YearRecord[];
  /** Ascending by month. */
  months: MonthRecord[];
  /** Years that are not complete: year-to-date, or a flow missing. */
  gaps: YearGap[];
  forecasts: Forecast[];
  claims: Claim[];
  /** Named scenarios beyond the built-in baseline/optimistic/pessimistic. */
  scenarios: ScenarioRecord[];
  /** The reporter's trade by partner (empty when the data has only totals). */
  partners: PartnerSeries[];
  /** Set when the figures were imported from a publisher's files. */
  provenance?: ImportProvenance | undefined;
}

/** What a report says about the data it was computed from. */
export type DatasetInfo = Pick<Dataset, 'id' | 'title' | 'reporter' | 'partner' | 'currency' | 'source' | 'provenance'>;

export function datasetInfo(dataset: Dataset): DatasetInfo {
  const { id, title, reporter, partner, currency, source, provenance } = dataset;
  return { id, title, reporter, partner, currency, source, provenance };
}
