// The library API: the pure core, the loaders and the documents; the CLI runner lives apart.
import { describe, expect, it } from 'vitest';
import * as cliEntry from '../../src/cli/index.js';
import * as lib from '../../src/index.js';

describe('library API', () => {
  it('computes a projection and writes its schema-2 document', () => {
    const ds = lib.loadBuiltinDataset('china-2025')!;
    const r = lib.computeProjection(ds, {
      exportGrowthPct: [new lib.Decimal(3)],
      importGrowthPct: [new lib.Decimal(0)],
      threshold: new lib.Decimal('1e12'),
    });
    expect(r.path[0]!.balance.toFixed()).toBe('1303100000000');
    expect(r.verdict).toMatchObject({ question: 'stays-above', answer: true });

    // The document the CLI prints, built from the same steps the CLI runs.
    const a = lib.resolveProject({ exportGrowthPct: [new lib.Decimal(3)], ranges: false, chart: undefined }, ds);
    const doc = lib.projectionDocument(lib.computeProjectResult(a), a);
    const text = lib.stringifyJson(doc);
    expect(text).toContain('"balance": 1303100000000');
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ schemaVersion: lib.SCHEMA_VERSION, kind: 'projection', assumptions: { threshold: 1e12, exportGrowthPctByYear: [3] } });
    expect(parsed.verdict).toMatchObject({ question: 'stays-above', answer: true, text: 'Surplus stays above $1T in 2026: yes, by $303.1B' });
  });

  it('exposes the built-in ids and parsing, but not the CLI', () => {
    expect(lib.builtinDatasetIds()).toContain('china-2025');
    expect(lib.parseAmount('1.2T')!.value.toFixed()).toBe('1200000000000');
    expect('run' in lib).toBe(false);
  });

  it('the CLI runner is its own entry point', async () => {
    const m = cliEntry.memoryIO({ env: {} });
    const code = await cliEntry.run(['summary', '--json'], m.io);
    expect(code).toBe(lib.EXIT.ok);
    expect(JSON.parse(m.stdout()).balance).toBe(1190000000000);
  });
});
