// The library API as the README shows it.
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

describe('library API', () => {
  it('runs the README example', () => {
    const ds = lib.loadBuiltinDataset('china-2025')!;
    const r = lib.computeProjection(ds, {
      exportGrowthPct: [new lib.Decimal(3)],
      importGrowthPct: [new lib.Decimal(0)],
      threshold: new lib.Decimal('1e12'),
    });
    expect(r.path[0]!.balance.toFixed()).toBe('1303100000000');
    expect(lib.stringifyJson(lib.projectionToJson(r))).toContain('"balance": 1303100000000');
  });

  it('exposes the built-in ids, parsing, and the CLI runner', async () => {
    expect(lib.builtinDatasetIds()).toContain('china-2025');
    expect(lib.parseAmount('1.2T')!.value.toFixed()).toBe('1200000000000');
    const out: string[] = [];
    const code = await lib.run(['summary', '--json'], { stdout: { write: (s) => void out.push(s) }, stderr: { write: () => {} }, env: {}, cwd: '/' });
    expect(code).toBe(lib.EXIT.ok);
    expect(JSON.parse(out.join('')).balance).toBe(1190000000000);
  });
});
