// Trade by partner for one reporter and one year: each partner's exports, imports and balance, its
// shares, the change on the year before, the partners beyond the top N as one row, and the check
// of the partners against the world total (what is not allocated to a partner is shown as such).
// Pure: a dataset in, Decimals out.
//
// Definitions (docs/commands/partners.md):
//   - a partner row is a partner with a complete year (both flows for the whole year); a partner
//     with a year-to-date or one flow only is listed apart and left out of the sums;
//   - shares of exports, imports and total trade are of the world total when the data has it for
//     the year, else of the sum of the partners (`shareBasis`);
//   - the balance share is taken within its side: a surplus as a share of the surpluses with all
//     partners, a deficit as a share of all the deficits. A row of several partners holds a share
//     of each side (its partners in surplus, and those in deficit). Each side sums to 100 %;
//   - unallocated = world − sum of the partner rows, flow by flow, so the partners and what is
//     unallocated add up to the world exactly.
import { HUNDRED, ZERO, type Decimal } from './decimal.js';
import { growthPct } from './summary.js';
import { type Dataset, type DatasetInfo, type PartnerSeries, type YearGap, type YearRecord, datasetInfo } from './types.js';

/** What the rows are ordered by (`--sort`) or what the chart and the share shown are about (`--flow`). */
export type PartnerMeasure = 'balance' | 'exports' | 'imports' | 'total';

export interface PartnersOptions {
  year: number;
  /** How many partners get a row of their own; the rest are one "other partners" row. */
  top: number;
  sort: PartnerMeasure;
}

export interface Flows {
  exports: Decimal;
  imports: Decimal;
  balance: Decimal;
  totalTrade: Decimal;
}

export type RowKind = 'partner' | 'other-partners' | 'all-partners' | 'world' | 'unallocated';

export interface PartnerChange {
  prior: { exports: Decimal; imports: Decimal; balance: Decimal };
  exportGrowthPct: Decimal | null;
  importGrowthPct: Decimal | null;
  balanceChange: Decimal;
  totalTradeChange: Decimal;
}

export interface PartnerRow extends Flows {
  row: RowKind;
  /** 1 for the partner first by the sort; null for the rows that are not one partner. */
  rank: number | null;
  partner: string | null;
  partnerCode: string | null;
  /** The partners the row holds; null for the world and the unallocated rows. */
  partnerCount: number | null;
  shareOfExportsPct: Decimal | null;
  shareOfImportsPct: Decimal | null;
  shareOfTradePct: Decimal | null;
  /** The row's surpluses as a share of the surpluses with all partners; null for world and unallocated, or when no partner is in surplus. */
  shareOfSurplusesPct: Decimal | null;
  /** The row's deficits as a share of the deficits with all partners (a positive share). */
  shareOfDeficitsPct: Decimal | null;
  /** Against the year before: null when the row (or any partner in it) has no complete year before. */
  change: PartnerChange | null;
}

export type IncompletePartner =
  | { partner: string; partnerCode: string | null; reason: 'year-to-date'; months: number[]; exports: Decimal | null; imports: Decimal | null }
  | { partner: string; partnerCode: string | null; reason: 'missing-flow'; missing: ('exports' | 'imports')[]; exports: Decimal | null; imports: Decimal | null };

export type WorldStatus = 'complete' | 'year-to-date' | 'missing-flow' | 'none';

export interface SideTotal {
  partnerCount: number;
  /** The sum of the balances on that side: positive for surpluses, negative for deficits. */
  balance: Decimal;
}

export interface PartnersReport {
  dataset: DatasetInfo;
  year: number;
  priorYear: number;
  /** Partners with a complete year. */
  partnerCount: number;
  /** The top partners in sort order, then "other partners" (when any), "all partners", and, when the data has the year's world total, "world" and "unallocated". */
  rows: PartnerRow[];
  worldStatus: WorldStatus;
  shareBasis: 'world' | 'partners';
  surpluses: SideTotal;
  deficits: SideTotal;
  incomplete: IncompletePartner[];
}

/** The years a reporter's partner data has: complete ones (ascending), and year-to-date ones with their months. */
export function partnerYears(ds: Pick<Dataset, 'partners'>): { complete: number[]; yearToDate: Map<number, number[]> } {
  const complete = new Set<number>();
  const yearToDate = new Map<number, number[]>();
  for (const p of ds.partners) {
    for (const y of p.years) complete.add(y.year);
    for (const g of p.gaps) {
      if (g.reason !== 'year-to-date') continue;
      const months = new Set([...(yearToDate.get(g.year) ?? []), ...g.months]);
      yearToDate.set(g.year, [...months].sort((a, b) => a - b));
    }
  }
  return { complete: [...complete].sort((a, b) => a - b), yearToDate };
}

function flowsOf(exports: Decimal, imports: Decimal): Flows {
  return { exports, imports, balance: exports.minus(imports), totalTrade: exports.plus(imports) };
}

const figures = (y: YearRecord): Flows => flowsOf(y.exports.value, y.imports.value);

function sum(list: readonly Flows[]): Flows {
  let exports = ZERO;
  let imports = ZERO;
  for (const f of list) {
    exports = exports.plus(f.exports);
    imports = imports.plus(f.imports);
  }
  return flowsOf(exports, imports);
}

/** part ÷ whole in percent; null when the whole is zero. */
function share(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).times(HUNDRED);
}

function changeOf(now: Flows, prior: Flows | null): PartnerChange | null {
  if (!prior) return null;
  return {
    prior: { exports: prior.exports, imports: prior.imports, balance: prior.balance },
    exportGrowthPct: growthPct(prior.exports, now.exports),
    importGrowthPct: growthPct(prior.imports, now.imports),
    balanceChange: now.balance.minus(prior.balance),
    totalTradeChange: now.totalTrade.minus(prior.totalTrade),
  };
}

interface Member {
  series: PartnerSeries;
  now: Flows;
  prior: Flows | null;
}

/** The value a row is ordered by: the size of the balance (surplus or deficit alike), or a flow. */
export function sortValue(f: Flows, sort: PartnerMeasure): Decimal {
  switch (sort) {
    case 'balance':
      return f.balance.abs();
    case 'exports':
      return f.exports;
    case 'imports':
      return f.imports;
    case 'total':
      return f.totalTrade;
  }
}

function gapOf(p: PartnerSeries, year: number): YearGap | undefined {
  return p.gaps.find((g) => g.year === year);
}

function worldStatusOf(ds: Dataset, year: number): WorldStatus {
  if (ds.years.some((y) => y.year === year)) return 'complete';
  const gap = ds.gaps.find((g) => g.year === year);
  return gap ? gap.reason : 'none';
}

export function computePartners(ds: Dataset, opts: PartnersOptions): PartnersReport {
  const { year } = opts;
  const priorYear = year - 1;
  const members: Member[] = [];
  const incomplete: IncompletePartner[] = [];
  for (const series of ds.partners) {
    const rec = series.years.find((y) => y.year === year);
    if (rec) {
      const before = series.years.find((y) => y.year === priorYear);
      members.push({ series, now: figures(rec), prior: before ? figures(before) : null });
      continue;
    }
    const gap = gapOf(series, year);
    if (!gap) continue;
    const code = series.partnerCode ?? null;
    if (gap.reason === 'year-to-date') incomplete.push({ partner: series.partner, partnerCode: code, reason: 'year-to-date', months: [...gap.months], exports: gap.exports, imports: gap.imports });
    else incomplete.push({ partner: series.partner, partnerCode: code, reason: 'missing-flow', missing: [...gap.missing], exports: gap.exports?.value ?? null, imports: gap.imports?.value ?? null });
  }

  // Biggest first; equal values in the order of the partners' names, so the order is the same every run.
  members.sort((a, b) => {
    const by = sortValue(b.now, opts.sort).comparedTo(sortValue(a.now, opts.sort));
    return by !== 0 ? by : a.series.partner < b.series.partner ? -1 : a.series.partner > b.series.partner ? 1 : 0;
  });

  const worldRec = ds.years.find((y) => y.year === year);
  const worldStatus = worldStatusOf(ds, year);
  const world = worldRec ? figures(worldRec) : null;
  const worldBefore = ds.years.find((y) => y.year === priorYear);
  const all = sum(members.map((m) => m.now));
  const base = world ?? all;

  let surplus = ZERO;
  let deficit = ZERO;
  let surplusCount = 0;
  let deficitCount = 0;
  for (const m of members) {
    if (m.now.balance.gt(0)) {
      surplus = surplus.plus(m.now.balance);
      surplusCount++;
    } else if (m.now.balance.lt(0)) {
      deficit = deficit.plus(m.now.balance);
      deficitCount++;
    }
  }

  const shares = (f: Flows) => ({
    shareOfExportsPct: share(f.exports, base.exports),
    shareOfImportsPct: share(f.imports, base.imports),
    shareOfTradePct: share(f.totalTrade, base.totalTrade),
  });
  /** A group's shares of each side: its partners in surplus against all surpluses, those in deficit against all deficits. */
  const sideShares = (group: readonly Member[]) => {
    let s = ZERO;
    let d = ZERO;
    for (const m of group) {
      if (m.now.balance.gt(0)) s = s.plus(m.now.balance);
      else if (m.now.balance.lt(0)) d = d.plus(m.now.balance);
    }
    // Deficits as magnitudes, so a group without any has 0 %, never −0 %.
    return { shareOfSurplusesPct: share(s, surplus), shareOfDeficitsPct: share(d.abs(), deficit.abs()) };
  };
  const groupRow = (row: 'other-partners' | 'all-partners', group: readonly Member[]): PartnerRow => {
    const now = sum(group.map((m) => m.now));
    const prior = group.every((m) => m.prior) ? sum(group.map((m) => m.prior!)) : null;
    return { row, rank: null, partner: null, partnerCode: null, partnerCount: group.length, ...now, ...shares(now), ...sideShares(group), change: changeOf(now, prior) };
  };

  const top = members.slice(0, opts.top);
  const rest = members.slice(opts.top);
  const rows: PartnerRow[] = top.map((m, i) => ({
    row: 'partner',
    rank: i + 1,
    partner: m.series.partner,
    partnerCode: m.series.partnerCode ?? null,
    partnerCount: 1,
    ...m.now,
    ...shares(m.now),
    ...sideShares([m]),
    change: changeOf(m.now, m.prior),
  }));
  if (rest.length > 0) rows.push(groupRow('other-partners', rest));
  rows.push(groupRow('all-partners', members));
  if (world) {
    const noSides = { shareOfSurplusesPct: null, shareOfDeficitsPct: null };
    rows.push({ row: 'world', rank: null, partner: null, partnerCode: null, partnerCount: null, ...world, ...shares(world), ...noSides, change: changeOf(world, worldBefore ? figures(worldBefore) : null) });
    // Flow by flow, so that partners + unallocated = world holds for every column.
    const unallocated = flowsOf(world.exports.minus(all.exports), world.imports.minus(all.imports));
    rows.push({ row: 'unallocated', rank: null, partner: null, partnerCode: null, partnerCount: null, ...unallocated, ...shares(unallocated), ...noSides, change: null });
  }

  return {
    dataset: datasetInfo(ds),
    year,
    priorYear,
    partnerCount: members.length,
    rows,
    worldStatus,
    shareBasis: world ? 'world' : 'partners',
    surpluses: { partnerCount: surplusCount, balance: surplus },
    deficits: { partnerCount: deficitCount, balance: deficit },
    incomplete: incomplete.sort((a, b) => (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : 0)),
  };
}
