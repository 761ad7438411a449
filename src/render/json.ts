// JSON for scripts: documents (src/reports) are written by our own serializer, so every number
// comes from the decimal's digits: no exponent, no -0, at most 15 significant digits (rounded half
// away from zero), exactly what jq and JS read. Any iterable that is not an array (a LazyList of a
// million grid cells) is written as an array as its items are produced.
import { Decimal, isDecimal } from '../core/decimal.js';

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | Decimal
  | Iterable<JsonValue>
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };

/** The JSON number text of a decimal: 15 significant digits, plain notation, never -0. */
export function jsonNumber(value: Decimal): string {
  if (!value.isFinite()) throw new RangeError(`cannot write ${value.toString()} as a JSON number`);
  const text = value.toSignificantDigits(15, Decimal.ROUND_HALF_UP).toFixed();
  return text === '-0' || /^-0\.?0*$/.test(text) ? '0' : text;
}

export function stringifyJson(value: unknown, indent = 2): string {
  return [...jsonChunks(value, indent)].join('');
}

/** The document as text in pieces of about 64 KiB, for writing as it is produced. */
export function* jsonChunks(value: unknown, indent = 2): Generator<string> {
  let buffer = '';
  for (const piece of write(value as JsonValue, '', ' '.repeat(indent))) {
    buffer += piece;
    if (buffer.length >= 65536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}`;
}

function scalar(value: null | boolean | number | string | Decimal): string {
  if (value === null) return 'null';
  if (isDecimal(value)) return jsonNumber(value);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a JSON number`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    default:
      return jsonString(value);
  }
}

// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

/**
 * A JSON string, exact: JSON.stringify escapes the C0 controls; DEL, the C1 controls and the
 * characters that reorder text (bidirectional formatting, line separators) are escaped as \uXXXX
 * too, which any JSON reader decodes to the same characters, so the document is safe to print on
 * a terminal and still holds the data exactly.
 */
export function jsonString(value: string): string {
  const text = JSON.stringify(value);
  return JSON_UNSAFE.test(text) ? text.replace(JSON_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

function* write(value: JsonValue, pad: string, step: string): Generator<string> {
  if (value === null || typeof value !== 'object' || isDecimal(value)) {
    yield scalar(value as null | boolean | number | string | Decimal);
    return;
  }
  const inner = pad + step;
  const nl = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  if (Symbol.iterator in value) {
    let first = true;
    for (const item of value as Iterable<JsonValue>) {
      yield `${first ? '[' : ','}${nl}${inner}`;
      yield* write(item, inner, step);
      first = false;
    }
    yield first ? '[]' : `${nl}${pad}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, JsonValue][];
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  let first = true;
  for (const [k, v] of entries) {
    yield `${first ? '{' : ','}${nl}${inner}${jsonString(k)}${colon}`;
    yield* write(v, inner, step);
    first = false;
  }
  yield `${nl}${pad}}`;
}
