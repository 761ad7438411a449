// `simulate --format svg`: the histogram of the horizon year's balance across the runs, each bin
// coloured by its side of the threshold (or grey where the threshold cuts it), and the threshold.
import { Decimal } from '../../core/decimal.js';
import type { SimulationDocument } from '../../reports/schemas.js';
import { formatCount, formatMoney, formatPct } from '../format.js';
import { simulationChanceText } from '../text-common.js';
import { type SvgContext, provenanceLine, sourceNotes, withOrigin } from './frame.js';
import { type HistogramBin, svgHistogram } from './histogram.js';
import type { Tone } from './theme.js';

/** The bins of the document's histogram: equal widths from min to max, edges in exact decimals. */
export function simulationBins(doc: SimulationDocument): HistogramBin[] {
  const { min, max, binCounts } = doc.histogram;
  const t = doc.assumptions.threshold;
  const n = binCounts.length;
  const edge = (k: number) => (k === n ? max : min.plus(max.minus(min).times(k).div(n)));
  return binCounts.map((count, k) => {
    const low = edge(k);
    const high = edge(k + 1);
    // As the text histogram: a bin wholly at or above the line, wholly below it, or cut by it.
    const tone: Tone = low.gte(t) ? 'above' : high.lt(t) ? 'below' : 'spans';
    return { low, high, count, tone };
  });
}

export function simulationSvg(doc: SimulationDocument, ctx: SvgContext): string {
  const a = doc.assumptions;
  const c = doc.dataset.currency;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const year = doc.histogram.year;
  const runs = formatCount(a.runCount);
  const money = (v: Decimal) => formatMoney(v, { currency: c });
  const rate = (pct: Decimal, sd: Decimal) => `${formatPct(pct, { sign: true })} a year, sd ${sd.toFixed()} pp`;
  const chance = simulationChanceText(doc);
  return svgHistogram({
    text: {
      title: `Balance in ${year} across ${runs} simulated runs`,
      subtitle: [
        provenanceLine(doc.dataset, a.baseYear),
        [
          `Export growth ${withOrigin(rate(a.exportGrowthPct, a.exportGrowthSdPct), a.origins.exportGrowthPct, 'growth')}`,
          `import growth ${withOrigin(rate(a.importGrowthPct, a.importGrowthSdPct), a.origins.importGrowthPct, 'growth')}`,
          `correlation ${a.correlation.toFixed()}`,
          `threshold ${withOrigin(t, a.origins.threshold, 'threshold')}`,
          `seed ${a.seed}`,
        ].join('; '),
      ],
      notes: [chance, 'Growth drawn afresh each year from a normal distribution; sampled in binary floating point.', ...sourceNotes(doc.dataset)],
      description: `Histogram of the simulated trade balance of ${doc.dataset.reporter} in ${year} across ${runs} runs, from ${money(doc.histogram.min)} to ${money(doc.histogram.max)}, against a threshold of ${t}. ${chance}`,
    },
    x: { title: `Trade balance in ${year}`, format: { kind: 'money', currency: c, unit: ctx.unit } },
    y: { title: `Runs (of ${runs})`, format: { kind: 'count' } },
    bins: simulationBins(doc),
    threshold: { value: a.threshold, label: t },
    legend: [
      { tone: 'above', label: `at or above ${t}` },
      { tone: 'below', label: `below ${t}` },
      { tone: 'spans', label: `spans ${t}` },
    ],
    barTitle: (b) => `${money(b.low)} to ${money(b.high)}: ${formatCount(b.count)} runs (${formatPct(new Decimal(b.count).div(a.runCount).times(100), { decimals: 1 })})`,
  });
}
