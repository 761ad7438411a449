// Datasets as reports: the list of datasets (built-in, or the reporters of a file), one dataset's
// figures, forecasts and claims, and the result of validating a file.
import type { Decimal } from '../core/decimal.js';
import type { Dataset, Figure } from '../core/types.js';
import { formatMoney, formatPct, formatRateCompact } from './format.js';
import type { Cell, Grid } from './grid.js';
import { JSON_SCHEMA_VERSION, type JsonValue } from './json.js';
import { datasetJson } from './json-reports.js';
import type { TextContext } from './style.js';
import { balanceLabel } from './summary-text.js';
import { drawTable } from './table.js';
import { datasetLine } from './text-common.js';
import { balanceOf } from '../core/summary.js';

export interface DatasetListing {
  /** "built-in" or the file the datasets came from. */
  origin: string;
  datasets: Dataset[];
}

function yearSpan(ds: Dataset): string {
  const first = ds.years[0]!.year;
  const last = ds.years[ds.years.length - 1]!.year;
  return first === last ? `${first}` : `${first}–${last}`;
}

function sourceText(ds: Dataset): string {
  return [ds.source.publisher, ds.source.published].filter(Boolean).join(', ');
}

export function datasetListToJson(l: DatasetListing, kind: 'dataset-list' | 'validation' = 'dataset-list', extra: Record<string, JsonValue> = {}): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind,
    ...extra,
    origin: l.origin,
    datasets: l.datasets.map((d) => ({
      id: d.id,
      reporter: d.reporter,
      title: d.title,
      currency: d.currency,
      firstYear: d.years[0]!.year,
      lastYear: d.years[d.years.length - 1]!.year,
      years: d.years.map((y) => y.year),
      claims: d.claims.length,
      source: { ...d.source },
    })),
  };
}

export function datasetListToGrid(l: DatasetListing): Grid {
  return {
    columns: ['id', 'reporter', 'title', 'currency', 'firstYear', 'lastYear', 'years', 'claims', 'source'],
    rows: l.datasets.map((d): Cell[] => [d.id, d.reporter, d.title, d.currency, d.years[0]!.year, d.years[d.years.length - 1]!.year, d.years.length, d.claims.length, sourceText(d) || null]),
  };
}

export function renderDatasetListAsText(l: DatasetListing, ctx: TextContext): string {
  if (l.origin === 'built-in') {
    const rows = l.datasets.map((d) => [d.id, d.reporter, yearSpan(d), `${d.claims.length}`, d.title]);
    return `${drawTable({ head: ['Built-in dataset', 'Reporter', 'Years', 'Claims', 'Title'], rows, align: ['left', 'left', 'right', 'right', 'left'] }, ctx.style)}\n`;
  }
  // A file's reporters share its title and have no claims (CSV) or share them (JSON): say the file
  // once above the table rather than in every row.
  const rows = l.datasets.map((d) => [d.id, d.reporter, yearSpan(d), `${d.years.length}`, d.currency]);
  const table = drawTable({ head: ['Reporter id', 'Reporter', 'Years', 'Rows', 'Currency'], rows, align: ['left', 'left', 'right', 'right', 'left'] }, ctx.style);
  return `Reporters in ${l.origin}\n\n${table}\n`;
}

/** "3.77 trillion (stated)" style text for a figure with its qualifier. */
function statedFigure(fig: Figure | undefined, rate: boolean): string {
  if (!fig) return '';
  const text = rate ? formatRateCompact(fig.value) : fig.stated;
  return fig.qualifier ? `${fig.qualifier} ${text}` : text;
}

const figValue = (fig: Figure | undefined): Decimal | null => fig?.value ?? null;

export function datasetToJson(ds: Dataset): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'dataset',
    dataset: datasetJson(ds),
    years: ds.years.map((y) => ({
      year: y.year,
      exports: y.exports.value,
      imports: y.imports.value,
      balance: balanceOf(y),
      exportGrowthPct: figValue(y.exportGrowthPct),
      importGrowthPct: figValue(y.importGrowthPct),
      stated: { exports: y.exports.stated, imports: y.imports.stated, exportGrowthPct: y.exportGrowthPct?.stated ?? null, importGrowthPct: y.importGrowthPct?.stated ?? null },
    })),
    months: ds.months.map((m) => ({ month: m.month, exportGrowthPct: figValue(m.exportGrowthPct), importGrowthPct: figValue(m.importGrowthPct) })),
    forecasts: ds.forecasts.map((f) => ({
      year: f.year,
      exportGrowthPct: figValue(f.exportGrowthPct),
      importGrowthPct: figValue(f.importGrowthPct),
      balance: figValue(f.balance),
      gdpGrowthPct: figValue(f.gdpGrowthPct),
      qualifiers: {
        exportGrowthPct: f.exportGrowthPct?.qualifier ?? null,
        importGrowthPct: f.importGrowthPct?.qualifier ?? null,
        balance: f.balance?.qualifier ?? null,
        gdpGrowthPct: f.gdpGrowthPct?.qualifier ?? null,
      },
      source: f.source ?? null,
    })),
    claims: ds.claims.map((c) => ({ id: c.id, label: c.label, metric: c.metric, qualifier: c.qualifier, year: c.year ?? null, value: figValue(c.value), from: c.from ?? null, to: c.to ?? null })),
  };
}

/** The yearly figures in the CSV dataset format, so `data show --format csv` reads back in with --data. */
export function datasetToGrid(ds: Dataset): Grid {
  return {
    columns: ['reporter', 'year', 'exports', 'imports', 'currency', 'exportGrowthPct', 'importGrowthPct'],
    rows: ds.years.map((y): Cell[] => [ds.reporter, y.year, y.exports.value, y.imports.value, ds.currency, figValue(y.exportGrowthPct), figValue(y.importGrowthPct)]),
  };
}

export function renderDatasetAsText(ds: Dataset, ctx: TextContext): string {
  const c = ds.currency;
  const money = (d: Decimal) => formatMoney(d, { currency: c, unit: ctx.unit });
  // "Relatively flat" is the word the source used; the 0 % behind it was never stated.
  const pct = (f: Figure | undefined) => (!f ? '' : f.qualifier === 'relatively flat' ? 'relatively flat' : `${f.qualifier ? `${f.qualifier} ` : ''}${formatPct(f.value, { sign: true })}`);
  const last = ds.years[ds.years.length - 1]!;
  const out: string[] = [datasetLine(ds, last.year), ''];
  const rows = ds.years.map((y) => {
    const b = balanceOf(y);
    return [`${y.year}`, money(y.exports.value), money(y.imports.value), `${money(b)}${b.isNegative() ? ' deficit' : ''}`, pct(y.exportGrowthPct), pct(y.importGrowthPct)];
  });
  const labels = new Set(ds.years.map((y) => balanceLabel(balanceOf(y))));
  out.push(drawTable({ head: ['Year', 'Exports', 'Imports', labels.size === 1 ? [...labels][0]! : 'Balance', 'Export growth', 'Import growth'], rows }, ctx.style));
  if (ds.months.length > 0) {
    out.push('', drawTable({ head: ['Month', 'Export growth, y/y', 'Import growth, y/y'], rows: ds.months.map((m) => [m.month, pct(m.exportGrowthPct), pct(m.importGrowthPct)]) }, ctx.style));
  }
  if (ds.forecasts.length > 0) {
    const frows = ds.forecasts.map((f) => [`${f.year}`, pct(f.exportGrowthPct), pct(f.importGrowthPct), statedFigure(f.balance, false), pct(f.gdpGrowthPct)]);
    out.push('', drawTable({ head: ['Forecast', 'Export growth', 'Import growth', 'Balance', 'GDP growth'], rows: frows }, ctx.style));
  }
  if (ds.claims.length > 0) {
    out.push('', 'Claims (tradecalc check tests them):');
    for (const cl of ds.claims) out.push(`  ${cl.id.padEnd(30)} ${cl.label}`);
  }
  const prov = [
    ds.source.basis && `Basis: ${ds.source.basis}`,
    ds.source.place && `Place: ${ds.source.place}`,
    ds.source.url && `URL: ${ds.source.url}`,
    ds.source.note && `Note: ${ds.source.note}`,
  ].filter((x): x is string => Boolean(x));
  if (prov.length > 0) out.push('', ...prov.map((p) => ctx.style.dim(p)));
  return `${out.join('\n')}\n`;
}

export function validationText(l: DatasetListing, format: string): string {
  const rows = l.datasets.reduce((n, d) => n + d.years.length, 0);
  const reporters = l.datasets.map((d) => d.reporter);
  const years = l.datasets.flatMap((d) => d.years.map((y) => y.year));
  const span = `${Math.min(...years)}${Math.max(...years) === Math.min(...years) ? '' : `–${Math.max(...years)}`}`;
  const claims = l.datasets.reduce((n, d) => n + d.claims.length, 0);
  const who = reporters.length === 1 ? `1 reporter (${reporters[0]})` : `${reporters.length} reporters (${reporters.join(', ')})`;
  return `OK: ${l.origin} is a valid ${format.toUpperCase()} dataset: ${who}, ${rows} year${rows === 1 ? '' : 's'} of figures (${span})${claims ? `, ${claims} claim${claims === 1 ? '' : 's'}` : ''}\n`;
}
