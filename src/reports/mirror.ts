// `tradecalc mirror --reporter A --partner B`: what A reports of its trade with B against what B
// reports of its trade with A, year by year, with the gap in money and in percent, and optionally
// the gap after a CIF/FOB adjustment of the imports. Both reporters must be in the inputs (one
// Comtrade download of both, BACI, or files of both loaded together).
import { Decimal } from '../core/decimal.js';
import { type MirrorReport, type MirrorYear, computeMirror, valuedCif } from '../core/mirror.js';
import type { Dataset, PartnerSeries } from '../core/types.js';
import type { LoadedDatasets } from '../data/load-file.js';
import { matcher } from '../data/load.js';
import { type MatchBy, matchParty, schemeOf } from '../data/match.js';
import { pickReporter } from '../data/select.js';
import { parseDecimal } from '../data/units.js';
import { DataError, UsageError } from '../errors.js';
import { NOT_COMPARED_WORDS, mirrorNotes, possessive } from '../render/mirror-words.js';
import { didYouMean } from '../suggest.js';
import type { Columns } from './columns.js';
import type { CommonOptions } from './common.js';
import { CIF_FOB_DEFAULT_PCT } from './defaults.js';
import { BUILT_IN, OPTION, type Origin, SCHEMA_VERSION, datasetDoc } from './document.js';
import { parseCalendarYear } from './parse.js';
import type { MirrorDocument } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';

export interface MirrorOptions {
  reporter: string;
  partner: string;
  year?: number | undefined;
  /** The CIF/FOB margin in percent; undefined for no adjustment. */
  cifFobPct?: Decimal | undefined;
  cifFobOrigin: Origin | null;
}

export interface MatchedSide {
  series: PartnerSeries;
  by: MatchBy;
}

export interface MirrorAssumptions {
  reporter: Dataset;
  partner: Dataset;
  /** The reporter's trade with the partner, from the reporter's data, and how the partner was found there. */
  reporterSide: MatchedSide;
  /** The partner's trade with the reporter, from the partner's data. */
  partnerSide: MatchedSide;
  year: number | undefined;
  cifFobPct: Decimal | null;
  origins: { year: Origin; cifFobPct: Origin | null };
}

const CIF_FOB_MAX = 100;
const CIF_FOB_EXPECTED = `a CIF/FOB margin in percent such as ${CIF_FOB_DEFAULT_PCT}, from 0 to ${CIF_FOB_MAX}; 6 divides imports by 1.06`;

/** The CIF/FOB margin: "6", "6%", "4.5". */
export function parseCifFob(option: string, raw: string): Decimal {
  const parsed = parseDecimal(raw.trim().replace(/%$/, ''));
  if (!parsed) throw new UsageError(`${option} ${JSON.stringify(raw)} is not a number (expected ${CIF_FOB_EXPECTED})`);
  if (parsed.value.isNegative() || parsed.value.gt(CIF_FOB_MAX)) throw new UsageError(`${option} ${JSON.stringify(raw)} is out of range (expected ${CIF_FOB_EXPECTED})`);
  return parsed.value;
}

export function parseMirror(raw: RawOptions, _args: unknown, common: CommonOptions): MirrorOptions {
  const { reporter, partner } = common.selection;
  if (reporter === undefined || partner === undefined) {
    throw new UsageError(`mirror compares two reporters: give ${reporter === undefined ? '--reporter A' : ''}${reporter === undefined && partner === undefined ? ' and ' : ''}${partner === undefined ? '--partner B' : ''} (A's figures for its trade with B are compared with B's for its trade with A)`);
  }
  const year = typeof raw.year === 'string' ? parseCalendarYear('--year', raw.year) : undefined;
  const cif = raw.cifFob;
  const cifFobPct = cif === true ? new Decimal(CIF_FOB_DEFAULT_PCT) : typeof cif === 'string' ? parseCifFob('--cif-fob', cif) : undefined;
  return { reporter, partner, year, cifFobPct, cifFobOrigin: cif === true ? BUILT_IN : cif === undefined ? null : OPTION };
}

const listed = (names: readonly string[], max = 12) => (names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', '));

/** The partner as a reporter of the inputs; when the inputs have it only as a partner of the reporter, say that both are needed. */
function partnerDataset(loaded: LoadedDatasets, opts: MirrorOptions, reporter: Dataset): Dataset {
  const is = matcher(opts.partner);
  const found = loaded.datasets.filter((d) => is(d.reporter, d.reporterCode) || d.id === opts.partner.trim().toLowerCase());
  if (found.length > 1) throw new UsageError(`--partner ${JSON.stringify(opts.partner)} matches ${found.length} reporters in ${loaded.name}: ${found.map((d) => `${d.reporter} (id ${d.id})`).join('; ')}; give the id or the code`);
  const names = loaded.datasets.map((d) => d.reporter);
  if (found.length === 0) {
    const asPartner = reporter.partners.find((p) => is(p.partner, p.partnerCode));
    if (asPartner) {
      throw new DataError(
        `mirror needs ${asPartner.partner} as a reporter too: ${loaded.name} has only ${possessive(reporter.reporter)} figures for their trade (reporters: ${listed(names)}; load data that both report, such as one Comtrade download with both reporters, or BACI)`,
      );
    }
    throw new UsageError(`--partner ${JSON.stringify(opts.partner)} is not a reporter in ${loaded.name}${didYouMean(opts.partner, names)} (reporters: ${listed(names)})`);
  }
  const partner = found[0]!;
  if (partner === reporter) throw new UsageError(`--reporter ${JSON.stringify(opts.reporter)} and --partner ${JSON.stringify(opts.partner)} are the same reporter, ${reporter.reporter} (mirror compares two)`);
  return partner;
}

/** `whose` data's series for its trade with `other`, matched by code, then name, then the country table. */
function sideOf(whose: Dataset, other: Dataset): MatchedSide {
  const target = { name: other.reporter, code: other.reporterCode, scheme: schemeOf(other) };
  const scheme = schemeOf(whose);
  const m = matchParty(target, whose.partners, (p) => ({ name: p.partner, code: p.partnerCode, scheme }));
  const who = `${other.reporter}${other.reporterCode ? ` (code ${other.reporterCode})` : ''}`;
  if (m.found) return { series: m.found, by: m.by };
  if (m.candidates.length > 1) {
    const list = m.candidates.map((p) => `${p.partner}${p.partnerCode ? ` (code ${p.partnerCode})` : ''}`).join('; ');
    throw new DataError(`${possessive(whose.reporter)} data has ${m.candidates.length} partners that could be ${who}, all by ${m.by}: ${list}; mirror will not guess (give each partner its own code)`);
  }
  const partners = whose.partners.map((p) => p.partner);
  throw new DataError(
    `${possessive(whose.reporter)} data has no partner that is ${who}: no partner has its code, its name, or a name the country table gives the same ISO code (partners: ${partners.length === 0 ? 'none, only the total trade' : listed(partners)})`,
  );
}

export function resolveMirror(opts: MirrorOptions, loaded: LoadedDatasets): MirrorAssumptions {
  const reporter = pickReporter(loaded, opts.reporter);
  const partner = partnerDataset(loaded, opts, reporter);
  if (reporter.currency !== partner.currency) {
    throw new DataError(`${reporter.reporter} reports in ${reporter.currency} and ${partner.reporter} in ${partner.currency}: nothing is converted, so their figures cannot be compared (load both in one currency)`);
  }
  const reporterSide = sideOf(reporter, partner);
  const partnerSide = sideOf(partner, reporter);
  // The years both sides have: a year asked for must be one of them.
  const all = computeMirror(reporter, partner, reporterSide.series, partnerSide.series, { cifFobPct: null });
  const years = all.path.map((p) => p.year);
  if (years.length === 0) {
    const span = (s: PartnerSeries) => {
      const ys = [...new Set([...s.years.map((y) => y.year), ...s.gaps.map((g) => g.year)])].sort((a, b) => a - b);
      return ys.length === 0 ? 'no year' : ys.join(', ');
    };
    throw new DataError(
      `${reporter.reporter} and ${partner.reporter} report no year of their trade in common that can be compared (${possessive(reporter.reporter)} figures with ${reporterSide.series.partner}: ${span(reporterSide.series)}; ${possessive(partner.reporter)} with ${partnerSide.series.partner}: ${span(partnerSide.series)}; a year to date is not a year)`,
    );
  }
  if (opts.year !== undefined && !years.includes(opts.year)) {
    const why = all.notCompared.find((n) => n.year === opts.year);
    const reason = why ? ` (${NOT_COMPARED_WORDS[why.reason](reporter.reporter, partner.reporter)})` : '';
    throw new UsageError(`--year ${opts.year} is not a year both ${reporter.reporter} and ${partner.reporter} report${reason}; years compared: ${years.join(', ')}`);
  }
  return {
    reporter,
    partner,
    reporterSide,
    partnerSide,
    year: opts.year,
    cifFobPct: opts.cifFobPct ?? null,
    origins: { year: opts.year === undefined ? BUILT_IN : OPTION, cifFobPct: opts.cifFobOrigin },
  };
}

export function computeMirrorReport(a: MirrorAssumptions): MirrorReport {
  const importsCif = { reporter: valuedCif(a.reporter.provenance?.valuation.imports), partner: valuedCif(a.partner.provenance?.valuation.imports) };
  return computeMirror(a.reporter, a.partner, a.reporterSide.series, a.partnerSide.series, { year: a.year, cifFobPct: a.cifFobPct, importsCif });
}

function pathDoc(p: MirrorYear): MirrorDocument['path'][number] {
  const flow = (f: MirrorYear['exportsToPartner']) => (f ? { reported: f.reported, mirror: f.mirror, gap: f.gap, gapPct: f.gapPct, adjusted: f.adjusted ? { ...f.adjusted } : null } : null);
  return { year: p.year, exportsToPartner: flow(p.exportsToPartner), importsFromPartner: flow(p.importsFromPartner), balanceWithPartner: p.balanceWithPartner ? { ...p.balanceWithPartner } : null };
}

export function mirrorDocument(r: MirrorReport, a: MirrorAssumptions): MirrorDocument {
  const match = (s: MatchedSide) => ({ partner: s.series.partner, partnerCode: s.series.partnerCode ?? null, by: s.by });
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'mirror',
    dataset: datasetDoc(r.reporter),
    assumptions: { year: a.year ?? null, cifFobPct: a.cifFobPct, origins: a.origins },
    partnerDataset: datasetDoc(r.partner),
    matching: { partnerInReporterData: match(a.reporterSide), reporterInPartnerData: match(a.partnerSide) },
    reporterImportValuation: a.reporter.provenance?.valuation.imports ?? null,
    partnerImportValuation: a.partner.provenance?.valuation.imports ?? null,
    yearCount: r.path.length,
    path: r.path.map(pathDoc),
    notCompared: r.notCompared.map((n) => ({ ...n })),
  };
}

const flowColumns = (key: 'exportsToPartner' | 'importsFromPartner', prefix: string): (readonly [string, string])[] => [
  [`${prefix}Reported`, `${key}.reported`],
  [`${prefix}Mirror`, `${key}.mirror`],
  [`${prefix}Gap`, `${key}.gap`],
  [`${prefix}GapPct`, `${key}.gapPct`],
];
const adjustedColumns = (key: 'exportsToPartner' | 'importsFromPartner', prefix: string): (readonly [string, string])[] => [
  [`${prefix}AdjustedReported`, `${key}.adjusted.reported`],
  [`${prefix}AdjustedMirror`, `${key}.adjusted.mirror`],
  [`${prefix}AdjustedGap`, `${key}.adjusted.gap`],
  [`${prefix}AdjustedGapPct`, `${key}.adjusted.gapPct`],
];

export const mirrorSpec: ReportSpec<MirrorOptions, MirrorAssumptions, MirrorReport, MirrorDocument, 'datasets'> = {
  input: 'datasets',
  parse: parseMirror,
  // Both reporters are read: the selection is not narrowed to --reporter, and --partner is not a bilateral view.
  source: (_opts, common) => ({ ...common.selection, reporter: undefined, partner: undefined }),
  resolve: resolveMirror,
  compute: computeMirrorReport,
  toDocument: mirrorDocument,
  columns: (doc): Columns => ({
    kind: 'rows',
    rows: 'path',
    columns: [
      ['year', 'year'],
      ['reporter', '$.dataset.reporter'],
      ['partner', '$.partnerDataset.reporter'],
      ...flowColumns('exportsToPartner', 'exports'),
      ...flowColumns('importsFromPartner', 'imports'),
      ['balanceReported', 'balanceWithPartner.reported'],
      ['balanceMirror', 'balanceWithPartner.mirror'],
      ['balanceGap', 'balanceWithPartner.gap'],
      ...(doc.assumptions.cifFobPct ? [['cifFobPct', '$.assumptions.cifFobPct'] as const, ...adjustedColumns('exportsToPartner', 'exports'), ...adjustedColumns('importsFromPartner', 'imports')] : []),
    ],
  }),
  notes: (doc) => mirrorNotes(doc),
  text: async (doc, ctx) => (await import('../render/mirror-text.js')).renderMirrorAsText(doc, ctx),
};
