// A streaming CSV (and TSV) reader: text in chunks, one record at a time out, RFC 4180 quoting, LF
// or CRLF line ends. A line without a quote is split in one go (the common case, and the fast
// one); a quoted field may hold delimiters, quotes ("") and line breaks. Memory is one record:
// a record longer than the cap, or with more fields than the cap, is an error naming its line,
// so /dev/zero or a file with a million columns cannot grow without bound.
import { DataError } from '../../errors.js';

export interface CsvRecord {
  fields: string[];
  /** The line the record starts on (1-based). */
  line: number;
  /** The column each field starts at (1-based), on the record's first line. */
  columns: number[];
}

export interface CsvStreamOptions {
  name: string;
  /** "," or "\t"; undefined: decided from the first line (a tab and no comma means TSV). */
  delimiter?: ',' | '\t' | ';' | undefined;
  onRecord(record: CsvRecord): void;
  /** The longest record, in characters. */
  maxRecord?: number;
  /** The most fields a record may have. */
  maxFields?: number;
  /**
   * A line (without quotes) this returns true for is skipped unsplit: rows a reader knows it does
   * not want. The line is `text.slice(start, end)`, given by offsets so it need not be made.
   */
  skip?: ((text: string, start: number, end: number) => boolean) | undefined;
}

export const CSV_MAX_RECORD = 1 << 20;
export const CSV_MAX_FIELDS = 4096;

export class CsvStreamParser {
  private rest = '';
  private line = 1;
  private delimiter: string | undefined;
  private started = false;
  private readonly maxRecord: number;
  private readonly maxFields: number;

  constructor(private readonly options: CsvStreamOptions) {
    this.delimiter = options.delimiter;
    this.maxRecord = options.maxRecord ?? CSV_MAX_RECORD;
    this.maxFields = options.maxFields ?? CSV_MAX_FIELDS;
  }

  get delimiterUsed(): string | undefined {
    return this.delimiter;
  }

  private fail(line: number, what: string): never {
    throw new DataError(`${this.options.name}:${line}: not valid CSV: ${what}`);
  }

  write(chunk: string): void {
    let text = this.rest + chunk;
    if (!this.started) {
      if (text.length === 0) return;
      text = text.replace(/^\uFEFF/, '');
      this.started = true;
    }
    let at = 0;
    // Where the next quote is: found once, not searched for on every line.
    let quote = text.indexOf('"');
    const skip = this.options.skip;
    for (;;) {
      const nl = text.indexOf('\n', at);
      if (nl === -1) break;
      if (quote !== -1 && quote < at) quote = text.indexOf('"', at);
      if (quote !== -1 && quote < nl) {
        // A quoted field may continue on the next lines: parse from here as far as the record goes.
        const end = this.quoted(text, at);
        if (end === -1) break;
        at = end;
        continue;
      }
      const end = text.charCodeAt(nl - 1) === 13 && nl > at ? nl - 1 : nl;
      if (skip !== undefined && this.started && skip(text, at, end)) {
        this.line++;
        at = nl + 1;
        continue;
      }
      this.plain(text.slice(at, end));
      at = nl + 1;
    }
    this.rest = text.slice(at);
    if (this.rest.length > this.maxRecord) this.fail(this.line, `a record longer than ${this.maxRecord} characters (is this a CSV file?)`);
  }

  end(): void {
    if (this.rest.length === 0) return;
    const text = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
    this.rest = '';
    if (text.includes('"')) {
      const end = this.quoted(`${text}\n`, 0);
      if (end === -1) this.fail(this.line, 'a quoted field is never closed (expected a closing " before the end of the file)');
      return;
    }
    this.plain(text);
  }

  private detect(lineText: string): void {
    if (this.delimiter !== undefined) return;
    const commas = lineText.split(',').length;
    const tabs = lineText.split('\t').length;
    const semis = lineText.split(';').length;
    this.delimiter = tabs > commas && tabs >= semis ? '\t' : semis > commas && semis > tabs ? ';' : ',';
  }

  private plain(lineText: string): void {
    const line = this.line++;
    // Blank lines are skipped, as spreadsheets and publishers leave them.
    if (lineText.length === 0 || (lineText.length < 200 && lineText.trim() === '')) return;
    this.detect(lineText);
    const fields = lineText.split(this.delimiter!);
    if (fields.length > this.maxFields) this.fail(line, `a record with ${fields.length} fields (at most ${this.maxFields})`);
    const columns = new Array<number>(fields.length);
    let col = 1;
    for (let k = 0; k < fields.length; k++) {
      columns[k] = col;
      col += fields[k]!.length + 1;
    }
    this.options.onRecord({ fields, line, columns });
  }

  /** Parses one record that has quotes, from `start`; returns where the next record starts, or -1 when the text ends first. */
  private quoted(text: string, start: number): number {
    const d = this.delimiter ?? (text.slice(start, text.indexOf('\n', start)).includes('\t') && !text.slice(start, text.indexOf('\n', start)).includes(',') ? '\t' : ',');
    this.delimiter ??= d as ',' | '\t';
    const fields: string[] = [];
    const columns: number[] = [];
    const firstLine = this.line;
    let line = this.line;
    let field = '';
    let i = start;
    let col = 1;
    let inQuotes = false;
    let quotedField = false;
    let fieldStart = 1;
    while (i < text.length) {
      const ch = text[i]!;
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            col += 2;
            continue;
          }
          if (i + 1 >= text.length) return -1;
          inQuotes = false;
          i++;
          col++;
          continue;
        }
        if (ch === '\n') {
          line++;
          col = 0;
        }
        field += ch;
        i++;
        col++;
        if (field.length > this.maxRecord) this.fail(firstLine, `a quoted field longer than ${this.maxRecord} characters (is a closing " missing?)`);
        continue;
      }
      if (ch === '"') {
        if (field.length > 0 || quotedField) {
          this.fail(line, quotedField ? 'text follows a closing quote (expected a delimiter or the end of the line after a quoted field)' : 'a quote inside an unquoted field (quote the whole field, and double the quote: "a ""b"" c")');
        }
        inQuotes = true;
        quotedField = true;
        i++;
        col++;
        continue;
      }
      if (ch === d || ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
        fields.push(field);
        columns.push(fieldStart);
        if (fields.length > this.maxFields) this.fail(firstLine, `a record with more than ${this.maxFields} fields`);
        field = '';
        quotedField = false;
        if (ch === d) {
          i++;
          col++;
          fieldStart = col;
          continue;
        }
        const next = ch === '\r' ? i + 2 : i + 1;
        this.line = line + 1;
        this.options.onRecord({ fields, line: firstLine, columns });
        return next;
      }
      if (quotedField) this.fail(line, 'text follows a closing quote (expected a delimiter or the end of the line after a quoted field)');
      field += ch;
      i++;
      col++;
    }
    return -1;
  }
}
