// `tradecalc import <file>…`: publishers' downloads (Comtrade, IMF, Census, Comext, China customs,
// BACI) read into tradecalc datasets. Without --output it says what it found — the layout of each
// file, the reporters, partners and periods, the currency and unit, the valuation, and every kind of
// row left out with its count; with --output it also writes the datasets (JSON or CSV, by the
// extension), which every command then reads with --data. --print-sql gives the bulk engine's query.
import type { Dataset } from '../core/types.js';
import { ENGINES, type EngineChoice } from '../data/formats/layout.js';
import type { LoadedDatasets } from '../data/load.js';
import { UsageError } from '../errors.js';
import { escapeControls, terminalSafe } from '../render/safe-text.js';
import type { Columns } from './columns.js';
import type { CommonOptions } from './common.js';
import { SCHEMA_VERSION } from './document.js';
import { parseChoice } from './parse.js';
import type { ImportDocument, ImportPlanDocument } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';

export interface ImportOptions {
  files: string[];
  flow?: 'exports' | 'imports' | undefined;
  engine: EngineChoice;
  printSql: boolean;
  /** Where the datasets go, and in which of our formats. */
  save?: { path: string; format: 'json' | 'csv' } | undefined;
  common: CommonOptions;
}

export interface ImportResult {
  opts: ImportOptions;
  loaded: LoadedDatasets;
}

export type ImportDocuments = ImportDocument | ImportPlanDocument;

export function parseImport(raw: RawOptions, args: readonly (string | undefined)[], common: CommonOptions): ImportOptions {
  const files = (args[0] as unknown as string[] | undefined) ?? [];
  if (files.length === 0) throw new UsageError('import needs at least one file (a publisher download, a directory of them, or "-" for standard input)');
  if (common.selection.data !== undefined) throw new UsageError('import takes its files as arguments; leave out --data');
  if (common.selection.dataset !== undefined) throw new UsageError('import reads files; leave out --dataset');
  const flow = typeof raw.flow === 'string' ? parseChoice('--flow', raw.flow, ['exports', 'imports'] as const) : undefined;
  const engine = typeof raw.engine === 'string' ? parseChoice('--engine', raw.engine, ENGINES) : 'auto';
  const printSql = raw.printSql === true;
  let save: ImportOptions['save'];
  if (common.output !== undefined) {
    if (printSql) throw new UsageError('--print-sql prints a query; it writes no dataset (leave out --output)');
    const ext = /\.([A-Za-z0-9]+)$/.exec(common.output)?.[1]?.toLowerCase();
    if (ext !== 'json' && ext !== 'csv') throw new UsageError(`--output ${JSON.stringify(common.output)}: import writes a dataset as .json or .csv (name the file so)`);
    save = { path: common.output, format: ext };
  }
  return { files, flow, engine, printSql, save, common };
}

function periodsOf(d: Dataset): string[] {
  const all = [...d.years.map((y) => String(y.year)), ...d.months.map((m) => m.month)];
  for (const p of d.partners) all.push(...p.years.map((y) => String(y.year)), ...p.months.map((m) => m.month));
  // A year that is a gap is a period of the file when none of its months is: a file of months
  // only (one flow, as a Census download) runs from its first month, not from "2024".
  for (const g of d.gaps) if (!all.some((p) => p.startsWith(`${g.year}-`))) all.push(String(g.year));
  return all.sort();
}

export function importDocument(r: ImportResult): ImportDocuments {
  const { opts, loaded } = r;
  const sel = opts.common.selection;
  if (opts.printSql) {
    return {
      schemaVersion: SCHEMA_VERSION,
      kind: 'import-plan',
      dataset: null,
      assumptions: { inputs: opts.files, from: sel.from ?? 'auto', reporter: sel.reporter ?? null, partner: sel.partner ?? null },
      plans: (loaded.plans ?? []).map((p) => ({ file: p.name, layout: p.layout, label: p.label, sql: p.sql })),
    };
  }
  const prov = loaded.datasets.find((d) => d.provenance)?.provenance;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'import',
    dataset: null,
    assumptions: {
      inputs: opts.files,
      from: sel.from ?? 'auto',
      reporter: sel.reporter ?? null,
      partner: sel.partner ?? null,
      flow: opts.flow ?? null,
      engine: opts.engine,
      output: opts.save?.path ?? null,
    },
    files: (loaded.files ?? []).map((f) => ({ name: f.name, layout: f.layout, label: f.label, rowCount: f.rowCount, engine: f.engine })),
    publisher: prov?.publisher ?? null,
    exportValuation: prov?.valuation.exports ?? null,
    importValuation: prov?.valuation.imports ?? null,
    unit: prov?.unit ?? null,
    rowCount: prov?.rowCount ?? 0,
    usedRowCount: prov?.usedRowCount ?? 0,
    excluded: prov ? prov.excluded.map((e) => ({ ...e })) : [],
    warnings: [...(loaded.warnings ?? [])],
    reporters: loaded.datasets.map((d) => {
      const periods = periodsOf(d);
      return {
        id: d.id,
        reporter: d.reporter,
        reporterCode: d.reporterCode ?? null,
        currency: d.currency,
        partnerCount: d.partners.length,
        partnerNames: d.partners.map((p) => p.partner),
        firstPeriod: periods[0] ?? null,
        lastPeriod: periods[periods.length - 1] ?? null,
        yearCount: d.years.length,
        monthCount: d.months.length,
        yearList: d.years.map((y) => y.year),
        gaps: d.gaps.map((g) => (g.reason === 'year-to-date' ? { year: g.year, reason: g.reason, monthNumbers: [...g.months] } : { year: g.year, reason: g.reason, missing: g.missing })),
      };
    }),
    written: opts.save ? { file: opts.save.path, format: opts.save.format, datasetCount: loaded.datasets.length } : null,
  };
}

/** The world total, however a file or a user writes it. */
const WORLD_SPELLINGS = new Set(['world', 'w00', 'wld', 'g001', 'total for all countries']);
/** The world as the publishers write it: a name, Comtrade's W00 or WLD, IMF's G001, or the M49 code 0 or 001 in any number of digits. */
const isWorldSpelling = (text: string): boolean => {
  const t = text.trim().toLowerCase();
  return WORLD_SPELLINGS.has(t) || /^0*[01]$/.test(t);
};

export const importSpec: ReportSpec<ImportOptions, ImportResult, ImportResult, ImportDocuments, 'datasets'> = {
  input: 'datasets',
  outputIsArtifact: true,
  parse: parseImport,
  source: (opts, common) => ({
    data: opts.files,
    from: common.selection.from,
    reporter: common.selection.reporter,
    partnerRows: common.selection.partner,
    flow: opts.flow,
    engine: opts.engine,
    plan: opts.printSql,
  }),
  resolve: (opts, loaded) => ({ opts, loaded }),
  compute: (r) => {
    if (!r.opts.printSql && r.loaded.datasets.length === 0) {
      const sel = r.opts.common.selection;
      throw new UsageError(`${r.loaded.name}: no figures${sel.reporter !== undefined ? ` for --reporter ${JSON.stringify(sel.reporter)}` : ''} (reporters in the files: ${(r.loaded.reporters ?? []).slice(0, 12).join(', ') || 'none'})`);
    }
    // A partner asked for that no row has: say so, rather than write the world totals alone.
    const partner = r.opts.common.selection.partner;
    if (!r.opts.printSql && partner !== undefined && !isWorldSpelling(partner) && r.loaded.datasets.every((d) => d.partners.length === 0)) {
      throw new UsageError(`--partner ${JSON.stringify(partner)}: no row of ${r.loaded.name} is of that partner (a name or a code as the files write it, or World)`);
    }
    return r;
  },
  toDocument: (r) => importDocument(r),
  artifact: async (r) => {
    if (!r.opts.save) return null;
    const { datasetsToCsv, datasetsToJson } = await import('../data/write.js');
    return r.opts.save.format === 'json' ? [datasetsToJson(r.loaded.datasets)] : datasetsToCsv(r.loaded.datasets);
  },
  columns: (doc): Columns =>
    doc.kind === 'import-plan'
      ? { kind: 'rows', rows: 'plans', columns: [['file', 'file'], ['layout', 'layout'], ['sql', 'sql']] }
      : {
          kind: 'rows',
          rows: 'reporters',
          columns: [
            ['id', 'id'],
            ['reporter', 'reporter'],
            ['reporterCode', 'reporterCode'],
            ['currency', 'currency'],
            ['partnerCount', 'partnerCount'],
            ['firstPeriod', 'firstPeriod'],
            ['lastPeriod', 'lastPeriod'],
            ['yearCount', 'yearCount'],
            ['monthCount', 'monthCount'],
            ['publisher', '$.publisher'],
            ['unit', '$.unit'],
          ],
        },
  text: async (doc, ctx) => (await import('../render/import-text.js')).renderImportAsText(doc, ctx),
  wrap: (doc) => doc.kind !== 'import-plan',
  // A query's line breaks are kept (it is copied and run); each of its lines is escaped like any text.
  terminalSafe: (doc) => {
    if (doc.kind !== 'import-plan') return terminalSafe(doc);
    return { ...terminalSafe({ ...doc, plans: [] }), plans: doc.plans.map((p) => ({ ...terminalSafe({ ...p, sql: null }), sql: p.sql === null ? null : p.sql.split('\n').map(escapeControls).join('\n') })) };
  },
};
