// CSV datasets: one row per reporter and year, `reporter,year,exports,imports` at least, with
// optional currency, unit and growth columns. csv-parse reads the text and valibot checks each row's
// shape; every problem is collected as file:line:column so one run reports them all. A file may
// hold many reporters: it becomes one Dataset per reporter, years ascending.
import { parse, CsvError } from 'csv-parse/sync';
import * as v from 'valibot';
import { GROWTH_MAX_PCT } from '../core/limits.js';
import type { Dataset, Figure, YearRecord } from '../core/types.js';
import { DataError } from '../errors.js';
import { MAX_AMOUNT } from './dataset.js';
import { UNIT_FACTORS, parseAmount, parseDecimal, parseUnit } from './units.js';

export const CSV_REQUIRED = ['reporter', 'year', 'exports', 'imports'] as const;
export const CSV_OPTIONAL = ['currency', 'unit', 'exportGrowthPct', 'importGrowthPct'] as const;
export const CSV_COLUMNS = [...CSV_REQUIRED, ...CSV_OPTIONAL] as const;
type Column = (typeof CSV_COLUMNS)[number];

const CSV_AMOUNT_EXPECTED = 'an amount such as 3580 (in the unit column\'s unit), 3.58T or 3580000000000';

const Cell = (message: string) => v.pipe(v.string(), v.minLength(1, message));

/** The shape of one row, after blank optional cells are dropped; amounts are read afterwards. */
const CsvRowSchema = v.object({
  reporter: v.pipe(Cell('is empty (expected the reporting country or area)'), v.maxLength(100, 'is longer than 100 characters')),
  year: v.pipe(Cell('is empty (expected a four-digit year such as 2025)'), v.regex(/^[1-9]\d{3}$/, 'expected a four-digit year such as 2025')),
  exports: Cell(`is empty (expected ${CSV_AMOUNT_EXPECTED})`),
  imports: Cell(`is empty (expected ${CSV_AMOUNT_EXPECTED})`),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'))),
  unit: v.optional(v.string()),
  exportGrowthPct: v.optional(v.string()),
  importGrowthPct: v.optional(v.string()),
});
type CsvRow = v.InferOutput<typeof CsvRowSchema>;

interface Located {
  line: number;
  column: number;
}

/**
 * Where each field of a record starts, from the record's raw text: csv-parse gives the values and
 * the line the record ends on; this walks the same characters to find each field's line and
 * column (a quoted field may span lines). It does not read values, only positions.
 */
function fieldPositions(raw: string, endLine: number): Located[] {
  const text = raw.replace(/^\n+/, '').replace(/\n$/, '');
  const newlines = text.split('\n').length - 1;
  let line = endLine - newlines;
  let column = 1;
  let inQuotes = false;
  const positions: Located[] = [{ line, column }];
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n') {
      line++;
      column = 1;
      continue;
    }
    column++;
    if (ch === ',' && !inQuotes) positions.push({ line, column });
  }
  return positions;
}

interface RecordInfo {
  record: string[];
  raw: string;
  info: { lines: number };
}

function readRecords(text: string, name: string): RecordInfo[] {
  try {
    return parse(text, { info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as RecordInfo[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    // csv-parse words its messages for programmers; the two a person meets are said plainly.
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') throw new DataError(`${name}: not valid CSV: a quoted field is never closed (expected a closing " before the end of the file, line ${line})`);
    const where = line ? `${name}:${line}` : name;
    if (err.code === 'CSV_INVALID_CLOSING_QUOTE') throw new DataError(`${where}: not valid CSV: text follows a closing quote (expected a comma or the end of the line after a quoted field)`);
    throw new DataError(`${where}: not valid CSV: ${err.message.replace(/ at line \d+/, '')}`);
  }
}

export function datasetsFromCsv(input: string, name: string): Dataset[] {
  // Line ends are normalised so positions count lines the way editors do; a BOM is not a character.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new DataError(`${name}: the file is empty (expected a header row such as reporter,year,exports,imports)`);
  const records = readRecords(text, name).filter((r) => r.record.some((f) => f.trim() !== ''));
  const [head, ...rows] = records;
  if (!head) throw new DataError(`${name}: the file is empty (expected a header row such as reporter,year,exports,imports)`);

  const problems: string[] = [];
  const at = (p: Located, what: string) => `${name}:${p.line}:${p.column}: ${what}`;
  const headPos = fieldPositions(head.raw, head.info.lines);
  const columns: (Column | null)[] = [];
  head.record.forEach((cell, i) => {
    const wanted = cell.trim().toLowerCase();
    const col = CSV_COLUMNS.find((c) => c.toLowerCase() === wanted) ?? null;
    const pos = headPos[i] ?? headPos[0]!;
    if (!col) problems.push(at(pos, `unknown column "${cell.trim()}" (expected columns: ${CSV_COLUMNS.join(', ')})`));
    else if (columns.includes(col)) problems.push(at(pos, `column "${col}" appears twice`));
    columns.push(col);
  });
  const missing = CSV_REQUIRED.filter((c) => !columns.includes(c));
  for (const c of missing) problems.push(at(headPos[0]!, `missing column "${c}" (the header needs at least ${CSV_REQUIRED.join(',')})`));
  if (problems.length > 0) {
    // A header of one column holding ";" or tabs is a file with another separator: say that, once.
    if (head.record.length === 1 && /[;\t]/.test(head.record[0]!)) {
      const sep = head.record[0]!.includes(';') ? 'semicolons' : 'tabs';
      throw new DataError(`${name}: the header is separated by ${sep}; tradecalc reads comma-separated CSV (save the file with commas)`);
    }
    throw new DataError(`${name}: invalid CSV header`, problems);
  }
  if (rows.length === 0) throw new DataError(`${name}: the header has no rows under it (expected one row per reporter and year)`);

  interface Entry {
    reporter: string;
    currency: string | undefined;
    line: number;
    record: YearRecord;
  }
  const entries: Entry[] = [];
  for (const row of rows) {
    const pos = fieldPositions(row.raw, row.info.lines);
    const line = pos[0]!.line;
    if (row.record.length !== columns.length) {
      problems.push(at(pos[0]!, `has ${row.record.length} fields, the header has ${columns.length}`));
      continue;
    }
    const cells: Partial<Record<Column, string>> = {};
    const where: Partial<Record<Column, Located>> = {};
    columns.forEach((c, i) => {
      const value = row.record[i]!.trim();
      where[c!] = pos[i] ?? pos[0]!;
      // A blank optional cell means "not given"; a blank required cell is reported by the schema.
      if (value !== '' || (CSV_REQUIRED as readonly string[]).includes(c!)) cells[c!] = value;
    });
    const shape = v.safeParse(CsvRowSchema, cells);
    if (!shape.success) {
      for (const issue of shape.issues) {
        const key = String(issue.path?.[0]?.key ?? 'reporter') as Column;
        problems.push(at(where[key] ?? pos[0]!, `${key} ${JSON.stringify(cells[key] ?? '')} ${issue.message.startsWith('is ') ? issue.message : `is not valid (${issue.message})`}`));
      }
      continue;
    }
    const entry = rowToEntry(shape.output, where, line, at, problems);
    if (entry) entries.push(entry);
  }

  // Group by reporter (case-insensitively, keeping the first spelling), refusing duplicate years.
  const groups = new Map<string, { reporter: string; currency: string | undefined; currencyLine: number; seen: Map<number, number>; years: YearRecord[] }>();
  for (const e of entries) {
    const key = e.reporter.toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { reporter: e.reporter, currency: e.currency, currencyLine: e.line, seen: new Map(), years: [] };
      groups.set(key, g);
    }
    const earlier = g.seen.get(e.record.year);
    if (earlier !== undefined) {
      problems.push(`${name}:${e.line}:1: ${g.reporter} ${e.record.year} appears twice (also on line ${earlier}); give each reporter and year one row`);
      continue;
    }
    g.seen.set(e.record.year, e.line);
    if (e.currency && g.currency && e.currency !== g.currency) {
      problems.push(`${name}:${e.line}:1: ${g.reporter} is in ${e.currency} here but in ${g.currency} on line ${g.currencyLine} (expected one currency per reporter)`);
      continue;
    }
    g.currency ??= e.currency;
    g.years.push(e.record);
  }
  if (problems.length > 0) throw new DataError(`${name}: invalid dataset`, problems);

  const file = name.split('/').pop() ?? name;
  return [...groups.values()].map((g) => ({
    id: slug(g.reporter),
    title: `Trade figures from ${file}`,
    reporter: g.reporter,
    currency: g.currency ?? 'USD',
    source: { note: `Read from ${name}` },
    years: g.years.sort((a, b) => a.year - b.year),
    months: [],
    forecasts: [],
    claims: [],
    scenarios: [],
  }));
}

/**
 * An id for a reporter: its name in lowercase ASCII ("united-states"), or, for a name with no such
 * letters ("中国"), "reporter-" and a short hash of the name, so two such reporters never share one.
 */
function slug(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  if (s !== '') return s;
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `reporter-${h.toString(16).padStart(8, '0')}`;
}

function rowToEntry(
  row: CsvRow,
  where: Partial<Record<Column, Located>>,
  line: number,
  at: (p: Located, what: string) => string,
  problems: string[],
): { reporter: string; currency: string | undefined; line: number; record: YearRecord } | null {
  const before = problems.length;
  const pos = (c: Column) => where[c]!;
  let factor = UNIT_FACTORS['1'];
  let currency = row.currency;
  if (row.unit !== undefined) {
    const unit = parseUnit(row.unit);
    const code = /^([A-Z]{3})\b/.exec(row.unit.trim())?.[1];
    if (!unit) {
      problems.push(at(pos('unit'), `unit "${row.unit}" is not a unit (expected USD, USD bn, USD million, USD thousand, or T, B, M, K)`));
    } else {
      factor = UNIT_FACTORS[unit];
      if (code && currency && code !== currency) problems.push(at(pos('unit'), `unit "${row.unit}" is in ${code} but the currency column says ${currency}`));
      currency ??= code;
    }
  }
  const amount = (c: 'exports' | 'imports'): Figure | null => {
    const text = row[c];
    // With a unit column the cell is a plain number in that unit; without one it may carry its own.
    let parsed = row.unit !== undefined ? parseDecimal(text) : parseAmount(text);
    if (parsed && row.unit !== undefined) parsed = { value: parsed.value.times(factor), halfWidth: parsed.halfWidth.times(factor) };
    if (!parsed) {
      const hint = /\d,\d/.test(text) ? '; write it without thousands separators' : '';
      problems.push(at(pos(c), `${c} "${text}" is not a number (expected ${CSV_AMOUNT_EXPECTED}${hint})`));
      return null;
    }
    if (parsed.value.isNegative()) {
      problems.push(at(pos(c), `${c} "${text}" is negative (expected an amount of at least 0: trade flows are never below zero)`));
      return null;
    }
    if (parsed.value.abs().gt(MAX_AMOUNT)) {
      problems.push(at(pos(c), `${c} "${text}" is too large (at most 1e21)`));
      return null;
    }
    return { value: parsed.value, halfWidth: parsed.halfWidth, stated: row.unit !== undefined ? `${text} ${row.unit}` : text };
  };
  const rate = (c: 'exportGrowthPct' | 'importGrowthPct'): Figure | undefined => {
    const text = row[c];
    if (text === undefined) return undefined;
    const parsed = parseDecimal(text.replace(/%$/, ''));
    if (!parsed) {
      problems.push(at(pos(c), `${c} "${text}" is not a number (expected a percentage such as 5.5 or -1.2)`));
      return undefined;
    }
    if (parsed.value.lt(-100) || parsed.value.gt(GROWTH_MAX_PCT)) {
      problems.push(at(pos(c), `${c} "${text}" is out of range (expected a percentage from -100 to ${GROWTH_MAX_PCT})`));
      return undefined;
    }
    return { value: parsed.value, halfWidth: parsed.halfWidth, stated: text.replace(/%$/, '') };
  };
  const exports = amount('exports');
  const imports = amount('imports');
  const exportGrowthPct = rate('exportGrowthPct');
  const importGrowthPct = rate('importGrowthPct');
  if (problems.length > before || !exports || !imports) return null;
  return {
    reporter: row.reporter,
    currency,
    line,
    record: { year: Number(row.year), exports, imports, exportGrowthPct, importGrowthPct },
  };
}
