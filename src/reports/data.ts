// `tradecalc data list|show|validate` and `tradecalc schema`: what datasets there are, what one holds,
// whether a file is a valid dataset (every problem at once, exit 3 if any), and the JSON Schemas.
import type { Dataset, Figure } from '../core/types.js';
import { builtinDatasetIds } from '../data/builtin.js';
import type { LoadedDatasets } from '../data/load-file.js';
import { type DataError, UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Columns } from './columns.js';
import type { CommonOptions } from './common.js';
import { SCHEMA_VERSION, datasetDoc } from './document.js';
import { pickReporter } from '../data/select.js';
import { DOCUMENT_SCHEMAS, type DatasetDocument, type DatasetListDocument, type DocumentKind, type ValidationDocument } from './schemas.js';
import type { ReportSpec } from './spec.js';

type Listed = DatasetListDocument['datasets'][number];

function listed(d: Dataset): Listed {
  return {
    id: d.id,
    reporter: d.reporter,
    title: d.title,
    currency: d.currency,
    firstYear: d.years[0]?.year ?? null,
    lastYear: d.years[d.years.length - 1]?.year ?? null,
    yearCount: d.years.length,
    monthCount: d.months.length,
    partnerCount: d.partners.length,
    claimCount: d.claims.length,
    source: { ...d.source },
  };
}

const LIST_COLUMNS: Columns = {
  kind: 'rows',
  rows: 'datasets',
  columns: [
    ['id', 'id'],
    ['reporter', 'reporter'],
    ['title', 'title'],
    ['currency', 'currency'],
    ['firstYear', 'firstYear'],
    ['lastYear', 'lastYear'],
    ['yearCount', 'yearCount'],
    ['monthCount', 'monthCount'],
    ['partnerCount', 'partnerCount'],
    ['claimCount', 'claimCount'],
    ['publisher', 'source.publisher'],
    ['published', 'source.published'],
  ],
};

const views = () => import('../render/data-views.js');

export const dataListSpec: ReportSpec<{ file: readonly string[] | undefined }, LoadedDatasets, LoadedDatasets, DatasetListDocument, 'datasets'> = {
  input: 'datasets',
  parse: (_raw, _args, common) => {
    if (common.selection.reporter !== undefined) throw new UsageError('data list lists every reporter of a file; leave out --reporter (or use data show --reporter)');
    if (common.selection.partner !== undefined) throw new UsageError('data list lists every reporter of a file, with its partner count; leave out --partner (or use partners --reporter …)');
    return { file: common.selection.data };
  },
  resolve: (_opts, loaded) => loaded,
  compute: (loaded) => loaded,
  toDocument: (loaded, _a) => ({
    schemaVersion: SCHEMA_VERSION,
    kind: 'dataset-list',
    dataset: null,
    assumptions: { file: loaded.builtIn ? null : loaded.name },
    datasets: loaded.datasets.map(listed),
  }),
  columns: () => LIST_COLUMNS,
  text: async (doc, ctx) => (await views()).renderDatasetListAsText(doc, ctx),
};

function figureValue(f: Figure | undefined) {
  return f?.value ?? null;
}

export function datasetDocument(ds: Dataset): DatasetDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'dataset',
    dataset: datasetDoc(ds),
    assumptions: {},
    years: ds.years.map((y) => ({
      year: y.year,
      exports: y.exports.value,
      imports: y.imports.value,
      balance: y.exports.value.minus(y.imports.value),
      exportGrowthPct: figureValue(y.exportGrowthPct),
      exportGrowthQualifier: y.exportGrowthPct?.qualifier ?? null,
      importGrowthPct: figureValue(y.importGrowthPct),
      importGrowthQualifier: y.importGrowthPct?.qualifier ?? null,
      exportsStated: y.exports.stated,
      importsStated: y.imports.stated,
      exportGrowthStated: y.exportGrowthPct?.stated ?? null,
      importGrowthStated: y.importGrowthPct?.stated ?? null,
    })),
    months: ds.months.map((m) => ({
      month: m.month,
      exports: figureValue(m.exports),
      imports: figureValue(m.imports),
      balance: m.exports && m.imports ? m.exports.value.minus(m.imports.value) : null,
      exportGrowthPct: figureValue(m.exportGrowthPct),
      exportGrowthQualifier: m.exportGrowthPct?.qualifier ?? null,
      importGrowthPct: figureValue(m.importGrowthPct),
      importGrowthQualifier: m.importGrowthPct?.qualifier ?? null,
    })),
    gaps: ds.gaps.map((g) => (g.reason === 'year-to-date' ? { year: g.year, reason: g.reason, monthNumbers: [...g.months] } : { year: g.year, reason: g.reason, missing: [...g.missing] })),
    partners: ds.partners.map((p) => ({ partner: p.partner, partnerCode: p.partnerCode ?? null, yearCount: p.years.length, monthCount: p.months.length })),
    forecasts: ds.forecasts.map((f) => ({
      year: f.year,
      exportGrowthPct: figureValue(f.exportGrowthPct),
      exportGrowthQualifier: f.exportGrowthPct?.qualifier ?? null,
      importGrowthPct: figureValue(f.importGrowthPct),
      importGrowthQualifier: f.importGrowthPct?.qualifier ?? null,
      balance: figureValue(f.balance),
      balanceQualifier: f.balance?.qualifier ?? null,
      balanceStated: f.balance?.stated ?? null,
      gdpGrowthPct: figureValue(f.gdpGrowthPct),
      gdpGrowthQualifier: f.gdpGrowthPct?.qualifier ?? null,
      source: f.source ?? null,
    })),
    claims: ds.claims.map((c) => ({ id: c.id, label: c.label, metric: c.metric, qualifier: c.qualifier, year: c.year ?? null, month: c.month ?? null, claimValue: figureValue(c.value), from: c.from ?? null, to: c.to ?? null })),
    scenarios: ds.scenarios.map((s) => ({ id: s.id, label: s.label, exportGrowthPct: s.exportGrowthPct.value, importGrowthPct: s.importGrowthPct.value, description: s.description ?? null })),
  };
}

export const dataShowSpec: ReportSpec<{ id: string | undefined }, Dataset, Dataset, DatasetDocument, 'dataset'> = {
  input: 'dataset',
  parse: (_raw, args, common) => {
    const id = args[0];
    const sel = common.selection;
    if (id !== undefined && (sel.data !== undefined || sel.dataset !== undefined)) {
      throw new UsageError(`data show ${JSON.stringify(id)} names a built-in dataset, and ${sel.data !== undefined ? '--data' : '--dataset'} names another (give one)`);
    }
    if (id !== undefined && !builtinDatasetIds().includes(id)) {
      throw new UsageError(`data show ${JSON.stringify(id)}: there is no built-in dataset of that id${didYouMean(id, builtinDatasetIds())} (expected one of: ${builtinDatasetIds().join(', ')}; for a file, use --data)`);
    }
    return { id };
  },
  source: (opts, common) => (opts.id !== undefined ? { dataset: opts.id, reporter: common.selection.reporter } : common.selection),
  resolve: (_opts, ds) => ds,
  compute: (ds) => ds,
  toDocument: (ds) => datasetDocument(ds),
  // The yearly figures in the CSV dataset format, so `data show --format csv` reads back in with --data.
  columns: () => ({
    kind: 'rows',
    rows: 'years',
    columns: [
      ['reporter', '$.dataset.reporter'],
      ['year', 'year'],
      ['exports', 'exports'],
      ['imports', 'imports'],
      ['currency', '$.dataset.currency'],
      ['exportGrowthPct', 'exportGrowthPct'],
      ['importGrowthPct', 'importGrowthPct'],
    ],
  }),
  text: async (doc, ctx) => (await views()).renderDatasetAsText(doc, ctx),
};

interface ValidateOptions {
  file: string;
  reporter: string | undefined;
}

/** The file as loaded, and the --reporter it was checked for (written into the document's assumptions). */
type Validated = LoadedDatasets & { reporter: string | undefined };

export const dataValidateSpec: ReportSpec<ValidateOptions, Validated, Validated, ValidationDocument, 'datasets'> = {
  input: 'datasets',
  parse: (_raw, args, common) => {
    const sel = common.selection;
    if (sel.data !== undefined || sel.dataset !== undefined) throw new UsageError(`data validate takes the file as its argument; leave out ${sel.data !== undefined ? '--data' : '--dataset'}`);
    if (sel.partner !== undefined) throw new UsageError('data validate checks every partner of the file; leave out --partner');
    const file = args[0] ?? '';
    if (file.trim() === '') throw new UsageError(`file ${JSON.stringify(file)} is empty (expected a file name)`);
    return { file, reporter: sel.reporter };
  },
  source: (opts, common) => ({ data: [opts.file], from: common.selection.from }),
  // With --reporter, the file must also hold that reporter.
  resolve: (opts, loaded) => {
    if (opts.reporter !== undefined) pickReporter(loaded, opts.reporter);
    return { ...loaded, reporter: opts.reporter };
  },
  compute: (loaded) => loaded,
  toDocument: (loaded, _a) => ({
    schemaVersion: SCHEMA_VERSION,
    kind: 'validation',
    dataset: null,
    assumptions: { file: loaded.name, reporter: loaded.reporter ?? null },
    valid: true,
    format: loaded.format,
    datasets: loaded.datasets.map(listed),
  }),
  failureDocument: (err: DataError, opts): ValidationDocument => ({
    schemaVersion: SCHEMA_VERSION,
    kind: 'validation',
    dataset: null,
    assumptions: { file: opts.file === '-' ? '<stdin>' : opts.file, reporter: opts.reporter ?? null },
    valid: false,
    error: err.message,
    problems: [...err.problems],
  }),
  columns: (doc) => (doc.valid ? LIST_COLUMNS : { kind: 'rows', rows: 'problems', columns: [] }),
  text: async (doc) => (await views()).validationText(doc),
};

/** `tradecalc schema <kind>`: the JSON Schema of a kind's --json document. */
export const schemaSpec: ReportSpec<{ kind: DocumentKind }, { kind: DocumentKind }, Record<string, unknown>, never, 'none'> = {
  input: 'none',
  // Written as JSON whatever the format: the text view would wrap its long lines as prose.
  jsonOnly: true,
  parse: (_raw, args, common: CommonOptions) => {
    if (common.format === 'csv' || common.format === 'markdown') throw new UsageError(`schema prints a JSON Schema: --format ${common.format} does not apply`);
    const kinds = Object.keys(DOCUMENT_SCHEMAS);
    const kind = args[0] ?? '';
    if (!kinds.includes(kind)) throw new UsageError(`schema ${JSON.stringify(kind)} is not a document kind${didYouMean(kind, kinds)} (expected one of: ${kinds.join(', ')})`);
    return { kind: kind as DocumentKind };
  },
  resolve: (opts) => opts,
  compute: async (a) => (await import('./schemas.js')).documentJsonSchema(a.kind),
  toDocument: (schema) => schema as never,
  columns: () => {
    throw new UsageError('schema prints a JSON Schema: only --format json applies');
  },
  text: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
};

/** `tradecalc data schema`: the JSON Schema of the dataset file format (what --data reads). */
export const datasetFileSchemaSpec: ReportSpec<Record<string, never>, null, Record<string, unknown>, never, 'none'> = {
  input: 'none',
  // Written as JSON whatever the format: the text view would wrap its long lines as prose.
  jsonOnly: true,
  parse: (_raw, _args, common) => {
    if (common.format === 'csv' || common.format === 'markdown') throw new UsageError(`data schema prints a JSON Schema: --format ${common.format} does not apply`);
    return {};
  },
  resolve: () => null,
  compute: async () => {
    const [{ toJsonSchema }, { DatasetSchema }] = await Promise.all([import('@valibot/to-json-schema'), import('../data/schema.js')]);
    // Checks valibot cannot express in JSON Schema (decimal strings parsed as numbers, units) are
    // left out rather than failing; the schema describes the shape, `data validate` the rest.
    const schema = toJsonSchema(DatasetSchema, { errorMode: 'ignore' });
    return {
      $schema: schema.$schema,
      title: 'tradecalc dataset',
      description: 'A trade dataset for tradecalc: yearly exports and imports as stated, monthly growth, forecasts and claims. Validate with `tradecalc data validate <file>`.',
      ...schema,
    };
  },
  toDocument: (schema) => schema as never,
  columns: () => {
    throw new UsageError('data schema prints a JSON Schema: only --format json applies');
  },
  text: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
};
