// `partners --format svg`: the text chart as a picture — a horizontal bar for each partner row, the
// other partners and the unallocated row, in the table's order (--sort, --top), of the flow the
// report is about (--flow); for balances, deficits to the left of the zero axis and surpluses to
// the right, on a money axis in the dataset's currency.
import type { Decimal } from '../../core/decimal.js';
import type { PartnersDocument } from '../../reports/schemas.js';
import { formatMoney } from '../format.js';
import type { BarKind } from '../diverging-bar-chart.js';
import { PARTNERS_CHART_LEGEND, partnersChartData } from '../partners-chart.js';
import { partnersNotes } from '../partners-words.js';
import { type Bar, svgBarChart } from './bar-chart.js';
import { type SvgContext, provenanceLine, sourceNotes } from './frame.js';
import type { Tone } from './theme.js';

const VALUE_TITLE = { balance: 'Trade balance', exports: 'Exports', imports: 'Imports', total: 'Total trade' } as const;
const SORTED_BY = { balance: 'balance (its size, surplus or deficit alike)', exports: 'exports', imports: 'imports', total: 'total trade' } as const;

export function partnersSvg(doc: PartnersDocument, ctx: SvgContext): string {
  const a = doc.assumptions;
  const c = doc.dataset.currency;
  const chart = partnersChartData(doc);
  const money = (v: Decimal) => formatMoney(v, { currency: c, sign: chart.signed });
  // A partner's bar: green for a surplus and red for a deficit when the chart is of balances, one
  // colour for a flow; the groups in greys, as the text chart draws them dimmed.
  const toneOf = (kind: BarKind, negative: boolean): Tone => (kind === 'group' ? 'spans' : kind === 'rest' ? 'rest' : !chart.signed ? 'neutral' : negative ? 'below' : 'above');
  const bars: Bar[] = chart.bars.map((b) => ({ value: b.value, tone: toneOf(b.kind, b.value.isNegative()), title: `${b.label}: ${money(b.value)}` }));
  const used = (tone: Tone) => bars.some((b) => b.tone === tone);
  const legendItems: { tone: Tone; label: string }[] = chart.signed
    ? [
        { tone: 'above', label: 'surplus with the partner' },
        { tone: 'below', label: 'deficit with the partner' },
      ]
    : [{ tone: 'neutral', label: PARTNERS_CHART_LEGEND.item }];
  legendItems.push({ tone: 'spans', label: PARTNERS_CHART_LEGEND.group }, { tone: 'rest', label: PARTNERS_CHART_LEGEND.rest });
  const legend = legendItems.filter((l) => used(l.tone));
  const partners = doc.rows.filter((r) => r.row === 'partner').length;
  const sides = chart.signed ? ' Deficits are to the left of zero, surpluses to the right.' : '';
  return svgBarChart({
    text: {
      title: chart.title,
      subtitle: [
        provenanceLine(doc.dataset, a.year),
        `${partners} of ${doc.partnerCount} partner${doc.partnerCount === 1 ? '' : 's'} with a complete ${a.year}, by ${SORTED_BY[a.sort]}, largest first${partners < doc.partnerCount ? '; the rest as one bar' : ''}; shares of ${doc.shareBasis === 'world' ? 'the world total' : 'the sum of the partners'}`,
      ],
      notes: [...partnersNotes(doc), ...sourceNotes(doc.dataset)],
      description: `Bar chart of ${VALUE_TITLE[a.flow].toLowerCase()} of ${doc.dataset.reporter} with each partner in ${a.year}.${sides} ${chart.bars.map((b) => `${b.label} ${money(b.value)}`).join(', ')}.`,
    },
    orientation: 'horizontal',
    categories: { title: 'Partner', labels: chart.bars.map((b) => b.label) },
    values: { title: `${VALUE_TITLE[a.flow]}, ${a.year}`, format: { kind: 'money', currency: c, unit: ctx.unit } },
    bars,
    legend,
  });
}
