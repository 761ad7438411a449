// What an importer of a publisher's layout is: how to recognise its files, and how to map each row
// onto the flows model (reporter × partner × period × flow, in currency units), saying of every
// row it does not sum why not. One module per layout; `registry.ts` lists them.
//
// An importer sees records one at a time (CSV fields, or JSON elements) and calls `ctx.add` for a
// row it uses and `ctx.exclude(reason)` for one it does not. It never sums: the FlowTable does,
// keeping totals apart from their parts by each row's rank (0: a total in every dimension).
import type { Decimal } from '../../core/decimal.js';
import type { FlowRow } from '../series.js';

export type LayoutId =
  | 'comtrade-json'
  | 'comtrade-csv'
  | 'comtrade-legacy'
  | 'comtrade-bulk'
  | 'imts-sdmx'
  | 'dots-wide'
  | 'census'
  | 'comext'
  | 'china-customs'
  | 'baci'
  | 'baci-codes';

/** The --from families: each names the layouts of one publisher. */
export const PUBLISHERS = {
  comtrade: ['comtrade-json', 'comtrade-csv', 'comtrade-legacy', 'comtrade-bulk'],
  imts: ['imts-sdmx', 'dots-wide'],
  census: ['census'],
  comext: ['comext'],
  'china-customs': ['china-customs'],
  baci: ['baci', 'baci-codes'],
} as const satisfies Record<string, readonly LayoutId[]>;
export type PublisherId = keyof typeof PUBLISHERS;

/** What --from may name: a publisher, "tradecalc" for our own formats, or auto. */
export const FROM_CHOICES = ['auto', 'tradecalc', 'comtrade', 'imts', 'census', 'comext', 'china-customs', 'baci'] as const satisfies readonly ('auto' | 'tradecalc' | PublisherId)[];
export type FromChoice = (typeof FROM_CHOICES)[number];

/** How a publisher's file is read: row by row, through DuckDB, or chosen by size. */
export const ENGINES = ['auto', 'stream', 'duckdb'] as const;
export type EngineChoice = (typeof ENGINES)[number];

/** What a recogniser sees of a file: its name and its first 64 KB of text. */
export interface FileHead {
  name: string;
  head: string;
  /** The first record's fields when the head reads as CSV/TSV (undefined for JSON). */
  header?: string[] | undefined;
}

/** Which rows a caller wants: rows of other reporters (or partners) are skipped before any figure is read. */
export interface RowFilter {
  reporter?: ((name: string, code: string | undefined) => boolean) | undefined;
  partner?: ((name: string, code: string | undefined) => boolean) | undefined;
}

export interface ImportContext {
  /** The file, as named in messages. */
  file: string;
  filter: RowFilter;
  /** Uses a row. */
  add(row: FlowRow): void;
  /** Reads `rowCount` rows (default 1) and leaves them out, for `reason` (counted in the provenance). */
  exclude(reason: string, rowCount?: number): void;
  /**
   * A row whose value is missing (not zero), with everything else about it: left out for `reason`,
   * and if it is the total (or a part of the only breakdown) of its cell, the cell becomes a gap
   * rather than the sum of what is left. Without it, a layout can only `exclude` such a row.
   */
  missing?(row: Omit<FlowRow, 'value' | 'halfWidth'>, reason: string): void;
  /**
   * Says what this file's figures are, where it differs from the layout's defaults (imports valued
   * FOB in this file, values in millions, yuan rather than dollars), and what they cover.
   */
  describe(d: { valuation?: Partial<{ exports: string; imports: string }>; unit?: string; note?: string }): void;
  /**
   * Marks a cell unknown: a part of it is missing, so no sum of it is a total, whatever other files
   * hold. The cell becomes a gap; its rows are counted as left out for `reason`.
   */
  unknown(cell: { reporter: string; partner: string; period: string; flow: 'exports' | 'imports' }, reason: string): void;
  /** Says something the user must know (a row count at a download cap, a scale reading). */
  warn(message: string): void;
  /** Options that only some layouts need (China customs files do not say their flow). */
  options: { flow?: 'exports' | 'imports' | undefined };
  /** A problem with the file: collected, reported together (exit 3). */
  problem(where: string, message: string): void;
  /**
   * One load's store, shared by the files it reads: a companion file (BACI's country codes) leaves
   * what it read here for the data files read after it. Undefined where there is no such load.
   */
  shared?: Map<string, unknown> | undefined;
}

/**
 * Reads one file's records. CSV layouts get each record's fields; JSON layouts each element.
 * A row is judged in this order, which the bulk engine's SQL keeps too so both give the same counts:
 * the reporter filter, the layout's own exclusions (flows, groups), the partner filter, the value.
 */
export type RecordReader =
  | { kind: 'csv'; delimiter?: ',' | '\t' | ';' | undefined; onHeader(header: string[], line: number): void; onRecord(fields: string[], line: number): void; end?(): void }
  | { kind: 'json'; streams(path: readonly (string | number)[]): boolean; onElement(path: readonly (string | number)[], index: number, value: unknown): void; onDocument?(doc: unknown): void; end?(): void };

/**
 * For the bulk engine (DuckDB) and for --print-sql: the layout's row mapping as SQL over the file.
 * Each field is a SQL expression over the file's columns (`col` quotes a column by its spellings, or
 * gives NULL when the file lacks it), and must mean exactly what the streaming reader does: the tests
 * run both on every fixture and compare.
 */
export interface SqlMapping {
  reporter: string;
  reporterCode: string;
  partner: string;
  partnerCode: string;
  /** "YYYY" or "YYYY-MM" text; NULL for a period that is neither (a problem unless the row is excluded). */
  period: string;
  /** 'exports' or 'imports'; NULL when the row is excluded. */
  flow: string;
  /** The value as text (thousands separators removed by the engine when `thousands`). */
  value: string;
  /** A reason text when the row is not used (the streaming reader's exact wording), else NULL. */
  excluded: string;
  rank: string;
  partsReason: string;
  /** The currency: a SQL text expression (often a literal). */
  currency: string;
}

export interface SqlLayout {
  /** How the file is read: a delimited text file, with a header row. */
  delimiter: ',' | '\t' | ';';
  /** Values carry thousands separators ("1,161"). */
  thousands?: boolean | undefined;
  /** The file's unit as a multiplier: "1000" for thousands. */
  scale: string;
  /** `col(['primaryValue'])` → the quoted column of the header, or NULL. */
  map(col: (spellings: readonly string[]) => string): SqlMapping;
  /** Finishes a summed group as the streaming reader would its rows (names from a code table). */
  finish?(row: FlowRow): FlowRow;
}

export interface Layout {
  id: LayoutId;
  publisher: PublisherId;
  /** "UN Comtrade web CSV": what the user is told was recognised. */
  label: string;
  /** How sure the layout is that `head` is its file: 0 (not at all) to 10 (certain). */
  recognise(head: FileHead): number;
  /** A reader for one file. */
  reader(ctx: ImportContext): RecordReader;
  valuation: { exports: string; imports: string };
  /** The unit the values are stated in, e.g. "US dollars". */
  unit: string;
  /**
   * Each total (rank 0) of a reporter, partner, period and flow is one row of one file: a second is
   * an overlap (two downloads of the same data, or a period in two classifications), never a part.
   */
  uniqueTotals?: boolean | undefined;
  /** Known download caps: a file with exactly this many rows was probably cut off. */
  rowCaps?: readonly number[] | undefined;
  /** A companion holds no figures (BACI's country codes): it is read before the data files. */
  companion?: boolean | undefined;
  /** The bulk engine's reading of the layout; absent for layouts it does not read (JSON ones). */
  sql?: SqlLayout | undefined;
}

/** A value of a publisher's file as a decimal: thousands separators and a scale allowed, "-" and "" missing. */
export interface ValueReading {
  value: Decimal;
  halfWidth: Decimal;
}
