// The JSON contract, schema version 2: the envelope every report document shares, the typed origin
// of an assumption, and the pieces several kinds use (a dataset reference, a rounding range).
// Documents hold Decimals; the JSON writer turns them into numbers with at most 15 significant
// digits, so a range's ends are rounded outward here, where it is known which end is which.
import { Decimal } from '../core/decimal.js';
import type { Interval } from '../core/interval.js';
import type { Dataset, DatasetInfo, Figure, ImportProvenance, Qualifier } from '../core/types.js';

export const SCHEMA_VERSION = 2;

/** How a value with at most 15 significant digits is written: the JSON writer's rounding. */
export const JSON_DIGITS = 15;

export interface SourceDoc {
  publisher?: string | undefined;
  published?: string | undefined;
  basis?: string | undefined;
  place?: string | undefined;
  url?: string | undefined;
  note?: string | undefined;
}

/**
 * The dataset's provenance as documents show it: what the import did, without how it was read
 * (layout, engine). Each flow's valuation is a string of its own (`exports` and `imports` are
 * amounts everywhere in the documents).
 */
export type ImportedDoc = Omit<ImportProvenance, 'layout' | 'engine' | 'valuation'> & { exportValuation: string; importValuation: string };

export interface DatasetDoc {
  id: string;
  title: string;
  reporter: string;
  partner: string;
  currency: string;
  source: SourceDoc;
  /** Present when the figures were imported from a publisher's files. */
  imported?: ImportedDoc | undefined;
}

/**
 * Where an assumption came from. An option the user gave; the dataset's forecast (with the
 * qualifier and text it states); or a default: a built-in constant, the latest year of the data, or
 * a rate held flat (a threshold of zero) because the data has no forecast (`forecastYear` null) or
 * its forecast for that year does not state this figure.
 */
export type Origin =
  | { source: 'option' }
  | { source: 'forecast'; forecastYear: number; qualifier: Qualifier | null; stated: string }
  | { source: 'default'; rule: 'built-in' | 'latest-year' }
  | { source: 'default'; rule: 'no-forecast' | 'not-in-forecast'; forecastYear: number | null }
  // The latest year that is a year, with the later ones that are not (a year to date, a flow missing).
  | { source: 'default'; rule: 'latest-complete-year'; passedOver: { year: number; reason: 'year-to-date' | 'missing-flow' }[] };

export const OPTION: Origin = { source: 'option' };

/**
 * The origin of a default year: the latest in the data, or, when later years are not complete (a
 * year to date, a year with a flow missing), the latest complete one, naming those passed over.
 */
export function latestYearOrigin(dataset: Dataset): Origin {
  const last = dataset.years[dataset.years.length - 1]?.year ?? -Infinity;
  const passedOver = dataset.gaps.filter((g) => g.year > last).map((g) => ({ year: g.year, reason: g.reason }));
  return passedOver.length === 0 ? { source: 'default', rule: 'latest-year' } : { source: 'default', rule: 'latest-complete-year', passedOver };
}
export const BUILT_IN: Origin = { source: 'default', rule: 'built-in' };

export function forecastOrigin(fig: Figure, forecastYear: number): Origin {
  return { source: 'forecast', forecastYear, qualifier: fig.qualifier ?? null, stated: fig.stated };
}

/** The envelope: every kind starts with these, in this order, then its results. */
export interface Document {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: string;
  dataset: DatasetDoc | null;
  assumptions: object;
}

export function datasetDoc(info: DatasetInfo): DatasetDoc {
  const p = info.provenance;
  return {
    id: info.id,
    title: info.title,
    reporter: info.reporter,
    partner: info.partner,
    currency: info.currency,
    source: { ...info.source },
    imported: p
      ? {
          publisher: p.publisher,
          files: p.files.map((f) => ({ ...f })),
          rowCount: p.rowCount,
          usedRowCount: p.usedRowCount,
          excluded: p.excluded.map((e) => ({ ...e })),
          exportValuation: p.valuation.exports,
          importValuation: p.valuation.imports,
          unit: p.unit,
          notes: [...p.notes],
          warnings: [...p.warnings],
        }
      : undefined,
  };
}

export interface IntervalDoc {
  low: Decimal;
  high: Decimal;
}

/**
 * A range as written: each end rounded outward to the digits JSON carries, so the exact range lies
 * inside the one printed (a low end is never rounded up, a high end never down).
 */
export function intervalDoc(iv: Interval): IntervalDoc;
export function intervalDoc(iv: Interval | null | undefined): IntervalDoc | null;
export function intervalDoc(iv: Interval | null | undefined): IntervalDoc | null {
  if (!iv) return null;
  return { low: iv.low.toSignificantDigits(JSON_DIGITS, Decimal.ROUND_FLOOR), high: iv.high.toSignificantDigits(JSON_DIGITS, Decimal.ROUND_CEIL) };
}

/** A year's figures without the year (the year is stated once, where the report names it). */
export interface FlowsDoc {
  exports: Decimal;
  imports: Decimal;
  balance: Decimal;
}

export function flowsDoc(x: { exports: Decimal; imports: Decimal }): FlowsDoc {
  return { exports: x.exports, imports: x.imports, balance: x.exports.minus(x.imports) };
}

/**
 * A list produced as it is read, so a document with a million grid cells is written as it is made
 * rather than built in memory first. Each iteration computes the items afresh.
 */
export class LazyList<T> implements Iterable<T> {
  constructor(
    readonly length: number,
    private readonly produce: () => Iterator<T>,
  ) {}

  [Symbol.iterator](): Iterator<T> {
    return this.produce();
  }
}
