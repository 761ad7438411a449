// The bulk engine: a publisher's large file (hundreds of MB to GB, gzipped) read by DuckDB, an
// embedded engine built for it, and loaded only when a file needs it. The layout's row mapping is SQL
// (src/data/formats/*: `sql`), the aggregation is one GROUP BY over a flows table, values are read as
// text and summed as DECIMAL — never DOUBLE — and the groups come back to the same FlowTable the
// streaming reader fills, so both ways give the same datasets (the tests compare them).
//
// The query is printed by `tradecalc import … --print-sql`, so that data that outgrows one machine
// can be aggregated on a warehouse (Spark SQL, Trino, BigQuery) and the result loaded back.
import { Decimal, ZERO } from '../../core/decimal.js';
import { AMOUNT_MAX_ABS } from '../../core/limits.js';
import { DataError } from '../../errors.js';
import { countryCodesFor } from '../formats/countries.js';
import { REASONS, capWarning } from '../formats/common.js';

/** How a download cap warning names the publisher. */
const PUBLISHER_LABELS: Partial<Record<Layout['publisher'], string>> = { comtrade: 'Comtrade', 'china-customs': 'China customs' };
import type { ImportContext, Layout, SqlLayout } from '../formats/layout.js';
import { normaliseName } from '../identity.js';
import type { FlowRow, FlowTable } from '../series.js';
import type { InputFile } from '../stream/source.js';

/** Markers publishers use for a value they do not have (as the streaming reader's readValue). */
const MISSING_SQL = "('', '-', '..', '...', 'na', 'n/a', 'nan', 'null', 'x', ':', '?')";

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface SqlOptions {
  /** The file's header, to resolve columns by their spellings. */
  header: readonly string[];
  /** The source relation: `read_csv('…', …)` for DuckDB, a table name on a warehouse. */
  source: string;
  reporter?: string | undefined;
  partner?: string | undefined;
}

/** `read_csv(…)` for a file of the layout: every column as text, so nothing is guessed or rounded. */
export function readCsvSource(path: string, sql: SqlLayout): string {
  // A tab is written '\t' (read_csv reads the escape): a query printed to a terminal has no raw tab.
  const delim = sql.delimiter === '\t' ? "'\\t'" : sqlString(sql.delimiter);
  return `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ${delim}, quote = '"', escape = '"', null_padding = true, compression = 'auto')`;
}

/**
 * A Parquet file as the query's source: every column as text (an integer or DECIMAL column as its
 * exact digits), so that the mapping reads it as it reads a CSV file.
 */
export function parquetSource(path: string): string {
  return `(SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${sqlString(path)}))`;
}

/** A Parquet file's columns and their types, from its metadata (no row is read). */
export async function parquetColumns(path: string): Promise<{ name: string; type: string }[]> {
  const e = await engine();
  const rows = await e.run(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`);
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/** Names and codes a selection may take in the file: the text itself, and a country's codes. */
function candidates(wanted: string): string[] {
  const key = normaliseName(wanted);
  return [...new Set([key, ...countryCodesFor(key).map((c) => c.toLowerCase())])];
}

/**
 * The whole query: the layout's mapping of each row onto the flows columns (`flows`), then the
 * aggregation by reporter, partner, period, flow and rank that the FlowTable finishes.
 */
export function bulkQuery(layout: Layout, o: SqlOptions): string {
  const sql = layout.sql;
  if (!sql) throw new DataError(`${layout.label} files are not read by the bulk engine (use --engine stream)`);
  const header = o.header;
  const keys = header.map((h) => h.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]/g, ''));
  // The columns the mapping uses, read as written; the reader makes an empty cell NULL.
  const used = new Set<string>();
  const col = (spellings: readonly string[]): string => {
    for (const sp of spellings) {
      const at = keys.indexOf(sp.toLowerCase().replace(/[^a-z0-9]/g, ''));
      if (at >= 0) {
        const name = sqlIdentifier(header[at]!);
        used.add(name);
        return name;
      }
    }
    return 'NULL';
  };
  const m = sql.map(col);
  // Spaces around a cell are trimmed, but only where they are (trim on every cell of every row is a
  // third of the whole query's time), and only for the selected reporter's rows.
  const trimmed = (c: string) => `CASE WHEN starts_with(${c}, ' ') OR ends_with(${c}, ' ') THEN nullif(trim(${c}), '') ELSE ${c} END`;
  const reporterCols = [...used].filter((c) => m.reporter.includes(c) || m.reporterCode.includes(c));
  const value = sql.thousands ? `replace(${m.value}, ',', '')` : m.value;
  const inList = (list: readonly string[]) => `(${list.map(sqlString).join(', ')})`;
  // A selection matches a name or a code as written, or case-folded, or without leading zeros.
  const matches = (name: string, code: string, wantedText: string) => {
    const list = candidates(wantedText);
    const codes = [...new Set([...list, ...list.map((c) => c.replace(/^0+(?=\d)/, ''))])];
    const upper = [...new Set([...list, ...codes].map((c) => c.toUpperCase()))];
    return `(${name} IN ${inList(upper)} OR ${code} IN ${inList(upper)} OR lower(${name}) IN ${inList(list)} OR ltrim(lower(${code}), '0') IN ${inList(codes)})`;
  };
  // The reporter is matched on the cell as written against every spelling the selection may take
  // (one IN list: cheap on every row of a bulk file), or, for a cell with spaces around it, trimmed.
  const reporterSel = (() => {
    if (o.reporter === undefined) return 'true';
    const list = candidates(o.reporter);
    const spellings = new Set<string>();
    for (const c of list) {
      const bare = c.replace(/^0+(?=\d)/, '');
      const forms = /^\d+$/.test(bare) ? [bare, bare.padStart(3, '0'), bare.padStart(4, '0')] : [c];
      for (const f of forms) {
        spellings.add(f);
        spellings.add(f.toUpperCase());
        spellings.add(f.replace(/(^|[\s(-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()));
      }
    }
    const set = inList([...spellings]);
    // CASE, not OR: DuckDB evaluates a branch only on the rows that reach it.
    const fast = reporterCols.map((c) => `${c} IN ${set}`).join(' OR ') || 'false';
    const padded = reporterCols.map((c) => `starts_with(${c}, ' ') OR ends_with(${c}, ' ')`).join(' OR ') || 'false';
    const slow = reporterCols.map((c) => matches(`trim(${c})`, `trim(${c})`, o.reporter!)).join(' OR ') || 'false';
    return `CASE WHEN ${fast} THEN true WHEN ${padded} THEN coalesce(${slow}, false) ELSE false END`;
  })();
  const partnerSel = o.partner === undefined ? 'true' : `coalesce(partner = 'World' OR ${matches('partner', 'partner_code', o.partner)}, false)`;
  // A row without a value keeps its cell and rank: a total with no value makes its cell a gap.
  const kept = (e: string) => `CASE WHEN excluded IS NULL OR excluded = '#v' THEN ${e} END`;
  const summed = (e: string) => `CASE WHEN excluded IS NULL THEN ${e} END`;
  return `-- tradecalc: ${layout.label}. Each row of the file is mapped onto the flows model, then
-- summed by reporter, partner, period, flow and rank. For each reporter, partner, period and flow
-- only the rows of the lowest rank present are used (rank 0: a total in every dimension), so totals
-- are never summed with their parts; rows left out are counted by reason. Values are read as text
-- and summed as DECIMAL, never as floating point. A row is judged in this order: the reporter, the
-- layout's own exclusions (flows, groups), the partner, the value.
WITH src AS (
  SELECT ${[...used].join(',\n    ') || '*'}
  FROM ${o.source}
),
reporters AS (
  SELECT *, ${reporterSel} AS reporter_selected
  FROM src
),
cleaned AS (
  SELECT reporter_selected${[...used].map((c) => `,\n    CASE WHEN reporter_selected THEN ${trimmed(c)}${reporterCols.includes(c) ? ` ELSE ${c}` : ''} END AS ${c}`).join('')}
  FROM reporters
),
partners AS (
  SELECT *,
    CASE WHEN reporter_selected THEN ${m.excluded} END AS layout_excluded,
    CASE WHEN reporter_selected THEN ${m.partner} END AS partner,
    CASE WHEN reporter_selected THEN ${m.partnerCode} END AS partner_code,
    CASE WHEN reporter_selected THEN ${value} END AS value_text
  FROM cleaned
),
judged AS (
  SELECT *,
    CASE
      WHEN NOT reporter_selected THEN '#r'
      WHEN layout_excluded IS NOT NULL THEN layout_excluded
      WHEN NOT ${partnerSel} THEN '#p'
      WHEN value_text IS NULL OR lower(value_text) IN ${MISSING_SQL} THEN '#v'
    END AS excluded
  FROM partners
),
flows AS (
  SELECT
    -- The reporter of every row, kept or not, so the reporters the file holds can be named.
    ${m.reporter} AS reporter,
    ${m.reporterCode} AS reporter_code,
    ${kept('partner')} AS partner,
    ${kept('partner_code')} AS partner_code,
    ${kept(m.period)} AS period,
    ${kept(m.flow)} AS flow,
    ${kept(m.currency)} AS currency,
    ${kept(m.rank)} AS rank,
    ${kept(m.partsReason)} AS parts_reason,
    excluded,
    ${summed('value_text')} AS value_text,
    ${summed(`TRY_CAST(value_text AS DECIMAL(38, ${BULK_DECIMALS}))`)} AS value
  FROM judged
)
-- The reasons shared by every layout are short tokens while rows are grouped, words after.
SELECT
  reporter, reporter_code, partner, partner_code, period, flow, currency, rank, parts_reason,
  CASE excluded
    WHEN '#r' THEN ${sqlString(REASONS.otherReporters)}
    WHEN '#p' THEN ${sqlString(REASONS.otherPartners)}
    WHEN '#v' THEN ${sqlString(REASONS.missingValue)}
    ELSE excluded
  END AS excluded,
  row_count, value, decimals, places, bad_values, bad_example, bad_periods, inexact_values
FROM (
  SELECT
    reporter, reporter_code, partner, partner_code, period, flow, currency, rank, parts_reason, excluded,
    count(*) AS row_count,
    sum(value * ${sql.scale}) AS value,
    -- A key, not an aggregate: the rows of a group are stated to the same last digit, so the group's
    -- rounding bound is exact (half a unit of that digit per row), as the streaming reader's is.
    CASE WHEN strpos(value_text, '.') > 0 THEN length(value_text) - strpos(value_text, '.') ELSE 0 END AS decimals,
    -- The decimal places that are not trailing zeros ("1.000000000" is exact in DECIMAL(38, ${BULK_DECIMALS})); a
    -- value with an exponent is judged by inexact_values.
    max(CASE WHEN strpos(value_text, '.') > 0 AND NOT regexp_matches(value_text, '[eE]') THEN length(rtrim(substr(value_text, strpos(value_text, '.') + 1), '0')) ELSE 0 END) AS places,
    count(*) FILTER (WHERE excluded IS NULL AND value IS NULL) AS bad_values,
    min(value_text) FILTER (WHERE excluded IS NULL AND value IS NULL) AS bad_example,
    count(*) FILTER (WHERE excluded IS NULL AND (period IS NULL OR flow IS NULL)) AS bad_periods,
    -- Values the engine's DECIMAL(38, ${BULK_DECIMALS}) cannot hold exactly, or beyond what tradecalc reads.
    count(*) FILTER (WHERE excluded IS NULL AND value IS NOT NULL AND (abs(value) > ${AMOUNT_MAX_ABS}
      OR (regexp_matches(value_text, '[eE]') AND TRY_CAST(value_text AS DECIMAL(38, 20)) IS DISTINCT FROM TRY_CAST(value AS DECIMAL(38, 20))))) AS inexact_values
  FROM flows
  GROUP BY ALL
) AS grouped
`;
}

/** The decimal places the bulk engine sums exactly: DECIMAL(38, 6) holds sums up to 10^32. */
const BULK_DECIMALS = 6;

interface Engine {
  run(sql: string, onProgress?: (pct: number) => void): Promise<Record<string, unknown>[]>;
}

/** DuckDB, loaded on first use; a missing or broken install is one line, not a stack. */
async function engine(): Promise<Engine> {
  let duck: typeof import('@duckdb/node-api');
  try {
    duck = await import('@duckdb/node-api');
  } catch (err) {
    throw new DataError(`the bulk engine (DuckDB, the optional dependency @duckdb/node-api) is not installed or does not load here (${(err as Error).message.split('\n')[0]}); read the file with --engine stream`);
  }
  const instance = await duck.DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'false' });
  const connection = await instance.connect();
  return {
    async run(sql, onProgress) {
      const timer = onProgress ? setInterval(() => onProgress(Math.max(0, connection.progress.percentage)), 200) : null;
      try {
        const reader = await connection.runAndReadAll(sql);
        return reader.getRowObjects() as Record<string, unknown>[];
      } catch (err) {
        throw new DataError(`the bulk engine could not read the file: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        if (timer) clearInterval(timer);
        connection.closeSync();
      }
    },
  };
}

function decimalOf(v: unknown): Decimal | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && v !== null && 'value' in v && 'scale' in v) {
    const { value, scale } = v as { value: bigint; scale: number };
    return new Decimal(value.toString()).div(new Decimal(10).pow(scale));
  }
  return new Decimal(String(v));
}

/** One summed group of the query as the flow table's row. */
function groupRow(r: Record<string, unknown>, value: Decimal, halfWidth: Decimal): FlowRow {
  return {
    reporter: String(r.reporter),
    reporterCode: r.reporter_code === null ? undefined : String(r.reporter_code),
    partner: String(r.partner),
    partnerCode: r.partner_code === null ? undefined : String(r.partner_code),
    period: String(r.period),
    flow: r.flow as 'exports' | 'imports',
    value,
    halfWidth,
    currency: String(r.currency),
    rank: Number(r.rank),
    partsReason: String(r.parts_reason),
    rowCount: Number(r.row_count),
  };
}

/** Reads one file through DuckDB into the flow table. */
export async function runBulk(layout: Layout, file: InputFile, header: readonly string[], ctx: ImportContext, flows: FlowTable, options: { reporter?: string | undefined; partner?: string | undefined; parquet?: boolean | undefined; onProgress?: (pct: number) => void } = {}): Promise<void> {
  if (file.path === null) throw new DataError(`${file.name}: the bulk engine reads files, not standard input (save it to a file, or use --engine stream)`);
  if (!layout.sql) throw new DataError(`${file.name}: ${layout.label} files are not read by the bulk engine (use --engine stream)`);
  const source = options.parquet ? parquetSource(file.path) : readCsvSource(file.path, layout.sql);
  const query = bulkQuery(layout, { header, source, reporter: options.reporter, partner: options.partner });
  // In the order of their reporter, partner, period, flow and rank, whatever order DuckDB's threads
  // finished in: the datasets, their partners and any problem come out the same on every run.
  const key = (r: Record<string, unknown>) => [r.reporter, r.partner, r.period, r.flow, r.rank, r.parts_reason, r.excluded].map((x) => (x === null || x === undefined ? '' : String(x)).padStart(x !== null && typeof x !== 'string' ? 12 : 0, '0')).join('\u0000');
  const rows = (await (await engine()).run(query, options.onProgress)).map((r) => ({ r, k: key(r) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.r);
  const scale = new Decimal(layout.sql.scale);
  // A file cut at a download cap looks whole: say so, as the streaming reader does.
  const total = rows.reduce((n, r) => n + Number(r.row_count), 0);
  const cap = layout.rowCaps ? capWarning(file.name, total, layout.rowCaps, PUBLISHER_LABELS[layout.publisher] ?? layout.label) : null;
  if (cap) ctx.warn(cap);
  const sql = layout.sql;
  const finished = (row: FlowRow) => (sql.finish ? sql.finish(row) : row);
  let inexact = 0;
  for (const r of rows) {
    const count = Number(r.row_count);
    // Every reporter in the file is named to the filter, as the streaming reader names them.
    if (r.reporter !== null && r.reporter !== undefined) ctx.filter.reporter?.(String(r.reporter).trim(), r.reporter_code === null || r.reporter_code === undefined ? undefined : String(r.reporter_code).trim());
    if (r.excluded !== null && r.excluded !== undefined) {
      if (r.excluded === REASONS.missingValue && r.period !== null && r.flow !== null && r.partner !== null) {
        const { value: _v, halfWidth: _h, ...row } = finished(groupRow(r, ZERO, ZERO));
        if (ctx.missing) ctx.missing(row, REASONS.missingValue);
        else flows.exclude(REASONS.missingValue, count);
        continue;
      }
      flows.exclude(String(r.excluded), count);
      continue;
    }
    if (Number(r.bad_values) > 0) ctx.problem(file.name, `${r.bad_values} rows have a value that is not a number, such as ${JSON.stringify(String(r.bad_example).slice(0, 40))}`);
    if (Number(r.places) > BULK_DECIMALS || Number(r.inexact_values) > 0) {
      inexact += count;
      continue;
    }
    if (Number(r.bad_periods) > 0) {
      ctx.problem(file.name, `${r.bad_periods} rows have a period that is not a year or a month`);
      continue;
    }
    const value = decimalOf(r.value);
    if (value === null) continue;
    // Each value is stated to its last digit: half of it, times the rows, bounds the rounding.
    const halfWidth = new Decimal('0.5').times(new Decimal(10).pow(-Number(r.decimals ?? 0))).times(scale).times(count);
    ctx.add(finished(groupRow(r, value, halfWidth)));
  }
  if (inexact > 0) ctx.problem(file.name, `${inexact} ${inexact === 1 ? 'row is' : 'rows are'} in groups with values of more than ${BULK_DECIMALS} decimal places, or beyond ${AMOUNT_MAX_ABS}: more than the bulk engine sums exactly (DECIMAL(38, ${BULK_DECIMALS})); read the file with --engine stream`);
}
