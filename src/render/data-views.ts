// Datasets for people: the list of datasets (built-in, or the reporters of a file), one dataset's
// figures, forecasts and claims, and the result of validating a file.
import type { Decimal } from '../core/decimal.js';
import type { DatasetDocument, DatasetListDocument, ValidationDocument } from '../reports/schemas.js';
import { formatMoney, formatPct } from './format.js';
import type { TextContext } from './style.js';
import { balanceLabel } from './summary-text.js';
import { drawTable } from './table.js';
import { gapText } from '../core/select.js';
import { datasetLine } from './text-common.js';

type Listed = DatasetListDocument['datasets'][number];

function yearSpan(d: { firstYear: number | null; lastYear: number | null; monthCount: number }): string {
  if (d.firstYear === null) return d.monthCount > 0 ? `${d.monthCount} months` : '–';
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
  const lastPeriod = ds.years[ds.years.length - 1]?.year ?? ds.months[ds.months.length - 1]?.month ?? ds.gaps[ds.gaps.length - 1]?.year ?? '';
  const out: string[] = [datasetLine(ds.dataset, lastPeriod), ''];
  const rows = ds.years.map((y) => [
    `${y.year}`,
    money(y.exports),
    money(y.imports),
    `${money(y.balance)}${y.balance.isNegative() ? ' deficit' : ''}`,
    statedRate(y.exportGrowthPct, y.exportGrowthQualifier),
    statedRate(y.importGrowthPct, y.importGrowthQualifier),
  ]);
  const labels = new Set(ds.years.map((y) => balanceLabel(y.balance)));
  if (rows.length > 0) out.push(drawTable({ head: ['Year', 'Exports', 'Imports', labels.size === 1 ? [...labels][0]! : 'Balance', 'Export growth', 'Import growth'], rows }, ctx.style));
  if (ds.months.length > 0) {
    const amounts = ds.months.some((m) => m.exports !== null || m.imports !== null);
    const growth = ds.months.some((m) => m.exportGrowthPct !== null || m.importGrowthPct !== null);
    const cell = (d: Decimal | null) => (d === null ? '–' : money(d));
    const head = ['Month', ...(amounts ? ['Exports', 'Imports', 'Balance'] : []), ...(growth ? ['Export growth, y/y', 'Import growth, y/y'] : [])];
    const mrows = ds.months.map((m) => [
      m.month,
      ...(amounts ? [cell(m.exports), cell(m.imports), cell(m.balance)] : []),
      ...(growth ? [statedRate(m.exportGrowthPct, m.exportGrowthQualifier), statedRate(m.importGrowthPct, m.importGrowthQualifier)] : []),
    ]);
    if (rows.length > 0) out.push('');
    out.push(drawTable({ head, rows: mrows }, ctx.style));
  }
  if (ds.gaps.length > 0) out.push('', ...ds.gaps.map((g) => ctx.style.dim(gapText(g.reason === 'year-to-date' ? { year: g.year, reason: g.reason, months: g.monthNumbers } : g))));
  if (ds.partners.length > 0) {
    const names = ds.partners.map((p) => p.partner);
    out.push('', `Partners (${names.length}): ${names.slice(0, 20).join(', ')}${names.length > 20 ? `, and ${names.length - 20} more` : ''}`);
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
    if (d.firstYear !== null) first = Math.min(first, d.firstYear);
    if (d.lastYear !== null) lastYear = Math.max(lastYear, d.lastYear);
  }
  const span = first === Infinity ? 'no complete year' : `${first}${lastYear === first ? '' : `–${lastYear}`}`;
  const claims = list.reduce((n, d) => n + d.claimCount, 0);
  const who = reporters.length === 1 ? `1 reporter (${reporters[0]})` : `${reporters.length} reporters (${reporters.join(', ')})`;
  const publisher = doc.datasets.find((d) => d.source.publisher)?.source.publisher;
  const what = doc.format === 'import' ? `readable ${publisher ?? 'publisher'} download` : `valid ${doc.format.toUpperCase()} dataset`;
  return `OK: ${doc.assumptions.file} is a ${what}: ${who}, ${rows} year${rows === 1 ? '' : 's'} of figures (${span})${claims ? `, ${claims} claim${claims === 1 ? '' : 's'}` : ''}\n`;
}
