// The bulk engine (DuckDB, SQL) and the streaming reader must read every publisher fixture alike:
// the same datasets, the same figures to the last digit, and the same rows left out for the same
// reasons. Each layout's SQL mapping is written apart from its streaming reader; this is what keeps
// the two in step.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
