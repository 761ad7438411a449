// The chart of a partners document, worked out from the document alone, so the text chart and the
// picture (--format svg) draw the same thing: the flow the report is about (--flow) for each
// partner row, the other partners and the unallocated row, in the table's order (--sort, --top).
import type { PartnersDocument } from '../reports/schemas.js';
import type { Bar } from './diverging-bar-chart.js';

type Row = PartnersDocument['rows'][number];

const CHART_TITLE = {
  balance: 'Trade balance with each partner',
  exports: 'Exports to each partner',
  imports: 'Imports from each partner',
  total: 'Total trade with each partner',
} as const;

export function rowLabel(r: Row): string {
  switch (r.row) {
    case 'partner':
      return r.partner!;
    case 'other-partners':
      return `Other partners (${r.partnerCount})`;
    case 'all-partners':
      return `All partners (${r.partnerCount})`;
    case 'world':
      return 'World total';
    case 'unallocated':
      return 'Unallocated';
  }
}

/** What each kind of bar of the partners chart stands for, in the legend of the text chart and the picture. */
export const PARTNERS_CHART_LEGEND = { item: 'partner', group: 'other partners', rest: 'unallocated (world − partners)' } as const;

/** What the chart of a partners document shows. */
export function partnersChartData(doc: PartnersDocument): { title: string; signed: boolean; bars: Bar[] } {
  const a = doc.assumptions;
  const bars: Bar[] = doc.rows
    .filter((r) => r.row === 'partner' || r.row === 'other-partners' || r.row === 'unallocated')
    .map((r) => ({
      label: rowLabel(r),
      value: { balance: r.balance, exports: r.exports, imports: r.imports, total: r.totalTrade }[a.flow],
      kind: r.row === 'partner' ? 'item' : r.row === 'other-partners' ? 'group' : 'rest',
    }));
  return { title: `${CHART_TITLE[a.flow]}, ${a.year}`, signed: a.flow === 'balance', bars };
}
