// Datasets written in tradecalc's own formats, exactly: every figure as the decimal it is (a JSON
// string of digits, or a CSV cell), so reading the file back gives the same figures to the last
// digit. Years that are sums of their months are written as the months; a missing flow stays
// missing (an empty cell, an absent key), never zero.
import type { Dataset, Figure, ImportProvenance, MonthRecord, YearGap, YearRecord } from '../core/types.js';
import { DATASET_SCHEMA_VERSION } from './schema.js';

type Json = Record<string, unknown>;

const amount = (f: Figure | undefined) => (f ? f.value.toFixed() : undefined);
const rate = (f: Figure | undefined) => (f ? f.value.toFixed() : undefined);

/** The annual statements of a series: its years, and its years with one flow missing. */
function annual(s: { years: readonly YearRecord[]; gaps: readonly YearGap[] }): { year: number; exports?: Figure | undefined; imports?: Figure | undefined; exportGrowthPct?: Figure | undefined; importGrowthPct?: Figure | undefined }[] {
  // A year summed from its twelve months is written as the months: reading them back sums them again.
  const rows: ReturnType<typeof annual> = s.years.filter((y) => y.basis !== 'months');
  for (const g of s.gaps) if (g.reason === 'missing-flow' && (g.exports || g.imports)) rows.push({ year: g.year, exports: g.exports, imports: g.imports });
  return rows.sort((a, b) => a.year - b.year);
}

function yearsOf(s: { years: readonly YearRecord[]; gaps: readonly YearGap[] }): Json[] {
  return annual(s).map((y) => ({ year: y.year, exports: amount(y.exports), imports: amount(y.imports), exportGrowthPct: rate(y.exportGrowthPct), importGrowthPct: rate(y.importGrowthPct) }));
}

function monthsOf(months: readonly MonthRecord[]): Json[] {
  return months.map((m) => ({ month: m.month, exports: amount(m.exports), imports: amount(m.imports), exportGrowthPct: rate(m.exportGrowthPct), importGrowthPct: rate(m.importGrowthPct) }));
}

/** An import's provenance, each flow's valuation a string of its own (as the report documents give it). */
function provenanceJson(p: ImportProvenance): Json {
  const { publisher, layout, files, rowCount, usedRowCount, excluded, valuation, unit, notes, warnings, engine } = p;
  return { publisher, layout, files, rowCount, usedRowCount, excluded, exportValuation: valuation.exports, importValuation: valuation.imports, unit, notes, warnings, engine };
}

function datasetJson(d: Dataset): Json {
  return {
    id: d.id,
    title: d.title,
    reporter: d.reporter,
    reporterCode: d.reporterCode,
    currency: d.currency,
    source: Object.keys(d.source).length > 0 ? d.source : undefined,
    years: yearsOf(d),
    months: d.months.length > 0 ? monthsOf(d.months) : undefined,
    partners: d.partners.length > 0 ? d.partners.map((p) => ({ partner: p.partner, partnerCode: p.partnerCode, years: yearsOf(p), months: p.months.length > 0 ? monthsOf(p.months) : undefined })) : undefined,
    provenance: d.provenance ? provenanceJson(d.provenance) : undefined,
  };
}

/** One dataset as a document, or several as a collection (`{"schemaVersion": 2, "datasets": […]}`). */
export function datasetsToJson(datasets: readonly Dataset[]): string {
  const body = datasets.length === 1 ? { schemaVersion: DATASET_SCHEMA_VERSION, ...datasetJson(datasets[0]!) } : { schemaVersion: DATASET_SCHEMA_VERSION, datasets: datasets.map(datasetJson) };
  return `${JSON.stringify(body, (_k, v) => (v === undefined ? undefined : v), 2)}\n`;
}

export const CSV_HEADER = ['reporter', 'reporterCode', 'partner', 'partnerCode', 'period', 'exports', 'imports', 'currency', 'exportGrowthPct', 'importGrowthPct'] as const;

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The datasets as CSV rows: one per reporter, partner and period, in chunks. */
export function* datasetsToCsv(datasets: readonly Dataset[]): Generator<string> {
  yield `${CSV_HEADER.join(',')}\r\n`;
  let block = '';
  const row = (cells: (string | undefined)[]) => {
    block += `${cells.map((c) => csvField(c ?? '')).join(',')}\r\n`;
  };
  for (const d of datasets) {
    const series = [{ partner: 'World', partnerCode: undefined as string | undefined, years: d.years, months: d.months, gaps: d.gaps }, ...d.partners];
    for (const s of series) {
      for (const y of annual(s)) {
        row([d.reporter, d.reporterCode, s.partner, s.partnerCode, String(y.year), amount(y.exports), amount(y.imports), d.currency, rate(y.exportGrowthPct), rate(y.importGrowthPct)]);
      }
      for (const m of s.months) row([d.reporter, d.reporterCode, s.partner, s.partnerCode, m.month, amount(m.exports), amount(m.imports), d.currency, rate(m.exportGrowthPct), rate(m.importGrowthPct)]);
      if (block.length > 65536) {
        yield block;
        block = '';
      }
    }
  }
  if (block) yield block;
}
