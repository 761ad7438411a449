// The bulk engine (DuckDB, SQL) and the streaming reader must read every publisher fixture alike:
// the same datasets, the same figures to the last digit, and the same rows left out for the same
// reasons. Each layout's SQL mapping is written apart from its streaming reader; this is what keeps
// the two in step.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/types.js';
import { loadData } from '../../../src/data/load.js';

const root = fileURLToPath(new URL('../../fixtures/publishers/', import.meta.url));
const files = readdirSync(root).flatMap((dir) =>
  statSync(join(root, dir)).isDirectory() ? readdirSync(join(root, dir)).filter((f) => !f.endsWith('.md')).map((f) => join(root, dir, f)) : [],
);

function summary(ds: Dataset[]) {
  const series = (s: { years: Dataset['years']; months: Dataset['months']; gaps: Dataset['gaps'] }) => ({
    years: s.years.map((y) => [y.year, y.exports.value.toFixed(), y.imports.value.toFixed(), y.basis]),
    months: s.months.map((m) => [m.month, m.exports?.value.toFixed() ?? null, m.imports?.value.toFixed() ?? null]),
    gaps: s.gaps,
  });
  return ds
    .map((d) => ({
      reporter: d.reporter,
      code: d.reporterCode,
      currency: d.currency,
      world: series(d),
      partners: d.partners.map((p) => ({ partner: p.partner, code: p.partnerCode, ...series(p) })).sort((a, b) => a.partner.localeCompare(b.partner)),
      excluded: [...(d.provenance?.excluded ?? [])].sort((a, b) => a.reason.localeCompare(b.reason)),
      usedRowCount: d.provenance?.usedRowCount,
      rowCount: d.provenance?.rowCount,
    }))
    .sort((a, b) => a.reporter.localeCompare(b.reporter));
}

describe('bulk engine and streaming reader', () => {
  it.each(files.map((f) => [f.slice(root.length)]))('%s: the same datasets either way', async (name) => {
    const data = [join(root, name)];
    const stream = await loadData({ data, engine: 'stream' }, { cwd: root }).catch((e: Error) => e);
    if (stream instanceof Error) return; // a fixture that is invalid on purpose
    const bulk = await loadData({ data, engine: 'duckdb' }, { cwd: root }).catch((e: Error) => e);
    if (bulk instanceof Error && /not read by the bulk engine/.test(bulk.message)) return;
    if (bulk instanceof Error) throw bulk;
    expect(summary(bulk.datasets)).toEqual(summary(stream.datasets));
  });

  it('a reporter and a partner selected in SQL leave the same rows out as the streaming reader', async () => {
    const data = [join(root, 'comtrade', 'TradeData_2024.csv')];
    const a = await loadData({ data, engine: 'stream', reporter: 'CHN', partner: 'USA' }, { cwd: root });
    const b = await loadData({ data, engine: 'duckdb', reporter: 'CHN', partner: 'USA' }, { cwd: root });
    expect(summary(b.datasets)).toEqual(summary(a.datasets));
  });
});

describe('property: the engines agree on generated Comtrade files', () => {
  const header = 'freqCode\trefYear\trefMonth\tperiod\treporterCode\treporterISO\treporterDesc\tflowCode\tpartnerCode\tpartnerISO\tpartnerDesc\tpartner2Code\tcmdCode\tcustomsCode\tmotCode\tcifvalue\tfobvalue\tprimaryValue';
  // Reporters written every way a download may write them: codes with and without leading zeros,
  // names in any case, cells with spaces around them.
  const reporter = fc.constantFrom(
    ['156', 'CHN', 'China'],
    [' 156', 'CHN ', ' China '],
    ['36', 'AUS', 'Australia'],
    ['036', 'aus', 'AUSTRALIA'],
    ['842', 'USA', 'USA'],
    ['842 ', ' USA', 'usa'],
  );
  const partner = fc.constantFrom(['0', 'W00', 'World'], ['842', 'USA', 'USA'], ['156', 'CHN', 'China'], ['97', 'EUR', 'EU'], [' 0', ' W00 ', 'World ']);
  const row = fc.record({
    reporter,
    partner,
    flow: fc.constantFrom('X', 'M', 'RX', 'RM', ' X', 'M '),
    cmd: fc.constantFrom('TOTAL', '85', '8542', ' TOTAL'),
    customs: fc.constantFrom('C00', 'C01'),
    month: fc.constantFrom(['A', '2024', '52', '2024'], ['M', '2024', '3', '202403'], ['A', '2023', '52', '2023']),
    value: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String), fc.constantFrom('', ' ', '12.5', ' 7 ')),
  });
  it('any rows, any selection: the same datasets, figures and exclusions', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-engines-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), fc.constantFrom(undefined, 'CHN', '156', 'china', 'Australia', '36', 'usa'), fc.constantFrom(undefined, 'World', 'USA'), async (rows, who, withWhom) => {
        const body = rows.map((r) => [r.month[0], r.month[1], r.month[2], r.month[3], ...r.reporter, r.flow, ...r.partner, '0', r.cmd, r.customs, '0', '', '', r.value].join('\t'));
        const file = join(dir, `bulk-${n++}.tsv`);
        writeFileSync(file, `${header}\n${body.join('\n')}\n`);
        const a = await loadData({ data: [file], engine: 'stream', reporter: who, partner: withWhom }, { cwd: dir }).catch((e: Error) => e);
        const b = await loadData({ data: [file], engine: 'duckdb', reporter: who, partner: withWhom }, { cwd: dir }).catch((e: Error) => e);
        if (a instanceof Error || b instanceof Error) {
          // Both fail, for the same reason class (a data error on the same file).
          expect(b instanceof Error && a instanceof Error).toBe(true);
          return;
        }
        expect(summary(b.datasets)).toEqual(summary(a.datasets));
      }),
      { numRuns: Number(process.env.ENGINE_RUNS ?? 40), ...(process.env.ENGINE_SEED ? { seed: Number(process.env.ENGINE_SEED) } : {}) },
    );
  }, 120_000);
});
