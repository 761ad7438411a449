// The projection as a chart: the base year and every projected year against the threshold line.
// Its own module so the chart code is loaded only when a chart is drawn.
import type { ProjectionDocument } from '../reports/schemas.js';
import { renderLineChart } from './chart.js';
import { formatMoney } from './format.js';
import type { TextContext } from './style.js';

export function renderProjectionChart(r: ProjectionDocument, ctx: TextContext): string {
  const a = r.assumptions;
  const points = [{ label: `${a.baseYear}`, value: r.base.balance }, ...r.path.map((p) => ({ label: `${p.year}`, value: p.balance }))];
  return renderLineChart({
    title: `Trade balance against ${formatMoney(a.threshold, { currency: r.dataset.currency, trim: true })}, ${a.baseYear}–${r.verdict.horizon.year}`,
    points,
    threshold: a.threshold,
    currency: r.dataset.currency,
    width: ctx.width,
    style: ctx.style,
  });
}
