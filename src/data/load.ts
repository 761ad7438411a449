// Reading the --data inputs into datasets: files, standard input or directories; tradecalc's own
// JSON and CSV, or publishers' downloads, each recognised from its head. Everything streams: own
// CSV rows and publishers' rows are read one at a time, rows of reporters not asked for are skipped
// before their figures are read, and publishers' rows are summed as they pass (src/data/series.ts).
import type { Dataset, ImportProvenance } from '../core/types.js';
import { DataError } from '../errors.js';
import { ENGINES, type EngineChoice, FROM_CHOICES, type FromChoice, type ImportContext, type Layout, type LayoutId, type PublisherId } from './formats/layout.js';
import { normaliseName, slug } from './identity.js';
import { countryCodesFor } from './formats/countries.js';
import { OwnCsvReader, Problems, isOwnCsvHeader } from './own-csv.js';
import { FlowTable, SeriesBuilder, sortedReasons } from './series.js';
import { CsvStreamParser } from './stream/csv.js';
import { JsonStreamParser } from './stream/json.js';
import { type InputFile, type OpenedInput, type ReadContext, expandInputs, innerName, openInput } from './stream/source.js';

/** A period as the flow table keeps it: a year, or a year and a month 01 to 12. */
const PERIOD_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

export type { ReadContext };

export { ENGINES, FROM_CHOICES, type EngineChoice, type FromChoice };

/** Publishers' files larger than this go through the bulk engine when it is allowed to choose. */
export const BULK_BYTES = 256 * 1024 * 1024;

export const PUBLISHER_NAMES: Record<PublisherId, string> = {
  comtrade: 'UN Comtrade',
  imts: 'IMF International Trade in Goods (IMTS)',
  census: 'US Census Bureau',
  comext: 'Eurostat Comext',
  'china-customs': 'China customs (GACC)',
  baci: 'CEPII BACI',
};

export interface LoadRequest {
  /** The --data values: files, directories, "-" for standard input. */
  data: readonly string[];
  from?: FromChoice | undefined;
  /** Keep only this reporter's rows (the others are skipped before their figures are read). */
  reporter?: string | undefined;
  /** Keep only the world total and this partner's rows, where a layout can tell. */
  partner?: string | undefined;
  /** China customs files do not say which flow they hold. */
  flow?: 'exports' | 'imports' | undefined;
  engine?: EngineChoice | undefined;
  /** With engine auto: a publisher's file larger than this (default BULK_BYTES) goes to the bulk engine. */
  bulkBytes?: number | undefined;
  /** One reporter is wanted: with several in the inputs and no --reporter, stop keeping the rest. */
  one?: boolean | undefined;
  /** Bytes read of all inputs so far, and the total when known. */
  progress?: ((done: number, total: number | null) => void) | undefined;
  /** Only recognise the files and give the SQL of each (--print-sql): nothing is read past the heads. */
  plan?: boolean | undefined;
}

/** What --print-sql shows of a file: its layout and the bulk engine's query (null for a layout without SQL). */
export interface FilePlan {
  name: string;
  layout: string;
  label: string;
  sql: string | null;
}

export interface LoadedFile {
  name: string;
  /** "tradecalc-json", "tradecalc-csv", or a publisher layout. */
  layout: string;
  label: string;
  rowCount: number;
  engine: 'stream' | 'duckdb';
}

export interface LoadedDatasets {
  /** The inputs as named in messages: a file, "<stdin>", "3 files", or "built-in". */
  name: string;
  format: 'json' | 'csv' | 'import';
  datasets: Dataset[];
  /** True for the listing of the built-in datasets (no file was read). */
  builtIn?: boolean | undefined;
  /** Every reporter the inputs name, also the ones not kept. */
  reporters?: string[] | undefined;
  files?: LoadedFile[] | undefined;
  warnings?: string[] | undefined;
  /** With `plan`: each file's layout and query. */
  plans?: FilePlan[] | undefined;
}

/** Whether a name or code is the one asked for: a name (normalised), a code, or an id. */
export function matcher(wanted: string): (name: string, code: string | undefined) => boolean {
  const key = normaliseName(wanted);
  // The name or code asked for, and the country's other codes: "36", "036", "AUS" and "Australia"
  // select the same reporter, as they do in the bulk engine's SQL.
  const bare = (c: string) => c.replace(/^0+(?=\d)/, '');
  const keys = new Set([key, ...countryCodesFor(key).map((c) => c.toLowerCase())].map(bare));
  return (name, code) => {
    const n = normaliseName(name);
    if (keys.has(bare(n)) || (code !== undefined && keys.has(bare(normaliseName(code))))) return true;
    // An id is the name's slug, with a hash of the name when two names share a slug.
    const s = slug(name);
    return s !== '' && (s === key || (key.startsWith(`${s}-`) && /^[0-9a-f]{8}$/.test(key.slice(s.length + 1))));
  };
}

type Kind = { own: 'json' } | { own: 'csv' } | { layout: Layout; header: string[] | undefined; parquet?: boolean | undefined };

/**
 * The header's fields, as far as the head holds them: a header longer than the head (a hundred
 * thousand columns) is cut at its last whole field, which is enough to tell the layout.
 */
function firstRecord(head: string): string[] | undefined {
  let fields: string[] | undefined;
  const p = new CsvStreamParser({ name: 'head', onRecord: (r) => (fields ??= r.fields), maxRecord: head.length + 1, maxFields: head.length + 1 });
  const nl = head.indexOf('\n');
  const comma = head.lastIndexOf(',');
  try {
    p.write(nl !== -1 ? head.slice(0, nl + 1) : comma > 0 ? `${head.slice(0, comma)}\n` : head);
    p.end();
  } catch {
    return undefined;
  }
  return fields?.map((f) => f.trim());
}

/**
 * A header that no publisher layout claims but that names our own flow columns (exports or imports), or
 * reporter with year, is read as our format, so its problems say exactly what is missing. Reporter or partner
 * alone are in every publisher's header, and such a file is better told which layouts were tried.
 */
function looksOwn(header: readonly string[]): boolean {
  const cols = new Set(header.map((h) => h.trim().toLowerCase()));
  return cols.has('exports') || cols.has('imports') || (cols.has('reporter') && (cols.has('year') || cols.has('period')));
}

/**
 * A Parquet file's layout, from its column names (read from its metadata by the bulk engine). Its
 * numbers are read as text; a floating-point column is said, since its digits are the engine's.
 */
async function parquetKind(opened: OpenedInput, from: FromChoice, warn: (message: string) => void): Promise<Kind> {
  const name = opened.file.name;
  if (from === 'tradecalc') throw new DataError(`${name}: is a Parquet file: tradecalc's own datasets are JSON or CSV`);
  const { parquetColumns } = await import('./engine/bulk.js');
  const columns = await parquetColumns(opened.file.path!);
  const header = columns.map((c) => c.name);
  const { recogniseLayout, unrecognised } = await import('./formats/registry.js');
  const layout = recogniseLayout({ name: innerName(name), head: `${header.join(',')}\n`, header }, from === 'auto' ? undefined : from);
  if (!layout) throw unrecognised(name, header, from === 'auto' ? undefined : from);
  if (!layout.sql) throw new DataError(`${name}: a Parquet file of the ${layout.label} layout, which only the streaming reader reads: save it as CSV`);
  const floating = columns.filter((c) => /^(FLOAT|DOUBLE|REAL)$/i.test(c.type)).map((c) => c.name);
  if (floating.length > 0) warn(`${name}: ${floating.slice(0, 5).join(', ')}${floating.length > 5 ? ' …' : ''} ${floating.length === 1 ? 'is' : 'are'} stored as floating-point numbers in the Parquet file: read as the shortest decimal that gives the stored number back, which may differ from the published figure in its last digits`);
  return { layout, header, parquet: true };
}

async function kindOf(opened: OpenedInput, from: FromChoice, warn: (message: string) => void = () => {}): Promise<Kind> {
  if (opened.parquet) return parquetKind(opened, from, warn);
  const head = opened.head.replace(/^\uFEFF/, '');
  const name = opened.file.name;
  if (head.trim() === '') throw new DataError(`${name}: the file is empty (expected a JSON dataset, a CSV with a header row such as reporter,year,exports,imports, or a publisher download)`);
  const json = /^\s*[{[]/.test(head);
  const header = json ? undefined : firstRecord(head);
  const ownJson = json && /^\s*\{/.test(head) && /"schemaVersion"\s*:/.test(head.slice(0, 4096)) && !/"data"\s*:\s*\[/.test(head.slice(0, 4096));
  const ownCsv = !json && header !== undefined && isOwnCsvHeader(header);
  if (from === 'auto' || from === 'tradecalc') {
    if (ownJson) return { own: 'json' };
    if (ownCsv) return { own: 'csv' };
    // A header separated by the wrong character is still our format: the reader says so.
    if (header?.length === 1 && /[;\t]/.test(header[0]!) && isOwnCsvHeader(header[0]!.split(/[;\t]/))) return { own: 'csv' };
  }
  if (from !== 'tradecalc') {
    const { recogniseLayout, unrecognised } = await import('./formats/registry.js');
    const layout = recogniseLayout({ name: innerName(name), head, header }, from === 'auto' ? undefined : from);
    if (layout) return { layout, header };
    // Latin-1 is how some publishers save their files; anything else must be UTF-8.
    if (opened.encoding !== 'utf-8') throw new DataError(`${name}: is not UTF-8 text (expected a file saved as UTF-8)`);
    // Near our own formats and nobody else's: read as ours, so the problems say exactly what is wrong.
    if (from === 'auto' && json) return { own: 'json' };
    if (from === 'auto' && header && looksOwn(header)) return { own: 'csv' };
    throw unrecognised(name, header, from === 'auto' ? undefined : from);
  }
  return json ? { own: 'json' } : { own: 'csv' };
}

export async function loadData(req: LoadRequest, ctx: ReadContext): Promise<LoadedDatasets> {
  return loadFiles(await expandInputs(req.data, ctx), req, ctx);
}

/** The same, for files already named (an in-memory text is a file whose bytes come from `ctx.stdin`). */
export async function loadFiles(given: readonly InputFile[], req: Omit<LoadRequest, 'data'>, ctx: ReadContext): Promise<LoadedDatasets> {
  const files = given.filter((f) => f.repeatOf === undefined);
  const from = req.from ?? 'auto';
  const seen = new Set<string>();
  let firstReporter: string | undefined;
  const wanted = req.reporter !== undefined ? matcher(req.reporter) : undefined;
  // Asked once per distinct name and code, not per row: a file has few reporters and many rows.
  const decided = new Map<string, boolean>();
  const wantReporter = (name: string, code: string | undefined): boolean => {
    const key = code === undefined ? name : `${name}\u0000${code}`;
    const known = decided.get(key);
    if (known !== undefined && (wanted || !req.one || firstReporter !== undefined)) return known;
    seen.add(name);
    let yes: boolean;
    if (wanted) yes = wanted(name, code);
    else if (!req.one) yes = true;
    else {
      firstReporter ??= name;
      yes = name === firstReporter;
    }
    decided.set(key, yes);
    return yes;
  };
  const wantPartner = req.partner !== undefined ? matcher(req.partner) : undefined;

  const own = new SeriesBuilder();
  const ownProblems = new Problems(`${describe(files)}: invalid dataset`);
  const ownJson: Dataset[] = [];
  const flows = new FlowTable();
  const problems = new Problems(`${describe(files)}: the data cannot be read`);
  const warnings: string[] = given.filter((f) => f.repeatOf !== undefined).map((f) => (f.copy ? `${f.name} has the same content as ${f.repeatOf}: read once` : `${f.name} is ${f.repeatOf} again: read once`));
  const loaded: LoadedFile[] = [];
  const layoutsUsed = new Set<Layout>();
  const totalBytes = files.every((f) => f.size !== null) ? files.reduce((n, f) => n + f.size!, 0) : null;
  let doneBytes = 0;
  const ownCsvNames: string[] = [];
  const shared = new Map<string, unknown>();
  const descriptions: FileDescription[] = [];
  const sources = new Map<string, Set<FileDescription>>();
  // The totals read so far, for layouts that give each once (where: the file).
  const totals = new Map<string, string>();
  // Whatever a layout makes of a publisher's cells, a row reaches the flow table only with a period
  // that is a year or a month (never "2024-13" or "2024-NaN") and a flow that is exports or imports.
  const wellFormed = (row: { reporter: string; partner: string; period: string; flow: string }, name: string): boolean => {
    const flowOk = row.flow === 'exports' || row.flow === 'imports';
    if (flowOk && typeof row.period === 'string' && PERIOD_RE.test(row.period)) return true;
    problems.push(
      flowOk
        ? `${name}: ${row.reporter}'s ${row.flow} with ${row.partner}: the period ${JSON.stringify(String(row.period))} is not a year or a month`
        : `${name}: ${row.reporter}'s row with ${row.partner} for ${String(row.period)} is neither exports nor imports`,
    );
    return false;
  };

  const plans: FilePlan[] = [];
  // Companion files (BACI's country codes) are read before the files they name, in whatever
  // order they were given: each file's layout is told from its head first. Standard input cannot be
  // read twice, so it is kept open from the first look.
  const order: { file: InputFile; first: number; companion: boolean; opened?: OpenedInput | undefined }[] = [];
  for (const [i, file] of files.entries()) {
    let opened: OpenedInput;
    let kind: Kind;
    try {
      opened = await openInput(file, ctx, { latin1Fallback: from !== 'tradecalc' });
      kind = await kindOf(opened, from);
    } catch (err) {
      // A file of a directory that is not data (notes, an archive) is passed over, with a word.
      if (!(err instanceof DataError) || !file.fromDirectory) throw err;
      warnings.push(`${err.message.replace(/ \(expected .*$/, '')}: passed over`);
      continue;
    }
    const companion = 'layout' in kind && kind.layout.companion === true;
    if (file.path !== null) await opened.text[Symbol.asyncIterator]().return?.();
    order.push({ file, first: i, companion, opened: file.path === null ? opened : undefined });
  }
  order.sort((a, b) => (a.companion === b.companion ? a.first - b.first : a.companion ? -1 : 1));
  for (const { file, opened: kept } of order) {
    const opened = kept ?? (await openInput(file, ctx, { latin1Fallback: from !== 'tradecalc' }));
    const kind = await kindOf(opened, from, (message) => void warnings.push(message));
    if (req.plan) {
      await opened.text[Symbol.asyncIterator]().return?.();
      if ('own' in kind) {
        plans.push({ name: file.name, layout: `tradecalc-${kind.own}`, label: `tradecalc ${kind.own.toUpperCase()} dataset`, sql: null });
        continue;
      }
      const { bulkQuery, parquetSource, readCsvSource } = await import('./engine/bulk.js');
      const source = kind.layout.sql && (kind.parquet ? parquetSource(file.path!) : readCsvSource(file.path ?? file.name, kind.layout.sql));
      const sql = kind.layout.sql && source ? bulkQuery(kind.layout, { header: kind.header ?? [], source, reporter: req.reporter, partner: req.partner }) : null;
      plans.push({ name: file.name, layout: kind.layout.id, label: kind.parquet ? `${kind.layout.label}, saved as Parquet` : kind.layout.label, sql });
      continue;
    }
    const report = () => req.progress?.(doneBytes + opened.bytesRead, totalBytes);
    if ('own' in kind) {
      if (opened.encoding !== 'utf-8') throw new DataError(`${file.name}: is not UTF-8 text (expected a file saved as UTF-8)`);
      if (kind.own === 'csv') {
        const reader = new OwnCsvReader({ name: file.name, into: own, wantReporter, seen, problems: ownProblems });
        for await (const text of opened.text) {
          reader.write(text);
          report();
        }
        reader.end();
        ownCsvNames.push(file.name);
        loaded.push({ name: file.name, layout: 'tradecalc-csv', label: 'tradecalc CSV dataset', rowCount: reader.rowCount, engine: 'stream' });
      } else {
        const parser = new JsonStreamParser({ name: file.name });
        for await (const text of opened.text) {
          parser.write(text);
          report();
        }
        const { datasetsFromJson } = await import('./dataset.js');
        for (const ds of datasetsFromJson(parser.end(), file.name)) {
          if (wantReporter(ds.reporter, ds.reporterCode) || wantReporter(ds.id, undefined)) ownJson.push(ds);
        }
        loaded.push({ name: file.name, layout: 'tradecalc-json', label: 'tradecalc JSON dataset', rowCount: 0, engine: 'stream' });
      }
    } else {
      const layout = kind.layout;
      layoutsUsed.add(layout);
      const rowsBefore = flows.rowCount;
      // The bulk engine for a big file whose layout has its SQL mapping (the others stream, in
      // bounded memory too); --engine duckdb asks for it whatever the size, and says when it cannot.
      const bulk = kind.parquet === true || req.engine === 'duckdb' || (req.engine !== 'stream' && layout.sql !== undefined && file.path !== null && (file.size ?? 0) > (req.bulkBytes ?? BULK_BYTES));
      if (kind.parquet && req.engine === 'stream') throw new DataError(`${file.name}: is a Parquet file, which only the bulk engine reads (leave out --engine stream)`);
      const described: FileDescription = { valuation: { ...layout.valuation }, unit: layout.unit, notes: [], layout, file: null };
      descriptions.push(described);
      flows.setFile(descriptions.length - 1, file.name);
      // Which files each reporter's figures come from: its provenance names those, not every input.
      let lastReporter: string | undefined;
      const ictx: ImportContext = {
        file: file.name,
        filter: { reporter: wantReporter, partner: wantPartner },
        add: (row) => {
          if (!wellFormed(row, file.name)) return;
          if (layout.uniqueTotals && row.rank === 0) {
            const key = `${row.reporter}\u0000${row.partner}\u0000${row.period}\u0000${row.flow}`;
            const first = totals.get(key);
            if (first !== undefined || (row.rowCount ?? 1) > 1) {
              problems.push(`${file.name}: ${row.reporter}'s ${row.flow} with ${row.partner} for ${row.period}: the total is given ${first === undefined ? `${row.rowCount} times` : `a second time (also in ${first})`}; are two downloads overlapping, or is the period given in two classifications?`);
              return;
            }
            totals.set(key, file.name);
          }
          flows.add(row);
          if (row.reporter !== lastReporter) {
            lastReporter = row.reporter;
            let from = sources.get(row.reporter);
            if (!from) sources.set(row.reporter, (from = new Set()));
            from.add(described);
          }
        },
        exclude: (reason, rowCount = 1) => flows.exclude(reason, rowCount),
        missing: (row, reason) => {
          if (wellFormed(row, file.name)) flows.addMissing(row, reason);
        },
        warn: (message) => void warnings.push(message),
        describe: (d) => {
          if (d.valuation) described.valuation = { ...described.valuation, ...d.valuation };
          if (d.unit !== undefined) described.unit = d.unit;
          if (d.note !== undefined && !described.notes.includes(d.note)) described.notes.push(d.note);
        },
        unknown: (cell, reason) => flows.unknown(cell, reason, ''),
        options: { flow: req.flow },
        problem: (where, message) => problems.push(`${where}: ${message}`),
        shared,
      };
      if (bulk) {
        // The head was read to tell the layout; DuckDB reads the file itself.
        await opened.text[Symbol.asyncIterator]().return?.();
        const { runBulk } = await import('./engine/bulk.js');
        await runBulk(layout, file, kind.header ?? [], ictx, flows, { reporter: req.reporter, partner: req.partner, parquet: kind.parquet, onProgress: (pct) => req.progress?.(doneBytes + ((file.size ?? 0) * pct) / 100, totalBytes) });
      } else {
        await streamLayout(layout, opened, ictx, report);
      }
      if (opened.encoding === 'latin1') warnings.push(`${file.name} is not UTF-8: read as ISO-8859-1 (Latin-1), as some downloads are saved`);
      described.file = { name: file.name, layout: layout.id, label: kind.parquet ? `${layout.label}, saved as Parquet` : layout.label, rowCount: flows.rowCount - rowsBefore, engine: bulk ? 'duckdb' : 'stream' };
      loaded.push(described.file);
    }
    doneBytes += file.size ?? opened.bytesRead;
  }

  if (req.plan) return { name: describe(files), format: 'import', datasets: [], plans };
  if (ownProblems.count > 0) throw new DataError(`${ownCsvNames.length === 1 ? ownCsvNames[0] : describe(files)}: invalid dataset`, ownProblems.all());
  if (problems.count > 0) throw new DataError(`${describe(files)}: the data cannot be read`, problems.all());

  const datasets: Dataset[] = [];
  const name = describe(files);
  const ownFile = ownCsvNames.length === 1 ? ownCsvNames[0]! : name;
  try {
    datasets.push(...own.build(() => ({ title: `Trade figures from ${ownFile.split('/').pop() ?? ownFile}`, source: { note: `Read from ${ownFile}` } })));
  } catch (err) {
    if (err instanceof DataError) throw new DataError(`${ownFile}: ${err.message}`, err.problems);
    throw err;
  }
  datasets.push(...ownJson);
  if (!flows.isEmpty || layoutsUsed.size > 0) {
    const builder = new SeriesBuilder();
    const { files: accounts } = flows.finish(builder, name);
    const distinct = (xs: string[]) => [...new Set(xs)].join(' / ');
    // A reporter's provenance: the publishers, files, valuation and unit of the files its figures
    // come from (Comtrade's for China, Census's for the United States, when both are read); the
    // rows read and left out are those of all the inputs.
    const provenanceOf = (reporter: string): ImportProvenance => {
      const from = sources.get(reporter);
      // A companion (BACI's country codes) gives names, not rows: it stays with every reporter.
      const own = descriptions.filter((d) => from === undefined || from.has(d) || d.file?.rowCount === 0);
      // The companions are among its files (they named its partners), not among what values them.
      const valued = own.filter((d) => !d.layout.companion);
      const publishers = [...new Set(valued.map((d) => PUBLISHER_NAMES[d.layout.publisher]))];
      // The rows of its own files: read, summed (into this load's datasets), and left out by reason.
      const counted = own.map((d) => accounts.get(descriptions.indexOf(d))).filter((a) => a !== undefined);
      const excluded = new Map<string, number>();
      for (const a of counted) for (const [reason, n] of a.excluded) excluded.set(reason, (excluded.get(reason) ?? 0) + n);
      return {
        publisher: publishers.join(', '),
        layout: [...new Set(own.map((d) => d.layout.id))].join(', '),
        files: own.flatMap((d) => (d.file ? [{ name: d.file.name, layout: d.file.layout, rowCount: d.file.rowCount }] : [])),
        rowCount: counted.reduce((n, a) => n + a.rowCount, 0),
        usedRowCount: counted.reduce((n, a) => n + a.usedRowCount, 0),
        excluded: sortedReasons(excluded),
        valuation: { exports: distinct(valued.map((d) => d.valuation.exports)), imports: distinct(valued.map((d) => d.valuation.imports)) },
        unit: distinct(valued.map((d) => d.unit)),
        notes: [...new Set(valued.flatMap((d) => d.notes))],
        warnings,
        engine: own.some((d) => d.file?.engine === 'duckdb') ? 'duckdb' : 'stream',
      };
    };
    if (builder.problems.length > 0) throw new DataError(`${name}: the data cannot be read`, builder.problems);
    const built = builder.build((reporter) => {
      const provenance = provenanceOf(reporter);
      return {
        title: `Trade as reported to ${provenance.publisher.split(', ').join(' and ')}`,
        source: { publisher: provenance.publisher, note: `Imported by tradecalc from ${provenance.files.length === 1 ? provenance.files[0]!.name : name}` },
        provenance,
      };
    });
    // Reporters in the order of their names, whichever engine read them: the bulk engine groups, and
    // has no file order to keep, so the streaming reader does not keep one either.
    datasets.push(...built.sort((a, b) => (a.reporter < b.reporter ? -1 : a.reporter > b.reporter ? 1 : 0)));
  }
  // One reporter, one dataset: the same reporter from two sources is a clash, not a merge.
  const byName = new Map<string, Dataset>();
  for (const ds of datasets) {
    const key = normaliseName(ds.reporter);
    if (byName.has(key)) throw new DataError(`${name}: ${ds.reporter} is in more than one of the inputs' formats (own datasets and publisher files are not merged; import them apart)`);
    byName.set(key, ds);
  }
  // Nothing usable: a data problem, unless the rows are there and a --reporter asked for none of them.
  if (datasets.length === 0 && (seen.size === 0 || req.reporter === undefined)) {
    const left = flows.leftOut();
    const why = left.length > 0 ? `: ${left.slice(0, 3).map((e) => `${e.rowCount} ${e.reason}`).join('; ')}` : '';
    throw new DataError(`${name}: holds no figures (no row of the file gives exports or imports${why})`);
  }
  return {
    name,
    format: layoutsUsed.size > 0 ? 'import' : ownJson.length > 0 && ownCsvNames.length === 0 ? 'json' : 'csv',
    datasets,
    reporters: [...seen],
    files: loaded,
    warnings,
  };
}

/** What one publisher file's figures are: the layout's defaults, or what the file says. */
interface FileDescription {
  valuation: { exports: string; imports: string };
  unit: string;
  notes: string[];
  /** The layout that read the file, and the file as listed in provenance. */
  layout: Layout;
  file: LoadedFile | null;
}

function describe(files: readonly InputFile[]): string {
  return files.length === 1 ? files[0]!.name : `${files.length} files`;
}

/** Reads one publisher file row by row through its layout. */
async function streamLayout(layout: Layout, opened: OpenedInput, ictx: Parameters<Layout['reader']>[0], report: () => void): Promise<void> {
  const reader = layout.reader(ictx);
  if (reader.kind === 'csv') {
    let header = true;
    const parser = new CsvStreamParser({
      name: opened.file.name,
      delimiter: reader.delimiter,
      onRecord: (r) => {
        if (header) {
          header = false;
          reader.onHeader(r.fields.map((f) => f.trim()), r.line);
        } else reader.onRecord(r.fields, r.line);
      },
    });
    for await (const text of opened.text) {
      parser.write(text);
      report();
    }
    parser.end();
    reader.end?.();
    return;
  }
  const parser = new JsonStreamParser({ name: opened.file.name, numbers: 'exact', streams: reader.streams, onElement: reader.onElement });
  for await (const text of opened.text) {
    parser.write(text);
    report();
  }
  reader.onDocument?.(parser.end());
  reader.end?.();
}

export type { LayoutId };
