// Datasets for people: the list of datasets (built-in, or the reporters of a file), one dataset's
// figures, forecasts and claims, and the result of validating a file.
import type { Decimal } from '../core/decimal.js';
import type { DatasetDocument, DatasetListDocument, ValidationDocument } from '../reports/schemas.js';
import { formatMoney, formatPct } from './format.js';
import type { TextContext } from './style.js';
import { balanceLabel } from './summary-text.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';

type Listed = DatasetListDocument['datasets'][number];

function yearSpan(d: { firstYear: number; lastYear: number }): string {
  return d.firstYear === d.lastYear ? `${d.firstYear}` : `${d.firstYear}–${d.lastYear}`;
}

export function renderDatasetListAsText(l: DatasetListDocument, ctx: TextContext): string {
  if (l.assumptions.file === null) {
    const rows = l.datasets.map((d) => [d.id, d.reporter, yearSpan(d), `${d.claimCount}`, d.title]);
    return `${drawTable({ head: ['Built-in dataset', 'Reporter', 'Years', 'Claims', 'Title'], rows, align: ['left', 'left', 'right', 'right', 'left'] }, ctx.style)}\n`;
  }
  // A file's reporters share its title and have no claims (CSV) or share them (JSON): say the file
  // once above the table rather than in every row.
  const rows = l.datasets.map((d) => [d.id, d.reporter, yearSpan(d), `${d.yearCount}`, d.currency]);
  const table = drawTable({ head: ['Reporter id', 'Reporter', 'Years', 'Rows', 'Currency'], rows, align: ['left', 'left', 'right', 'right', 'left'] }, ctx.style);
  return `Reporters in ${l.assumptions.file}\n\n${table}\n`;
}

/** A rate as the source gave it: "around 3%", "relatively flat" (the 0 % behind the words was never stated). */
function statedRate(value: Decimal | null, qualifier: string | null): string {
  if (value === null) return '';
  if (qualifier === 'relatively flat') return 'relatively flat';
  return `${qualifier ? `${qualifier} ` : ''}${formatPct(value, { sign: true })}`;
}

export function renderDatasetAsText(ds: DatasetDocument, ctx: TextContext): string {
  const c = ds.dataset.currency;
  const money = (d: Decimal) => formatMoney(d, { currency: c, unit: ctx.unit });
  const last = ds.years[ds.years.length - 1]!;
  const out: string[] = [datasetLine(ds.dataset, last.year), ''];
  const rows = ds.years.map((y) => [
    `${y.year}`,
    money(y.exports),
    money(y.imports),
    `${money(y.balance)}${y.balance.isNegative() ? ' deficit' : ''}`,
    statedRate(y.exportGrowthPct, y.exportGrowthQualifier),
    statedRate(y.importGrowthPct, y.importGrowthQualifier),
  ]);
  const labels = new Set(ds.years.map((y) => balanceLabel(y.balance)));
  out.push(drawTable({ head: ['Year', 'Exports', 'Imports', labels.size === 1 ? [...labels][0]! : 'Balance', 'Export growth', 'Import growth'], rows }, ctx.style));
  if (ds.months.length > 0) {
    out.push('', drawTable({ head: ['Month', 'Export growth, y/y', 'Import growth, y/y'], rows: ds.months.map((m) => [m.month, statedRate(m.exportGrowthPct, m.exportGrowthQualifier), statedRate(m.importGrowthPct, m.importGrowthQualifier)]) }, ctx.style));
  }
  if (ds.forecasts.length > 0) {
    const frows = ds.forecasts.map((f) => [
      `${f.year}`,
      statedRate(f.exportGrowthPct, f.exportGrowthQualifier),
      statedRate(f.importGrowthPct, f.importGrowthQualifier),
      f.balanceStated === null ? '' : `${f.balanceQualifier ? `${f.balanceQualifier} ` : ''}${f.balanceStated}`,
      statedRate(f.gdpGrowthPct, f.gdpGrowthQualifier),
    ]);
    out.push('', drawTable({ head: ['Forecast', 'Export growth', 'Import growth', 'Balance', 'GDP growth'], rows: frows }, ctx.style));
  }
  if (ds.claims.length > 0) {
    out.push('', 'Claims (tradecalc check tests them):');
    for (const cl of ds.claims) out.push(`  ${cl.id.padEnd(30)} ${cl.label}`);
  }
  const src = ds.dataset.source;
  const prov = [src.basis && `Basis: ${src.basis}`, src.place && `Place: ${src.place}`, src.url && `URL: ${src.url}`, src.note && `Note: ${src.note}`].filter((x): x is string => Boolean(x));
  if (prov.length > 0) out.push('', ...prov.map((p) => ctx.style.dim(p)));
  return `${out.join('\n')}\n`;
}

export function validationText(doc: ValidationDocument): string {
  if (!doc.valid) return '';
  const list: Listed[] = doc.datasets;
  const rows = list.reduce((n, d) => n + d.yearCount, 0);
  const reporters = list.map((d) => d.reporter);
  // A loop, not Math.min(...years): a file may have any number of reporters.
  let first = Infinity;
  let lastYear = -Infinity;
  for (const d of list) {
    first = Math.min(first, d.firstYear);
    lastYear = Math.max(lastYear, d.lastYear);
  }
  const span = `${first}${lastYear === first ? '' : `–${lastYear}`}`;
  const claims = list.reduce((n, d) => n + d.claimCount, 0);
  const who = reporters.length === 1 ? `1 reporter (${reporters[0]})` : `${reporters.length} reporters (${reporters.join(', ')})`;
  return `OK: ${doc.assumptions.file} is a valid ${doc.format.toUpperCase()} dataset: ${who}, ${rows} year${rows === 1 ? '' : 's'} of figures (${span})${claims ? `, ${claims} claim${claims === 1 ? '' : 's'}` : ''}\n`;
}
