// Fuzzing the dataset loader with random bytes and near-valid JSON and CSV: every input must give
// datasets the core can use, or a DataError naming the input; never another exception. Bounded
// (a few thousand inputs in all) so the suite stays quick; seeds are fixed, so a failure replays.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeProjection } from '../../src/core/project.js';
import { computeSummary } from '../../src/core/summary.js';
import { Decimal } from '../../src/core/decimal.js';
import { builtinDocument } from '../../src/data/builtin.js';
import { datasetsFromText, loadDatasetFile } from '../../src/data/load-file.js';
import { DataError } from '../../src/errors.js';

async function outcome(run: () => Promise<{ datasets: Parameters<typeof computeSummary>[0][] }>, name: string): Promise<'ok' | 'data-error'> {
  try {
    const loaded = await run();
    expect(loaded.datasets.length).toBeGreaterThan(0);
    for (const ds of loaded.datasets) {
      // A dataset that loads is one the core can use, or one whose every year is incomplete (an
      // empty cell is a missing value, not zero): then the core says so, as a data error.
      try {
        computeSummary(ds);
        computeProjection(ds, { exportGrowthPct: [new Decimal(3)], importGrowthPct: [new Decimal(0)], threshold: new Decimal(0) });
      } catch (err) {
        if (!(err instanceof DataError) || ds.years.length > 0) throw err;
        expect(err.message).toMatch(/has no complete year of figures/);
      }
    }
    return 'ok';
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    expect(err.message.startsWith(name)).toBe(true);
    return 'data-error';
  }
}

const fixtureText = JSON.stringify(builtinDocument('china-2025'), null, 2);
const csvText = [
  'reporter,year,exports,imports,currency,unit,exportGrowthPct,importGrowthPct',
  'China,2024,3.58,2.59,USD,USD trillion,,',
  'China,2025,3.77,2.58,USD,USD trillion,,',
  'Examplia,2025,2020,3050,USD,USD bn,1.5,-2',
  '"Côte d\'Ivoire, Rep.",2025,1.5,2,USD,USD bn,,',
].join('\r\n');

/** Small edits that keep a text close to valid: delete, insert, replace or duplicate a stretch. */
const edit = (text: string) =>
  fc
    .array(
      fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 8 }), fc.constantFrom('', '"', ',', '\n', '{', '}', '[', ']', ':', '-', '1e999', 'NaN', '0x1', '\u0000', 'é', ' ', '\r\n', 'null', 'T')),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) => edits.reduce((t, [at, len, ins]) => t.slice(0, at) + ins + t.slice(at + len), text));

/** JSON-level mutations of the fixture: a value replaced by any JSON value, or a key removed. */
const jsonMutation = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom('years', 'months', 'forecasts', 'claims', 'source', 'scenarios'), fc.nat({ max: 3 }), fc.constantFrom('value', 'unit', 'year', 'exports', 'imports', 'qualifier', 'exportGrowthPct')), { maxLength: 4 }), fc.jsonValue(), fc.boolean())
  .map(([path, value, remove]) => {
    const doc = JSON.parse(fixtureText) as Record<string, unknown>;
    let node: unknown = doc;
    for (const key of path.slice(0, -1)) {
      const next = (node as Record<string | number, unknown> | null)?.[key as never];
      if (next === null || typeof next !== 'object') break;
      node = next;
    }
    const last = path[path.length - 1];
    if (last !== undefined && node && typeof node === 'object') {
      if (remove) delete (node as Record<string, unknown>)[last as string];
      else (node as Record<string, unknown>)[last as string] = value;
    }
    return JSON.stringify(doc);
  });

describe('dataset loader fuzz', () => {
  it('random bytes from a file: datasets or a DataError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-fuzz-'));
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), fc.constantFrom('x.csv', 'x.json', 'x.dat'), async (bytes, ext) => {
        const path = join(dir, `${i++}-${ext}`);
        writeFileSync(path, bytes);
        await outcome(() => loadDatasetFile(path, { cwd: dir }), path);
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('random text as JSON and as CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), fc.constantFrom('csv', 'json') as fc.Arbitrary<'csv' | 'json'>, async (text, format) => {
        await outcome(() => datasetsFromText(text, 'fuzz', format), 'fuzz');
      }),
      { numRuns: 1000, seed: 2 },
    );
  });

  it('near-valid JSON: edits of the fixture text, and values swapped for any JSON', async () => {
    const seen = { ok: 0, 'data-error': 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(edit(fixtureText), jsonMutation), async (text) => {
        seen[await outcome(() => datasetsFromText(text, 'near.json', 'json'), 'near.json')]++;
      }),
      { numRuns: 1000, seed: 3 },
    );
    // Both outcomes occur: the fuzzer reaches the valid path as well as the error paths.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen['data-error']).toBeGreaterThan(0);
  });

  it('near-valid CSV: edits of a multi-reporter file', async () => {
    const seen = { ok: 0, 'data-error': 0 };
    await fc.assert(
      fc.asyncProperty(edit(csvText), async (text) => {
        seen[await outcome(() => datasetsFromText(text, 'near.csv', 'csv'), 'near.csv')]++;
      }),
      { numRuns: 1000, seed: 4 },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen['data-error']).toBeGreaterThan(0);
  });
});
