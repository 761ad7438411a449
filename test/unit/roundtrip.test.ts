// Import, export, import: the datasets written in our formats (JSON and CSV) read back to the same
// figures, to the last digit, and written again they are the same bytes. Our own files split in two
// give the same datasets as whole.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/types.js';
import { loadData } from '../../src/data/load.js';
import { datasetsToCsv, datasetsToJson } from '../../src/data/write.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-roundtrip-'));
let n = 0;
const file = (ext: string, text: string) => {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, text);
  return path;
};
const load = async (data: string[]) => (await loadData({ data }, { cwd: dir })).datasets;

/** What a dataset says, figure by figure, as exact decimal text. */
function figures(ds: readonly Dataset[]) {
  const series = (s: Pick<Dataset, 'years' | 'months' | 'gaps'>) => ({
    years: s.years.map((y) => [y.year, y.exports?.value.toFixed() ?? null, y.imports?.value.toFixed() ?? null, y.exportGrowthPct?.value.toFixed() ?? null, y.importGrowthPct?.value.toFixed() ?? null]),
    months: s.months.map((m) => [m.month, m.exports?.value.toFixed() ?? null, m.imports?.value.toFixed() ?? null]),
    gaps: s.gaps.map((g) => [g.year, g.reason, ...(g.reason === 'year-to-date' ? [g.months, g.exports?.toFixed() ?? null, g.imports?.toFixed() ?? null] : [g.missing, g.exports?.value.toFixed() ?? null, g.imports?.value.toFixed() ?? null])]),
  });
  return ds
    .map((d) => ({ reporter: d.reporter, code: d.reporterCode ?? null, currency: d.currency, ...series(d), partners: d.partners.map((p) => ({ partner: p.partner, code: p.partnerCode ?? null, ...series(p) })).sort((a, b) => a.partner.localeCompare(b.partner)) }))
    .sort((a, b) => a.reporter.localeCompare(b.reporter));
}

const publisherInputs = readdirSync(join(fixtures, 'publishers')).flatMap((p) => {
  const folder = join(fixtures, 'publishers', p);
  return statSync(folder).isDirectory() ? readdirSync(folder).filter((f) => !f.endsWith('.md')).map((f) => join(folder, f)) : [];
});
const inputs = [...publisherInputs, join(fixtures, 'trade-multi.csv'), join(fixtures, 'china-2024-2025.json'), fileURLToPath(new URL('../../fixtures/china-2025.json', import.meta.url))];

describe('import, export, import', () => {
  it.each(inputs.map((f) => [f.slice(fixtures.length - 'test/fixtures/'.length)] as const))('%s: JSON and CSV read back to the same figures', async (name) => {
    const path = inputs.find((f) => f.endsWith(name.replace(/^test\/fixtures\//, '')))!;
    const first = await loadData({ data: [path] }, { cwd: dir }).catch((e: Error) => e);
    if (first instanceof Error) return; // an invalid file on purpose, or a code list with no figures
    const json = datasetsToJson(first.datasets);
    const fromJson = await load([file('json', json)]);
    expect(figures(fromJson)).toEqual(figures(first.datasets));
    // Written again, the same bytes: nothing is lost or reworded on the way.
    expect(datasetsToJson(fromJson)).toBe(json);
    const csv = [...datasetsToCsv(first.datasets)].join('');
    const fromCsv = await load([file('csv', csv)]);
    expect(figures(fromCsv)).toEqual(figures(first.datasets));
    expect([...datasetsToCsv(fromCsv)].join('')).toBe(csv);
  });
});

describe('an import\'s provenance in the JSON dataset file', () => {
  const comtrade = join(fixtures, 'publishers', 'comtrade', 'TradeData_2024.csv');

  it('is written with exportValuation and importValuation (as the documents give them), and read back', async () => {
    const first = await loadData({ data: [comtrade] }, { cwd: dir });
    const json = datasetsToJson(first.datasets);
    const written = JSON.parse(json) as { provenance: Record<string, unknown> };
    expect(written.provenance).toMatchObject({ exportValuation: 'FOB', importValuation: 'CIF' });
    expect(written.provenance).not.toHaveProperty('valuation');
    const back = await load([file('json', json)]);
    expect(back[0]!.provenance).toEqual(first.datasets[0]!.provenance);
  });

  it('written before, as valuation: {exports, imports}, is still read, to the same provenance, and written in the new form', async () => {
    const first = await loadData({ data: [comtrade] }, { cwd: dir });
    const json = datasetsToJson(first.datasets);
    const old = JSON.parse(json) as { provenance: Record<string, unknown> };
    const { exportValuation, importValuation, ...rest } = old.provenance;
    old.provenance = { ...rest, valuation: { exports: exportValuation, imports: importValuation } };
    const back = await load([file('json', JSON.stringify(old))]);
    expect(back[0]!.provenance).toEqual(first.datasets[0]!.provenance);
    expect(datasetsToJson(back)).toBe(json);
  });

  it('with both forms, or one flow\'s valuation alone, is refused', async () => {
    const first = await loadData({ data: [comtrade] }, { cwd: dir });
    const doc = JSON.parse(datasetsToJson(first.datasets)) as { provenance: Record<string, unknown> };
    const both = { ...doc, provenance: { ...doc.provenance, valuation: { exports: 'FOB', imports: 'CIF' } } };
    const { importValuation: _, ...half } = doc.provenance;
    for (const bad of [both, { ...doc, provenance: half }]) {
      const err = await load([file('json', JSON.stringify(bad))]).catch((e: Error & { problems?: string[] }) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as { problems?: string[] }).problems?.join('\n')).toMatch(/\$\.provenance.*exportValuation.*importValuation/);
    }
  });
});

// Generated datasets in our CSV: any reporters, partners, years and months, amounts with any number
// of decimals and units, missing cells.
const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 16n }).map(String),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 1, max: 9 }), fc.constantFrom('', 'T', 'B', 'M', 'K')).map(([v, d, u]) => `${(Number(v) / 10 ** d).toFixed(d)}${u}`),
  fc.constant(''),
);
const row = fc.record({
  reporter: fc.constantFrom('Examplia', 'Northland', 'A B', 'A-B'),
  partner: fc.constantFrom('World', 'Southia', 'Eastland', 'A.B'),
  period: fc.oneof(fc.integer({ min: 2015, max: 2024 }).map(String), fc.tuple(fc.integer({ min: 2023, max: 2024 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)),
  exports: amount,
  imports: amount,
});
const unique = (rows: { reporter: string; partner: string; period: string; exports: string; imports: string }[]) => {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.reporter}|${r.partner}|${r.period}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return r.exports !== '' || r.imports !== '';
  });
};
const csvOf = (rows: { reporter: string; partner: string; period: string; exports: string; imports: string }[]) => `reporter,partner,period,exports,imports\n${rows.map((r) => `${r.reporter},${r.partner},${r.period},${r.exports},${r.imports}`).join('\n')}\n`;

describe('property: generated datasets', () => {
  it('our CSV, imported, written as JSON and as CSV, reads back to the same figures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }).map(unique), async (rows) => {
        fc.pre(rows.length > 0);
        const first = await load([file('csv', csvOf(rows))]).catch((e: Error) => e);
        // A reporter whose periods are all year-to-date or one-flow gaps is still a dataset; an
        // invalid combination (none here by construction) would fail both ways.
        if (first instanceof Error) throw first;
        const json = datasetsToJson(first);
        expect(figures(await load([file('json', json)]))).toEqual(figures(first));
        expect(figures(await load([file('csv', [...datasetsToCsv(first)].join(''))]))).toEqual(figures(first));
      }),
      { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 60) },
    );
  }, 120_000);

  it('the rows split into two files with the same header give the same datasets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 2, maxLength: 60 }).map(unique), fc.nat(), async (rows, cut) => {
        fc.pre(rows.length > 1);
        const at = 1 + (cut % (rows.length - 1));
        const whole = await load([file('csv', csvOf(rows))]);
        const split = await load([file('csv', csvOf(rows.slice(0, at))), file('csv', csvOf(rows.slice(at)))]);
        expect(figures(split)).toEqual(figures(whole));
      }),
      { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 60) },
    );
  }, 120_000);
});
