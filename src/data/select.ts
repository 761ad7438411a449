// Which dataset a command works on: a built-in one by id (--dataset, default the article) or a
// file (--data, "-" for stdin), narrowed to one reporter (--reporter) when a file holds several.
import type { Dataset } from '../core/types.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { DEFAULT_DATASET_ID, builtinDatasetIds, loadBuiltinDataset } from './builtin.js';
import { normaliseName, selectOne } from './identity.js';
import type { EngineChoice, FromChoice } from './formats/layout.js';
import type { LoadedDatasets } from './load.js';
import type { ReadContext } from './stream/source.js';

export interface DatasetSelection {
  dataset?: string | undefined;
  /** The --data values: files, directories, "-". */
  data?: readonly string[] | undefined;
  reporter?: string | undefined;
  /** The partner of a bilateral view (--partner); the world total when absent. */
  partner?: string | undefined;
  from?: FromChoice | undefined;
  /** China customs files do not say their flow (import --flow). */
  flow?: 'exports' | 'imports' | undefined;
  engine?: EngineChoice | undefined;
  /** Keep only this partner's rows (and the world total's) while reading (import --partner). */
  partnerRows?: string | undefined;
  /** Recognise the files and give their SQL, reading nothing past the heads (import --print-sql). */
  plan?: boolean | undefined;
}

export type { ReadContext };

/** The built-in datasets, as a listing. */
export function builtinListing(): LoadedDatasets {
  return { name: 'built-in', format: 'json', builtIn: true, datasets: builtinDatasetIds().map((id) => loadBuiltinDataset(id)!) };
}

/**
 * Every dataset the selection points at: the built-in one, or each reporter of the files. With
 * `one`, only one reporter is wanted: rows of the others are skipped as they are read.
 */
export async function loadSelection(sel: DatasetSelection, ctx: ReadContext, options: { one?: boolean; progress?: (done: number, total: number | null) => void } = {}): Promise<LoadedDatasets> {
  if (sel.data !== undefined && sel.data.length > 0) {
    const { loadData } = await import('./load.js');
    return loadData(
      { data: sel.data, from: sel.from, reporter: sel.reporter, partner: sel.partnerRows, flow: sel.flow, engine: sel.engine, plan: sel.plan, one: options.one, progress: options.progress },
      ctx,
    );
  }
  const id = sel.dataset ?? DEFAULT_DATASET_ID;
  const ds = loadBuiltinDataset(id);
  if (!ds) throw new UsageError(`--dataset ${JSON.stringify(id)} is not a built-in dataset${didYouMean(id, builtinDatasetIds())} (expected one of: ${builtinDatasetIds().join(', ')})`);
  return { name: `built-in dataset "${id}"`, format: 'json', datasets: [ds] };
}

/** The reporters a listing names (also those whose rows were skipped), at most `max` of them, for messages. */
function listed(names: readonly string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

/** Picks the dataset of --reporter; inputs with several reporters need one named. */
export function pickReporter(loaded: LoadedDatasets, reporter: string | undefined): Dataset {
  const all = loaded.datasets;
  const names = loaded.reporters && loaded.reporters.length > 0 ? loaded.reporters : all.map((d) => d.reporter);
  if (reporter !== undefined) {
    if (all.length === 0) throw new UsageError(`--reporter ${JSON.stringify(reporter)} is not in ${loaded.name}${didYouMean(reporter, names)} (it has: ${listed(names)})`);
    return selectOne('--reporter', reporter, all.map((d) => ({ name: d.reporter, id: d.id, codes: [d.reporterCode], dataset: d })), loaded.name).dataset;
  }
  if (names.length > 1 || all.length > 1) throw new UsageError(`${loaded.name} has ${Math.max(names.length, all.length)} reporters (${listed(names)}): choose one with --reporter`);
  if (all.length === 1) return all[0]!;
  throw new UsageError(`${loaded.name} has no reporter with figures`);
}

/**
 * The reporter's trade with one partner, as a dataset of its own: the partner's years, months and
 * gaps in place of the world total's. Forecasts, claims and scenarios are about the total, so they
 * do not carry over.
 */
export function bilateralView(ds: Dataset, partner: string): Dataset {
  if (normaliseName(partner) === 'world') return ds;
  if (ds.partners.length === 0) throw new UsageError(`--partner ${JSON.stringify(partner)}: the data for ${ds.reporter} has no partners, only its total trade`);
  const p = selectOne('--partner', partner, ds.partners.map((x) => ({ name: x.partner, id: x.partner.toLowerCase(), codes: [x.partnerCode], series: x })), `the partners of ${ds.reporter}`).series;
  return {
    ...ds,
    id: `${ds.id}.${p.partner.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'partner'}`,
    partner: p.partner,
    partnerCode: p.partnerCode,
    years: p.years,
    months: p.months,
    gaps: p.gaps,
    forecasts: [],
    claims: [],
    scenarios: [],
    partners: [],
  };
}
