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
