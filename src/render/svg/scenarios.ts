// `scenarios --format svg`: the sensitivity grid as a heat map (export growth columns × import
// growth rows, each cell at or above the threshold or below it, with its balance, and the
// break-even line through every row's and column's crossing); named scenarios as a line each
// against the threshold.
import type { Decimal } from '../../core/decimal.js';
import type { ScenarioComparisonDocument, ScenarioGridDocument } from '../../reports/schemas.js';
import { autoUnit, formatMoney, formatPct, formatScaled, unitLabel } from '../format.js';
import { rateHead, scenarioOriginText } from '../text-common.js';
import { type SvgContext, provenanceLine, sourceNotes, withOrigin } from './frame.js';
import { type HeatMapSpec, svgHeatMap } from './heat-map.js';
import { svgLineChart } from './line-chart.js';

export function scenarioGridSvg(doc: ScenarioGridDocument, ctx: SvgContext): string {
  const a = doc.assumptions;
  const c = doc.dataset.currency;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const exportAxis = [...doc.exportAxis];
  const importAxis = [...doc.importAxis];
  const cells = [...doc.cells];
  // One unit for every cell, chosen by the largest magnitude shown, as the text heat map does.
  let largest = a.threshold.abs();
  for (const cell of cells) if (cell.balance.abs().gt(largest)) largest = cell.balance.abs();
  const unit = ctx.unit === 'auto' ? autoUnit(largest) : ctx.unit;
  const money = (v: Decimal) => formatMoney(v, { currency: c });
  const pct = (v: Decimal) => formatPct(v, { sign: true });
  const after = a.yearCount === 1 ? 'after one year' : `after ${a.yearCount} years`;
  const boundary: NonNullable<HeatMapSpec['boundary']>['points'][number][] = [];
  for (const x of exportAxis) {
    if (x.breakevenImportGrowthPct !== null) {
      boundary.push({ column: x.exportGrowthPct, row: x.breakevenImportGrowthPct, title: `break-even: exports ${pct(x.exportGrowthPct)}, imports ${pct(x.breakevenImportGrowthPct)}` });
    }
  }
  for (const y of importAxis) {
    if (y.breakevenExportGrowthPct !== null) {
      boundary.push({ column: y.breakevenExportGrowthPct, row: y.importGrowthPct, title: `break-even: exports ${pct(y.breakevenExportGrowthPct)}, imports ${pct(y.importGrowthPct)}` });
    }
  }
  const aboveCount = cells.filter((cell) => cell.aboveThreshold).length;
  return svgHeatMap({
    text: {
      title: `Balance in ${doc.horizonYear} by export and import growth, against ${t}`,
      subtitle: [
        provenanceLine(doc.dataset, a.baseYear),
        `Balance in ${doc.horizonYear} (${unitLabel(unit, c)}) ${after} of constant growth; threshold ${withOrigin(t, a.origins.threshold, 'threshold')}`,
      ],
      notes: [`Break-even line: where the ${doc.horizonYear} balance equals ${t}, through the break-even rate of each row and column.`, ...sourceNotes(doc.dataset)],
      description: `Heat map of the trade balance of ${doc.dataset.reporter} in ${doc.horizonYear} for ${exportAxis.length} export growth rates (columns, ${rateHead(exportAxis[0]!.exportGrowthPct)} to ${rateHead(exportAxis[exportAxis.length - 1]!.exportGrowthPct)}) and ${importAxis.length} import growth rates (rows, ${rateHead(importAxis[0]!.importGrowthPct)} to ${rateHead(importAxis[importAxis.length - 1]!.importGrowthPct)}): ${aboveCount} of ${cells.length} cells at or above ${t}.`,
    },
    columns: { title: 'Export growth a year', labels: exportAxis.map((x) => rateHead(x.exportGrowthPct)), values: exportAxis.map((x) => x.exportGrowthPct) },
    rows: { title: 'Import growth a year', labels: importAxis.map((y) => rateHead(y.importGrowthPct)), values: importAxis.map((y) => y.importGrowthPct) },
    cells: cells.map((cell) => ({
      label: formatScaled(cell.balance, unit),
      tone: cell.aboveThreshold ? 'above' : 'below',
      title: `exports ${pct(cell.exportGrowthPct)}, imports ${pct(cell.importGrowthPct)}: ${money(cell.balance)} (${cell.aboveThreshold ? 'at or above' : 'below'} ${t})`,
    })),
    legend: [
      { tone: 'above', label: `at or above ${t}` },
      { tone: 'below', label: `below ${t}` },
    ],
    boundary: { label: `break-even: balance = ${t}`, points: boundary },
  });
}

export function scenarioComparisonSvg(doc: ScenarioComparisonDocument, ctx: SvgContext): string {
  const a = doc.assumptions;
  const c = doc.dataset.currency;
  const t = formatMoney(a.threshold, { currency: c, trim: true });
  const years = Array.from({ length: a.yearCount + 1 }, (_, i) => a.baseYear + i);
  const horizon = years[years.length - 1]!;
  return svgLineChart({
    text: {
      title: `Trade balance by scenario against ${t}, ${a.baseYear}–${horizon}`,
      subtitle: [
        provenanceLine(doc.dataset, a.baseYear),
        `${doc.scenarios.map((s) => `${s.label}: exports ${formatPct(s.exportGrowthPct, { sign: true })}, imports ${formatPct(s.importGrowthPct, { sign: true })} a year`).join('; ')}; threshold ${withOrigin(t, a.origins.threshold, 'threshold')}`,
      ],
      notes: [
        ...doc.scenarios.map((s) => `${s.label}: ${s.verdict.text} (${s.description ?? scenarioOriginText(s.definition)})`),
        ...sourceNotes(doc.dataset),
      ],
      description: `Line chart of the trade balance of ${doc.dataset.reporter} from ${a.baseYear} to ${horizon} under ${doc.scenarios.length} scenarios, against a threshold of ${t}. ${doc.scenarios.map((s) => `${s.label}: ${s.verdict.text}`).join(' ')}`,
    },
    x: { title: 'Year', labels: years.map(String) },
    y: { title: 'Trade balance', format: { kind: 'money', currency: c, unit: ctx.unit } },
    series: doc.scenarios.map((s) => ({ name: s.label, values: [doc.base.balance, ...s.path.map((p) => p.balance)] })),
    threshold: { value: a.threshold, label: t },
  });
}
