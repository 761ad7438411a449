// JSON for scripts: reports become plain documents (schemaVersion, kind, inputs, results) and are
// written by our own serializer, so every number comes from the decimal's digits: no exponent, no
// -0, at most 15 significant digits (rounded half away from zero), exactly what jq and JS read.
import { Decimal, isDecimal } from '../core/decimal.js';

export const JSON_SCHEMA_VERSION = 1;

export type JsonValue = null | boolean | number | string | Decimal | JsonValue[] | { [key: string]: JsonValue | undefined };

/** The JSON number text of a decimal: 15 significant digits, plain notation, never -0. */
export function jsonNumber(value: Decimal): string {
  if (!value.isFinite()) throw new RangeError(`cannot write ${value.toString()} as a JSON number`);
  const text = value.toSignificantDigits(15, Decimal.ROUND_HALF_UP).toFixed();
  return text === '-0' || /^-0\.?0*$/.test(text) ? '0' : text;
}

export function stringifyJson(value: JsonValue, indent = 2): string {
  return write(value, '', ' '.repeat(indent));
}

function write(value: JsonValue, pad: string, step: string): string {
  if (value === null) return 'null';
  if (isDecimal(value)) return jsonNumber(value);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a JSON number`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
  }
  const inner = pad + step;
  const nl = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${nl}${value.map((v) => inner + write(v, inner, step)).join(`,${nl}`)}${nl}${pad}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, JsonValue][];
  if (entries.length === 0) return '{}';
  return `{${nl}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}${colon}${write(v, inner, step)}`).join(`,${nl}`)}${nl}${pad}}`;
}
