// The projection as a chart: the base year and every projected year against the threshold line.
// Its own module so the chart code is loaded only when a chart is drawn.
import type { ProjectionReport } from '../core/project.js';
import { renderLineChart } from './chart.js';
import { formatMoney } from './format.js';
import type { TextContext } from './style.js';

export function renderProjectionChart(r: ProjectionReport, ctx: TextContext): string {
  const points = [{ label: `${r.base.year}`, value: r.base.balance }, ...r.path.map((p) => ({ label: `${p.year}`, value: p.balance }))];
  return renderLineChart({
    title: `Trade balance against ${formatMoney(r.threshold, { currency: r.dataset.currency, trim: true })}, ${r.base.year}–${r.verdict.horizonYear}`,
    points,
    threshold: r.threshold,
    currency: r.dataset.currency,
    width: ctx.width,
    style: ctx.style,
  });
}
