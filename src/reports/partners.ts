// `tradecalc partners`: one reporter's trade by partner in a year, biggest first, with shares, the
// change on the year before, the partners beyond --top as one row, and the check of the partners
// against the world total. --flow says what the share column and the chart are about.
import { type PartnerMeasure, type PartnerRow, type PartnersReport, computePartners, partnerYears } from '../core/partners.js';
import type { Dataset } from '../core/types.js';
import { DataError, UsageError } from '../errors.js';
import { monthsText, partnersCheckText, partnersNotes } from '../render/partners-words.js';
import type { Columns } from './columns.js';
import { BUILT_IN, OPTION, type Origin, SCHEMA_VERSION, datasetDoc } from './document.js';
import { datasetLine } from '../render/text-common.js';
import { parseCalendarYear, parseChartFlag, parseChoice, parseWholeNumber } from './parse.js';
import type { PartnersDocument } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';
import type { CommonOptions } from './common.js';
import { PARTNER_MEASURES, PARTNERS_TOP_DEFAULT } from './defaults.js';

export const PARTNERS_TOP_MAX = 10000;

export interface PartnersOptions {
  year?: number | undefined;
  top?: number | undefined;
  sort?: PartnerMeasure | undefined;
  flow?: PartnerMeasure | undefined;
  /** False with --no-chart. */
  chart: boolean;
}

export interface PartnersAssumptions {
  dataset: Dataset;
  year: number;
  top: number;
  sort: PartnerMeasure;
  flow: PartnerMeasure;
  origins: { year: Origin; topCount: Origin; sort: Origin; flow: Origin };
}

const text = (raw: RawOptions, key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);

export function parsePartners(raw: RawOptions, _args: unknown, common: CommonOptions): PartnersOptions {
  if (common.selection.partner !== undefined) {
    throw new UsageError('partners lists every partner of the reporter; leave out --partner (for one partner over the years, use summary --partner; to compare two reporters, mirror)');
  }
  const year = text(raw, 'year');
  const top = text(raw, 'top');
  const sort = text(raw, 'sort');
  const flow = text(raw, 'flow');
  return {
    year: year === undefined ? undefined : parseCalendarYear('--year', year),
    top: top === undefined ? undefined : parseWholeNumber('--top', top, 1, PARTNERS_TOP_MAX, 'partners with a row of their own'),
    sort: sort === undefined ? undefined : parseChoice('--sort', sort, PARTNER_MEASURES),
    flow: flow === undefined ? undefined : parseChoice('--flow', flow, PARTNER_MEASURES),
    // --format svg is the chart itself: --no-chart contradicts it (there is no --chart: the chart is drawn by default).
    chart: parseChartFlag({ chart: raw.chart === false ? false : undefined }, common.format, 'table') !== false,
  };
}

/** The year: --year when the partner data has it as a complete year, else the latest complete one. */
function chooseYear(ds: Dataset, wanted: number | undefined): number {
  if (ds.partners.length === 0) {
    throw new DataError(`${ds.reporter}: the data has no partners, only the total trade (partners needs figures by partner, such as a Comtrade, IMF, Census or BACI download, or a dataset with a partner column)`);
  }
  const { complete, yearToDate } = partnerYears(ds);
  const have = complete.length === 0 ? 'none' : complete.length > 12 ? `${complete[0]}–${complete[complete.length - 1]}, not every year` : complete.join(', ');
  if (wanted === undefined) {
    const latest = complete[complete.length - 1];
    if (latest !== undefined) return latest;
    const ytd = [...yearToDate].map(([y, m]) => `${y} (${monthsText(m)})`).join(', ');
    throw new DataError(`${ds.reporter}: the partner data has no complete year${ytd ? `, only a year to date: ${ytd}` : ''} (a year to date is never shown as a year)`);
  }
  if (complete.includes(wanted)) return wanted;
  const months = yearToDate.get(wanted);
  if (months) {
    throw new UsageError(`--year ${wanted}: ${ds.reporter}'s partner data for ${wanted} is a year to date (${monthsText(months)}), not a year; partners compares complete years (it has: ${have})`);
  }
  throw new UsageError(`--year ${wanted} is not a year of ${ds.reporter}'s partner data (it has: ${have})`);
}

export function resolvePartners(opts: PartnersOptions, ds: Dataset): PartnersAssumptions {
  const year = chooseYear(ds, opts.year);
  const flow = opts.flow ?? 'balance';
  return {
    dataset: ds,
    year,
    top: opts.top ?? PARTNERS_TOP_DEFAULT,
    // The rows are in the order of what the report is about, unless asked otherwise.
    sort: opts.sort ?? flow,
    flow,
    origins: {
      year: opts.year === undefined ? { source: 'default', rule: 'latest-year' } : OPTION,
      topCount: opts.top === undefined ? BUILT_IN : OPTION,
      sort: opts.sort === undefined ? BUILT_IN : OPTION,
      flow: opts.flow === undefined ? BUILT_IN : OPTION,
    },
  };
}

export function computePartnersReport(a: PartnersAssumptions): PartnersReport {
  return computePartners(a.dataset, { year: a.year, top: a.top, sort: a.sort });
}

function rowDoc(r: PartnerRow): PartnersDocument['rows'][number] {
  const c = r.change;
  return {
    row: r.row,
    rank: r.rank,
    partner: r.partner,
    partnerCode: r.partnerCode,
    partnerCount: r.partnerCount,
    exports: r.exports,
    imports: r.imports,
    balance: r.balance,
    totalTrade: r.totalTrade,
    shareOfExportsPct: r.shareOfExportsPct,
    shareOfImportsPct: r.shareOfImportsPct,
    shareOfTradePct: r.shareOfTradePct,
    shareOfSurplusesPct: r.shareOfSurplusesPct,
    shareOfDeficitsPct: r.shareOfDeficitsPct,
    priorFlows: c ? { ...c.prior } : null,
    exportGrowthPct: c?.exportGrowthPct ?? null,
    importGrowthPct: c?.importGrowthPct ?? null,
    balanceChange: c?.balanceChange ?? null,
    totalTradeChange: c?.totalTradeChange ?? null,
  };
}

export function partnersDocument(r: PartnersReport, a: PartnersAssumptions): PartnersDocument {
  const unallocated = r.rows.find((x) => x.row === 'unallocated');
  const answer = unallocated ? unallocated.exports.isZero() && unallocated.imports.isZero() : false;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'partners',
    dataset: datasetDoc(r.dataset),
    assumptions: { year: r.year, topCount: a.top, sort: a.sort, flow: a.flow, origins: a.origins },
    priorYear: r.priorYear,
    partnerCount: r.partnerCount,
    worldStatus: r.worldStatus,
    shareBasis: r.shareBasis,
    surpluses: { ...r.surpluses },
    deficits: { ...r.deficits },
    rows: r.rows.map(rowDoc),
    // The months of a year to date by their numbers, as `monthNumbers` (`months` is a list of months with their year).
    incompletePartners: r.incomplete.map((p) =>
      p.reason === 'year-to-date' ? { partner: p.partner, partnerCode: p.partnerCode, reason: p.reason, monthNumbers: [...p.months], exports: p.exports, imports: p.imports } : { ...p },
    ),
    check: unallocated
      ? {
          question: 'partners-sum-to-world',
          answer,
          text: partnersCheckText(answer, { year: r.year, partnerCount: r.partnerCount, currency: r.dataset.currency, unallocated }),
        }
      : null,
  };
}

const COLUMNS: readonly (readonly [string, string])[] = [
  ['year', '$.assumptions.year'],
  ['row', 'row'],
  ['rank', 'rank'],
  ['partner', 'partner'],
  ['partnerCode', 'partnerCode'],
  ['partnerCount', 'partnerCount'],
  ['exports', 'exports'],
  ['imports', 'imports'],
  ['balance', 'balance'],
  ['totalTrade', 'totalTrade'],
  ['shareOfExportsPct', 'shareOfExportsPct'],
  ['shareOfImportsPct', 'shareOfImportsPct'],
  ['shareOfTradePct', 'shareOfTradePct'],
  ['shareOfSurplusesPct', 'shareOfSurplusesPct'],
  ['shareOfDeficitsPct', 'shareOfDeficitsPct'],
  ['priorYear', '$.priorYear'],
  ['priorExports', 'priorFlows.exports'],
  ['priorImports', 'priorFlows.imports'],
  ['priorBalance', 'priorFlows.balance'],
  ['exportGrowthPct', 'exportGrowthPct'],
  ['importGrowthPct', 'importGrowthPct'],
  ['balanceChange', 'balanceChange'],
  ['totalTradeChange', 'totalTradeChange'],
];

export const partnersSpec: ReportSpec<PartnersOptions, PartnersAssumptions, PartnersReport, PartnersDocument, 'dataset'> = {
  input: 'dataset',
  parse: parsePartners,
  resolve: resolvePartners,
  compute: computePartnersReport,
  toDocument: partnersDocument,
  columns: (): Columns => ({ kind: 'rows', rows: 'rows', columns: COLUMNS }),
  notes: (doc) => [`${datasetLine(doc.dataset, doc.assumptions.year)}: trade by partner, by ${doc.assumptions.sort}${doc.assumptions.sort === 'balance' ? ' (its size, surplus or deficit alike)' : ''}, largest first.`, ...partnersNotes(doc)],
  text: async (doc, ctx, opts) => (await import('../render/partners-text.js')).renderPartnersAsText(doc, ctx, { chart: opts.chart }),
  svg: async (doc, ctx) => (await import('../render/svg/partners.js')).partnersSvg(doc, ctx),
};
