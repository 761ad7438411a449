// `project --format svg`: the balance path (the base year, then each projected year) against the
// threshold, as the text chart draws it, with the assumptions and the verdict around it.
import type { ProjectionDocument } from '../../reports/schemas.js';
import { formatMoney } from '../format.js';
import { rateList } from '../text-common.js';
import { type SvgContext, provenanceLine, sourceNotes, withOrigin } from './frame.js';
import { svgLineChart } from './line-chart.js';

export function projectionSvg(doc: ProjectionDocument, ctx: SvgContext): string {
  const a = doc.assumptions;
  const c = doc.dataset.currency;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const years = [a.baseYear, ...doc.path.map((p) => p.year)];
  const values = [doc.base.balance, ...doc.path.map((p) => p.balance)];
  const money = (v: (typeof values)[number]) => formatMoney(v, { currency: c });
  return svgLineChart({
    text: {
      title: `Trade balance against ${t}, ${a.baseYear}–${doc.verdict.horizon.year}`,
      subtitle: [
        provenanceLine(doc.dataset, a.baseYear),
        [
          `Export growth ${withOrigin(rateList(a.exportGrowthPctByYear), a.origins.exportGrowthPctByYear, 'growth')}`,
          `import growth ${withOrigin(rateList(a.importGrowthPctByYear), a.origins.importGrowthPctByYear, 'growth')}`,
          `threshold ${withOrigin(t, a.origins.threshold, 'threshold')}`,
        ].join('; '),
      ],
      notes: [doc.verdict.text, ...(a.withRanges ? ['Whiskers: the range of each balance given the rounding of the stated figures.'] : []), ...sourceNotes(doc.dataset)],
      description: `Line chart of the trade balance of ${doc.dataset.reporter}, ${a.baseYear} (actual) to ${doc.verdict.horizon.year} (projected), against a threshold of ${t}: ${years.map((y, i) => `${y} ${money(values[i]!)}`).join(', ')}. ${doc.verdict.text}`,
    },
    x: { title: 'Year', labels: years.map(String) },
    y: { title: 'Trade balance', format: { kind: 'money', currency: c, unit: ctx.unit } },
    series: [
      {
        name: `Trade balance, ${a.baseYear} then projected`,
        values,
        ranges: a.withRanges ? [doc.base.ranges?.balance, ...doc.path.map((p) => p.ranges?.balance)] : undefined,
      },
    ],
    threshold: { value: a.threshold, label: t },
  });
}
