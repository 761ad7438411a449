// A streaming JSON parser: text arrives in chunks and values are built without recursion, so any
// nesting depth is an error message rather than a stack overflow, and memory stays bounded: the
// elements of the arrays a caller names ("data[]", "[]", "years[]") are handed over one at a time
// as they complete and never kept. Duplicate object keys are an error (JSON.parse keeps the last,
// silently). Every problem names the line and column.
import { DataError } from '../../errors.js';

/** A path to a value: object keys and array indexes from the document's root. */
export type JsonPath = (string | number)[];

export interface JsonStreamOptions {
  /** Names the file in messages. */
  name: string;
  /**
   * Whether the elements of the array at `path` are streamed: handed to `onElement` as each one
   * completes, instead of being kept in the document. Called once per array, when it opens.
   */
  streams?(path: readonly (string | number)[]): boolean;
  /** Receives each element of a streamed array, with the array's path and the element's index. */
  onElement?(arrayPath: readonly (string | number)[], index: number, value: unknown): void;
  /** The deepest nesting allowed (a dataset needs a handful of levels). */
  maxDepth?: number;
  /** The longest string allowed, in characters. */
  maxString?: number;
  /**
   * How numbers are handed over: as JavaScript numbers (the default), or as `JsonNumber`s that keep
   * the text as written, for money that must be summed exactly ("3710000000001.234567" as a double
   * is 3710000000001.2344).
   */
  numbers?: 'double' | 'exact';
}

/** A JSON number as written. `String(n)` gives its text, so readers that take cells as text need no change. */
export class JsonNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): number {
    return Number(this.text);
  }
  /**
   * The text of a code or a year: an integer however it is written ("392.0", "3.92E2", "-0" and
   * "0E0" are 392, 392, 0 and 0, as they were when numbers were doubles), decided exactly from the
   * digits; any other number as written.
   */
  codeText(): string {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(this.text);
    if (!m) return this.text;
    let digits = (m[2]! + (m[3] ?? '')).replace(/^0+/, '');
    let exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
    if (digits === '') return '0';
    while (digits.endsWith('0')) {
      digits = digits.slice(0, -1);
      exp++;
    }
    if (exp < 0 || exp > 40) return this.text;
    return `${m[1]}${digits}${'0'.repeat(exp)}`;
  }
}

/**
 * What a publisher's JSON cell is when it is neither text, a number nor null: "an object", "an
 * array", "true" or "false" (a file that is not what its layout says); null for a cell that is.
 */
export function notACell(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === 'string' || v instanceof JsonNumber || typeof v === 'number') return null;
  if (typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

export const JSON_MAX_DEPTH = 64;
export const JSON_MAX_STRING = 1 << 20;

type Container = { kind: 'object'; value: Record<string, unknown>; key: string | null; keys: Set<string>; streamed: false; path: JsonPath } | { kind: 'array'; value: unknown[]; index: number; streamed: boolean; path: JsonPath };

const enum S {
  Value,
  AfterValue,
  Key,
  Colon,
  String,
  Number,
  Literal,
  Done,
}

const WS = new Uint8Array(128);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;

/** Clips a value for an error message: a 10 MB string is not echoed whole. */
export function clip(text: string, max = 80): string {
  const oneLine = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return oneLine;
}

export class JsonStreamParser {
  private state = S.Value;
  private stack: Container[] = [];
  private root: unknown = undefined;
  private hasRoot = false;
  private buf = '';
  private stringIsKey = false;
  private escape = false;
  private unicode = -1;
  private unicodeText = '';
  private line = 1;
  private column = 0;
  private readonly maxDepth: number;
  private readonly maxString: number;

  constructor(private readonly options: JsonStreamOptions) {
    this.maxDepth = options.maxDepth ?? JSON_MAX_DEPTH;
    this.maxString = options.maxString ?? JSON_MAX_STRING;
  }

  private fail(what: string): never {
    throw new DataError(`${this.options.name}:${this.line}:${Math.max(this.column, 1)}: not valid JSON: ${what}`);
  }

  private path(): JsonPath {
    const top = this.stack[this.stack.length - 1];
    if (!top) return [];
    return top.kind === 'object' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
  }

  /** A complete value: into its container, to the caller (a streamed element), or the root. */
  private emit(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root = value;
      this.hasRoot = true;
      this.state = S.Done;
      return;
    }
    if (top.kind === 'array') {
      if (top.streamed) this.options.onElement?.(top.path, top.index, value);
      else top.value.push(value);
      top.index++;
    } else {
      top.value[top.key!] = value;
      top.key = null;
    }
    this.state = S.AfterValue;
  }

  private open(kind: 'object' | 'array'): void {
    if (this.stack.length >= this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels (no dataset needs so many)`);
    const path = this.path();
    if (kind === 'object') {
      // A null prototype: a key such as "__proto__" or "constructor" is just a key.
      this.stack.push({ kind, value: Object.create(null) as Record<string, unknown>, key: null, keys: new Set(), streamed: false, path });
      this.state = S.Key;
    } else {
      this.stack.push({ kind, value: [], index: 0, streamed: this.options.streams?.(path) ?? false, path });
      this.state = S.Value;
    }
  }

  private close(kind: 'object' | 'array'): void {
    const top = this.stack.pop();
    if (!top || top.kind !== kind) this.fail(`a "${kind === 'object' ? '}' : ']'}" does not close anything here`);
    this.emit(top.kind === 'array' && top.streamed ? [] : top.value);
  }

  private endNumber(): void {
    const text = this.buf;
    this.buf = '';
    if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) this.fail(`${clip(text)} is not a number`);
    if (this.options.numbers === 'exact') return this.emit(new JsonNumber(text));
    const n = Number(text);
    if (!Number.isFinite(n)) this.fail(`${clip(text)} is out of range`);
    this.emit(n);
  }

  private endLiteral(): void {
    const text = this.buf;
    this.buf = '';
    if (text === 'true') this.emit(true);
    else if (text === 'false') this.emit(false);
    else if (text === 'null') this.emit(null);
    else this.fail(`unexpected ${clip(text)} (expected a value: a string in double quotes, a number, true, false or null)`);
  }

  private started = false;

  /** Feeds the next piece of text. */
  write(chunk: string): void {
    // A byte-order mark is not a character of the document.
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) {
        this.line++;
        this.column = 0;
      } else this.column++;
      switch (this.state) {
        case S.String: {
          if (this.unicode >= 0) {
            this.unicodeText += chunk[i];
            if (this.unicodeText.length === 4) {
              if (!/^[0-9a-fA-F]{4}$/.test(this.unicodeText)) this.fail('an invalid \\u escape');
              this.buf += String.fromCharCode(parseInt(this.unicodeText, 16));
              this.unicode = -1;
              this.unicodeText = '';
            }
            continue;
          }
          if (this.escape) {
            this.escape = false;
            const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
            const ch = chunk[i]!;
            if (ch === 'u') this.unicode = 0;
            else if (ch in map) this.buf += map[ch];
            else this.fail('an invalid escape in a string');
            continue;
          }
          if (c === 0x22) {
            const text = this.buf;
            this.buf = '';
            if (this.stringIsKey) {
              const top = this.stack[this.stack.length - 1] as Extract<Container, { kind: 'object' }>;
              if (top.keys.has(text)) this.fail(`the key ${clip(text)} appears twice in the same object (JSON readers disagree on which one wins)`);
              top.keys.add(text);
              top.key = text;
              this.state = S.Colon;
            } else this.emit(text);
            continue;
          }
          if (c === 0x5c) {
            this.escape = true;
            continue;
          }
          if (c < 0x20) this.fail('a control character inside a string (write it as an escape such as \\n)');
          // Take the run of plain characters up to the next quote or backslash at once.
          let j = i;
          while (j < chunk.length) {
            const d = chunk.charCodeAt(j);
            if (d === 0x22 || d === 0x5c || d < 0x20) break;
            j++;
          }
          this.buf += chunk.slice(i, j);
          this.column += j - i - 1;
          i = j - 1;
          if (this.buf.length > this.maxString) this.fail(`a string longer than ${this.maxString} characters`);
          continue;
        }
        case S.Number:
          if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) {
            this.buf += chunk[i];
            if (this.buf.length > 400) this.fail('a number with more than 400 characters');
            continue;
          }
          this.endNumber();
          break;
        case S.Literal:
          if (c >= 0x61 && c <= 0x7a) {
            this.buf += chunk[i];
            if (this.buf.length > 5) this.endLiteral();
            continue;
          }
          this.endLiteral();
          break;
        default:
          break;
      }
      // Structural characters.
      if (c < 128 && WS[c] === 1) continue;
      const ch = chunk[i]!;
      switch (this.state) {
        case S.Value:
          if (ch === '{') this.open('object');
          else if (ch === '[') this.open('array');
          else if (ch === '"') {
            this.state = S.String;
            this.stringIsKey = false;
          } else if (ch === '-' || (c >= 0x30 && c <= 0x39)) {
            this.state = S.Number;
            this.buf = ch;
          } else if (c >= 0x61 && c <= 0x7a) {
            this.state = S.Literal;
            this.buf = ch;
          } else if (ch === ']') {
            const top = this.stack[this.stack.length - 1];
            // "[]" is an empty array; "[1,]" is a trailing comma.
            if (top?.kind === 'array' && top.index === 0 && (top.streamed || top.value.length === 0)) this.close('array');
            else this.fail('a value was expected (a trailing comma?)');
          } else this.fail(`an unexpected character ${clip(ch)} (expected a value)`);
          break;
        case S.AfterValue: {
          const top = this.stack[this.stack.length - 1];
          if (ch === ',') this.state = top?.kind === 'object' ? S.Key : S.Value;
          else if (ch === '}' && top?.kind === 'object') this.close('object');
          else if (ch === ']' && top?.kind === 'array') this.close('array');
          else this.fail(`a "," or "${top?.kind === 'object' ? '}' : ']'}" was expected`);
          break;
        }
        case S.Key:
          if (ch === '"') {
            this.state = S.String;
            this.stringIsKey = true;
          } else if (ch === '}') {
            const top = this.stack[this.stack.length - 1] as Extract<Container, { kind: 'object' }>;
            if (top.keys.size > 0) this.fail('a property name in double quotes was expected (a trailing comma?)');
            this.close('object');
          } else this.fail('a property name in double quotes was expected');
          break;
        case S.Colon:
          if (ch === ':') this.state = S.Value;
          else this.fail('a ":" was expected');
          break;
        case S.Done:
          this.fail('the document should end here');
        default:
          this.fail('an unexpected character');
      }
    }
  }

  /** Ends the input; returns the document (streamed arrays are left empty in it). */
  end(): unknown {
    if (this.state === S.Number) this.endNumber();
    else if (this.state === S.Literal) this.endLiteral();
    if (!this.hasRoot) {
      if (this.stack.length === 0 && this.state === S.Value) throw new DataError(`${this.options.name}: the file is empty (expected a JSON document)`);
      this.fail('the file ends before the JSON does (truncated?)');
    }
    return this.root;
  }
}

/** Parses a whole text (small documents, tests). */
export function parseJson(text: string, name: string, options: Omit<JsonStreamOptions, 'name'> = {}): unknown {
  const p = new JsonStreamParser({ ...options, name });
  p.write(text.replace(/^\uFEFF/, ''));
  return p.end();
}
