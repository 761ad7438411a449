// Shared test helpers: run the CLI in-process with in-memory streams.
import { memoryIO } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import { Decimal } from '../src/core/decimal.js';
import { loadBuiltinDataset } from '../src/data/builtin.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], options: Parameters<typeof memoryIO>[0] = {}): Promise<CliResult> {
  const m = memoryIO({ env: {}, ...options });
  const code = await run(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

export function article() {
  const ds = loadBuiltinDataset('china-2025');
  if (!ds) throw new Error('built-in dataset missing');
  return ds;
}

export const d = (s: string | number) => new Decimal(s);


/** A usage error: exit 2, nothing on stdout, one line on stderr starting with `message`, no stack. */
export async function expectUsageError(argv: string[], message: string): Promise<void> {
  const { expect } = await import('vitest');
  const r = await cli(argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.startsWith(message)).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/**
 * One report run in-process without the command line: raw options (as commander names them:
 * growth, importGrowth, years, …) → parse → resolve against `input` → compute → the document.
 */
export async function documentOf<D extends import('../src/reports/document.js').Document = import('../src/reports/document.js').Document>(
  spec: import('../src/reports/spec.js').AnySpec,
  raw: import('../src/reports/spec.js').RawOptions,
  input: import('../src/core/types.js').Dataset,
): Promise<{ opts: unknown; doc: D }> {
  const { parseCommon } = await import('../src/reports/common.js');
  const opts = spec.parse(raw, [], parseCommon(raw));
  const a = spec.resolve(opts, input);
  const report = await spec.compute(a, { pause: async () => {}, progress: async () => null });
  return { opts, doc: spec.toDocument(report, a) as D };
}

const validators = new Map<string, import('ajv').ValidateFunction>();

/**
 * A real JSON Schema validator (ajv, draft-07, strict) for a kind's published schema, compiled once.
 * It validates the JSON text as a script reads it, so pass JSON.parse of the output.
 */
export async function schemaValidator(kind: import('../src/reports/schemas.js').DocumentKind): Promise<import('ajv').ValidateFunction> {
  const cached = validators.get(kind);
  if (cached) return cached;
  const [{ Ajv }, { documentJsonSchema }] = await Promise.all([import('ajv'), import('../src/reports/schemas.js')]);
  const validate = new Ajv({ allErrors: true, strict: true }).compile(await documentJsonSchema(kind));
  validators.set(kind, validate);
  return validate;
}
