// Files of two publishers read together: each reporter's provenance is its own publisher's.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../../src/data/load.js';

const root = fileURLToPath(new URL('../../fixtures/publishers/', import.meta.url));

describe('a Comtrade file and the Census files read together', () => {
  it('China is described as Comtrade describes it, the United States as Census does', async () => {
    const { datasets } = await loadData({ data: [`${root}comtrade/TradeData_2024.csv`, `${root}census/2024`] }, { cwd: root });
    const china = datasets.find((d) => d.reporter === 'China')!;
    const us = datasets.find((d) => d.reporter === 'United States')!;
    expect(china.provenance).toMatchObject({ publisher: 'UN Comtrade', layout: 'comtrade-csv', valuation: { exports: 'FOB', imports: 'CIF' }, unit: 'US dollars' });
    expect(china.provenance!.files.map((f) => f.name)).toEqual([`${root}comtrade/TradeData_2024.csv`]);
    expect(china.title).toBe('Trade as reported to UN Comtrade');
    expect(us.provenance).toMatchObject({ publisher: 'US Census Bureau', valuation: { exports: 'f.a.s. (free alongside ship)', imports: 'customs value (general imports)' } });
    expect(us.provenance!.files.map((f) => f.name.slice(root.length))).toEqual(expect.arrayContaining([expect.stringMatching(/^census\/2024\//)]));
    expect(us.provenance!.files.some((f) => f.name.slice(root.length).includes('comtrade'))).toBe(false);
    // Each counts the rows of its own files: the Comtrade file's 8 (4 summed: the world totals of X
    // and M, and the partner's; RX, a missing value, a chapter and a customs part left out) and the
    // Census files' 140 (83 summed, 56 country groups and a missing value left out).
    expect([china.provenance!.rowCount, china.provenance!.usedRowCount]).toEqual([8, 4]);
    expect(china.provenance!.excluded.reduce((n, e) => n + e.rowCount, 0)).toBe(4);
    expect([us.provenance!.rowCount, us.provenance!.usedRowCount]).toEqual([140, 83]);
    expect(us.provenance!.excluded).toEqual([
      { reason: 'country groups (codes 0…, regions 1XXX–7XXX, SUMMARY_LVL CGP) overlap the countries: not summed', rowCount: 56 },
      { reason: 'rows without a value (missing, which is not zero)', rowCount: 1 },
    ]);
  });
});
