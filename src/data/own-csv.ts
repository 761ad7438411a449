// tradecalc's own CSV format, read as a stream: one row per reporter, partner and period
// (`reporter,year,exports,imports` at least; `partner`, `period` for months, `currency`, `unit`, the
// codes and the stated growth rates optional). Every row's figures go through the same conversion
// as the JSON format's (src/data/convert.ts), with the same caps. Rows of reporters not asked for
// are skipped before any of their figures is read, so one reporter of a 2-million-row file is
// answered in the memory of that reporter's rows. Every problem is collected as file:line:column.
import type { Figure } from '../core/types.js';
import { DataError } from '../errors.js';
import { amountFromText, rateFromText } from './convert.js';
import { normaliseName } from './identity.js';
import { type SeriesBuilder, WORLD } from './series.js';
import { CsvStreamParser } from './stream/csv.js';
import { UNIT_FACTORS, parseUnit } from './units.js';
import { closest } from '../suggest.js';

export const CSV_REQUIRED = ['reporter', 'year', 'exports', 'imports'] as const;
export const CSV_OPTIONAL = ['period', 'partner', 'reporterCode', 'partnerCode', 'currency', 'unit', 'exportGrowthPct', 'importGrowthPct'] as const;
export const CSV_COLUMNS = [...CSV_REQUIRED, ...CSV_OPTIONAL] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** What an amount cell should hold: a plain number in the row's unit, or an amount with its scale. */
const csvAmountExpected = (unitText: string | undefined) =>
  unitText !== undefined ? `a number such as 3580, in the unit column's ${JSON.stringify(unitText.slice(0, 20))}` : 'an amount such as 3.58T or 3580000000000';

/** Problems kept at most, so a broken million-row file does not print a million lines. */
export const MAX_PROBLEMS = 50;

/** After this many problems a file is not read further: an endless stream of bad rows ends. */
export const STOP_PROBLEMS = 10_000;

/** Collects problems up to a cap, counting the rest; past STOP_PROBLEMS, stops the read with them. */
export class Problems {
  readonly list: string[] = [];
  more = 0;
  /** `title`: the error's message if the read is stopped ("data.csv: invalid dataset"). */
  constructor(private readonly title = 'the data cannot be read') {}
  push(p: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else this.more++;
    if (this.count >= STOP_PROBLEMS) {
      throw new DataError(this.title, [...this.list, `and ${this.more} more; reading stopped there (${STOP_PROBLEMS.toLocaleString('en-US')} problems: is this the file you meant?)`]);
    }
  }
  get count(): number {
    return this.list.length + this.more;
  }
  all(): string[] {
    return this.more > 0 ? [...this.list, `and ${this.more} more`] : this.list;
  }
}

/** Whether a header (the first line of a file) is this format: it names the required columns. */
export function isOwnCsvHeader(fields: readonly string[]): boolean {
  const names = new Set(fields.map((f) => f.trim().toLowerCase()));
  return names.has('reporter') && (names.has('year') || names.has('period')) && names.has('exports') && names.has('imports');
}

export interface OwnCsvOptions {
  name: string;
  into: SeriesBuilder;
  /** Only rows whose reporter this accepts are read; the names of all are still collected. */
  wantReporter?: ((name: string, code: string | undefined) => boolean) | undefined;
  /** Every distinct reporter name seen, for "not found" and "choose one" messages. */
  seen: Set<string>;
  problems: Problems;
}

/** A reader for one own-format CSV file: feed it text, then end(). */
export class OwnCsvReader {
  private readonly parser: CsvStreamParser;
  private columns: (Column | null)[] | null = null;
  private index = {} as Record<Column, number>;
  private rows = 0;
  /** The data rows read (the header not counted). */
  get rowCount(): number {
    return this.rows;
  }
  /** The spelling first seen for each normalised reporter name. */
  private readonly spelling = new Map<string, string>();
  /** Each raw reporter cell seen: its reporter and whether it is wanted (asked once, not per row). */
  private readonly raw = new Map<string, { name: string; wanted: boolean }>();

  /** One reporter, however its name is cased or spaced: the first spelling is kept. */
  private reporterOf(rawName: string, code: string | undefined): { name: string; wanted: boolean } {
    const cacheKey = code === undefined ? rawName : `${rawName}\u0000${code}`;
    let r = this.raw.get(cacheKey);
    if (r) return r;
    const key = normaliseName(rawName);
    let name = this.spelling.get(key);
    if (name === undefined) {
      name = rawName;
      this.spelling.set(key, name);
    }
    this.o.seen.add(name);
    r = { name, wanted: this.o.wantReporter ? this.o.wantReporter(name, code) : true };
    this.raw.set(cacheKey, r);
    return r;
  }

  /**
   * Whether a line can be skipped without being split: its reporter cell (after `k` commas) is one
   * already known not to be wanted. The line is text[start, end); only lines without quotes come here.
   */
  private skip(text: string, start: number, end: number): boolean {
    const k = this.index.reporter;
    if (this.columns === null || k === undefined || this.index.reporterCode !== undefined) return false;
    let from = start;
    for (let i = 0; i < k; i++) {
      const at = text.indexOf(',', from);
      if (at === -1 || at >= end) return false;
      from = at + 1;
    }
    let to = text.indexOf(',', from);
    if (to === -1 || to > end) to = end;
    const r = this.raw.get(text.slice(from, to).trim());
    return r !== undefined && !r.wanted;
  }

  constructor(private readonly o: OwnCsvOptions) {
    this.parser = new CsvStreamParser({ name: o.name, delimiter: ',', onRecord: (r) => this.record(r.fields, r.line, r.columns), skip: (text, start, end) => this.skip(text, start, end) });
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.end();
    if (this.columns === null) throw new DataError(`${this.o.name}: the file is empty (expected a header row such as reporter,year,exports,imports)`);
    if (this.rows === 0 && this.o.problems.count === 0) throw new DataError(`${this.o.name}: the header has no rows under it (expected one row per reporter and year)`);
  }

  private at(line: number, column: number, what: string): string {
    return `${this.o.name}:${line}:${column}: ${what}`;
  }

  private header(fields: string[], line: number, cols: number[]): void {
    const problems: string[] = [];
    const columns: (Column | null)[] = [];
    // A misspelt column is said once, with its suggestion, not again as a missing one.
    const suggested = new Set<string>();
    fields.forEach((cell, i) => {
      const wanted = cell.trim().toLowerCase();
      const col = CSV_COLUMNS.find((c) => c.toLowerCase() === wanted) ?? null;
      if (!col) {
        const near = closest(cell.trim().slice(0, 80), CSV_COLUMNS);
        for (const c of near) suggested.add(c);
        const hint = near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ` (expected columns: ${CSV_COLUMNS.join(', ')})`;
        problems.push(this.at(line, cols[i]!, `unknown column ${JSON.stringify(cell.trim().slice(0, 80))}${hint}`));
      }
      else if (columns.includes(col)) problems.push(this.at(line, cols[i]!, `column "${col}" appears twice`));
      columns.push(col);
    });
    const has = (c: Column) => columns.includes(c);
    for (const c of CSV_REQUIRED) {
      if (c === 'year' && has('period')) continue;
      if (!has(c) && !suggested.has(c)) problems.push(this.at(line, 1, `missing column "${c}" (the header needs at least ${CSV_REQUIRED.join(',')})`));
    }
    if (has('year') && has('period')) problems.push(this.at(line, 1, 'columns "year" and "period" both name the period (give one: year for years, period for years or months)'));
    if (problems.length > 0) {
      // A header of one column holding ";" or tabs is a file with another separator: say that, once.
      if (fields.length === 1 && /[;\t]/.test(fields[0]!)) {
        const sep = fields[0]!.includes(';') ? 'semicolons' : 'tabs';
        throw new DataError(`${this.o.name}: the header is separated by ${sep}; tradecalc reads comma-separated CSV (save the file with commas)`);
      }
      throw new DataError(`${this.o.name}: invalid CSV header`, problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more`] : problems);
    }
    this.columns = columns;
    columns.forEach((c, i) => {
      if (c) this.index[c] = i;
    });
  }

  private record(fields: string[], line: number, cols: number[]): void {
    if (this.columns === null) return this.header(fields, line, cols);
    this.rows++;
    const problems = this.o.problems;
    if (fields.length !== this.columns.length) {
      problems.push(this.at(line, 1, `has ${fields.length} fields, the header has ${this.columns.length}`));
      return;
    }
    const cell = (c: Column): string | undefined => {
      const i = this.index[c];
      if (i === undefined) return undefined;
      const v = fields[i]!.trim();
      return v === '' ? undefined : v;
    };
    const pos = (c: Column) => cols[this.index[c] ?? 0] ?? 1;
    const reporterRaw = cell('reporter');
    if (reporterRaw === undefined) {
      problems.push(this.at(line, pos('reporter'), 'reporter "" is empty (expected the reporting country or area)'));
      return;
    }
    if (reporterRaw.length > 100) {
      problems.push(this.at(line, pos('reporter'), `reporter ${JSON.stringify(reporterRaw.slice(0, 80))}… is longer than 100 characters`));
      return;
    }
    const who = this.reporterOf(reporterRaw, cell('reporterCode'));
    if (!who.wanted) return;
    const reporter = who.name;
    const reporterCode = cell('reporterCode');
    const before = problems.count;

    const periodCol: Column = this.index.period !== undefined ? 'period' : 'year';
    const periodText = cell(periodCol);
    let period: string | null = null;
    if (periodText === undefined) problems.push(this.at(line, pos(periodCol), `${periodCol} "" is empty (expected a four-digit year such as 2025${periodCol === 'period' ? ', or a month such as 2025-12' : ''})`));
    else if (/^[1-9]\d{3}$/.test(periodText)) period = periodText;
    else if (periodCol === 'period' && /^[1-9]\d{3}-(0[1-9]|1[0-2])$/.test(periodText)) period = periodText;
    else problems.push(this.at(line, pos(periodCol), `${periodCol} ${JSON.stringify(periodText.slice(0, 80))} is not valid (expected a four-digit year such as 2025${periodCol === 'period' ? ', or a month such as 2025-12' : ''})`));

    let currency = cell('currency');
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
      problems.push(this.at(line, pos('currency'), `currency ${JSON.stringify(currency.slice(0, 80))} is not valid (expected an ISO 4217 code such as USD)`));
      currency = undefined;
    }
    let factor = UNIT_FACTORS['1'];
    const unitText = cell('unit');
    if (unitText !== undefined) {
      const unit = parseUnit(unitText);
      const code = /^([A-Z]{3})\b/.exec(unitText)?.[1];
      if (!unit) {
        problems.push(this.at(line, pos('unit'), `unit ${JSON.stringify(unitText.slice(0, 80))} is not a unit (expected USD, USD bn, USD million, USD thousand, or T, B, M, K)`));
      } else {
        factor = UNIT_FACTORS[unit];
        if (code && currency && code !== currency) problems.push(this.at(line, pos('unit'), `unit "${unitText}" is in ${code} but the currency column says ${currency}`));
        currency ??= code;
      }
    }
    currency ??= 'USD';

    const amount = (c: 'exports' | 'imports'): Figure | undefined => {
      const text = cell(c);
      if (text === undefined) return undefined;
      const r = amountFromText(text, { unitFactor: unitText !== undefined ? factor : undefined, unitText, currency: currency!, negative: 'refuse' });
      if ('problem' in r) {
        const hint = /\d,\d/.test(text) ? '; write it without thousands separators' : '';
        problems.push(this.at(line, pos(c), `${c} ${JSON.stringify(text.slice(0, 80))} ${r.problem.replace(/\)$/, `${hint})`).replace('is not an amount', 'is not a number').replace(/\(expected an amount such as[^)]*\)/, `(expected ${csvAmountExpected(unitText)}${hint})`)}`));
        return undefined;
      }
      return r.figure;
    };
    const rate = (c: 'exportGrowthPct' | 'importGrowthPct'): Figure | undefined => {
      const text = cell(c);
      if (text === undefined) return undefined;
      const r = rateFromText(text.replace(/%$/, ''));
      if ('problem' in r) {
        problems.push(this.at(line, pos(c), `${c} ${JSON.stringify(text.slice(0, 80))} ${r.problem}`));
        return undefined;
      }
      return r.figure;
    };
    const exports = amount('exports');
    const imports = amount('imports');
    const exportGrowthPct = rate('exportGrowthPct');
    const importGrowthPct = rate('importGrowthPct');
    if (problems.count > before || period === null) return;
    if (!exports && !imports && !exportGrowthPct && !importGrowthPct) {
      problems.push(this.at(line, pos('exports'), 'the row gives no figure (expected exports, imports or both; an empty cell is a missing value, not zero)'));
      return;
    }
    const partner = cell('partner') ?? WORLD;
    this.o.into.put(reporter, normaliseName(partner) === 'world' ? WORLD : partner, period, { exports, imports, exportGrowthPct, importGrowthPct }, `${this.o.name}:${line}`, {
      reporter: reporterCode,
      partner: cell('partnerCode'),
      currency,
    });
  }
}
