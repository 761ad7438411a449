// From figures by reporter × partner × period to datasets. Two ways in:
//   - statements (our own CSV and JSON): each reporter, partner and period is stated once, and a
//     second statement of the same one is an error;
//   - flows (publishers' files, src/data/formats): rows are summed exactly, and totals are never
//     summed with their parts — each row carries its rank (0 for a row that is a total in every
//     dimension: partner World, commodity TOTAL, all procedures, all modes of transport), and for
//     each reporter, partner, period and flow only the rows of the best rank present are summed.
// Then years come from annual figures, or from twelve months when only months are given; fewer
// months make a year-to-date, a missing flow a gap, and neither is passed off as a year.
import { Decimal, ZERO } from '../core/decimal.js';
import type { Dataset, Figure, ImportProvenance, MonthRecord, PartnerSeries, Provenance, YearGap, YearRecord } from '../core/types.js';
import { DataError } from '../errors.js';
import { AMOUNT_MAX_ABS } from '../core/limits.js';
import { MAX_DECIMAL_PLACES } from './units.js';
import { idsFor } from './identity.js';

export const WORLD = 'World';

export type Flow = 'exports' | 'imports';

/** What a source states for one reporter, partner and period. */
export interface Statement {
  exports?: Figure | undefined;
  imports?: Figure | undefined;
  exportGrowthPct?: Figure | undefined;
  importGrowthPct?: Figure | undefined;
}

const STATED = ['exports', 'imports', 'exportGrowthPct', 'importGrowthPct'] as const;

interface PartnerEntry {
  code?: string | undefined;
  periods: Map<string, Statement>;
  /** Where each period's flow was first stated (key `period flow`), for the message when it is stated again. */
  where?: Map<string, string> | undefined;
}

interface ReporterEntry {
  code?: string | undefined;
  currency: string;
  /** Where the currency was first seen, for a message when another appears. */
  currencyWhere: string;
  partners: Map<string, PartnerEntry>;
}

export interface ReporterMeta {
  title: string;
  source: Provenance;
  provenance?: ImportProvenance | undefined;
}

/** Figures by reporter, partner and period, each stated once. */
export class SeriesBuilder {
  readonly reporters = new Map<string, ReporterEntry>();
  readonly problems: string[] = [];
  /** The currency clashes said already: a set, as a file in another currency clashes in every cell. */
  private readonly said = new Set<string>();

  /** Records a statement; a second one for the same reporter, partner, period and field is a problem. */
  put(reporter: string, partner: string, period: string, statement: Statement, where: string, codes: { reporter?: string | undefined; partner?: string | undefined; currency: string }): void {
    let r = this.reporters.get(reporter);
    if (!r) {
      r = { code: codes.reporter, currency: codes.currency, currencyWhere: where, partners: new Map() };
      this.reporters.set(reporter, r);
    } else if (r.currency !== codes.currency) {
      // Said once per pair of places, not once per figure.
      const problem = `${where}: ${reporter} in ${codes.currency}, but in ${r.currency} at ${r.currencyWhere} (nothing is converted: give one currency per reporter)`;
      if (!this.said.has(problem)) {
        this.said.add(problem);
        this.problems.push(problem);
      }
      return;
    }
    r.code ??= codes.reporter;
    let p = r.partners.get(partner);
    if (!p) {
      p = { code: codes.partner, periods: new Map() };
      r.partners.set(partner, p);
    }
    p.code ??= codes.partner;
    const seen = (p.where ??= new Map());
    const existing = p.periods.get(period);
    if (!existing) {
      p.periods.set(period, { ...statement });
      for (const key of STATED) if (statement[key] !== undefined) seen.set(`${period} ${key}`, where);
      return;
    }
    const twice: string[] = [];
    let first: string | undefined;
    for (const key of STATED) {
      if (statement[key] === undefined) continue;
      if (existing[key] !== undefined) {
        twice.push(key);
        first ??= seen.get(`${period} ${key}`);
        continue;
      }
      existing[key] = statement[key];
      seen.set(`${period} ${key}`, where);
    }
    if (twice.length > 0) {
      const who = partner === WORLD ? reporter : `${reporter} with ${partner}`;
      this.problems.push(`${where}: ${who} ${period} ${twice.join(' and ')} ${twice.length > 1 ? 'appear' : 'appears'} twice${first ? ` (also at ${first})` : ''}; give each reporter, partner, period and flow once`);
    }
  }

  /** Makes sure a reporter, partner and period exist, with nothing stated (a cell whose value is unknown). */
  touch(reporter: string, partner: string, period: string, codes: { reporter?: string | undefined; partner?: string | undefined; currency: string }): void {
    let r = this.reporters.get(reporter);
    if (!r) {
      r = { code: codes.reporter, currency: codes.currency, currencyWhere: 'an unknown cell', partners: new Map() };
      this.reporters.set(reporter, r);
    }
    let p = r.partners.get(partner);
    if (!p) {
      p = { code: codes.partner, periods: new Map() };
      r.partners.set(partner, p);
    }
    if (!p.periods.has(period)) p.periods.set(period, {});
  }

  /** One dataset per reporter, in the order first seen. `meta` gives each its title and source. */
  build(meta: (reporter: string) => ReporterMeta): Dataset[] {
    if (this.problems.length > 0) throw new DataError('invalid dataset', this.problems);
    const ids = idsFor(this.reporters.keys());
    const datasets: Dataset[] = [];
    for (const [reporter, r] of this.reporters) {
      const world = r.partners.get(WORLD);
      const series = world ? seriesOf(world.periods) : { years: [], months: [], gaps: [] };
      const partners: PartnerSeries[] = [];
      for (const [partner, p] of r.partners) {
        if (partner === WORLD) continue;
        // A partner of which nothing is known (its only rows had no value) is not a partner to list.
        const ps = seriesOf(p.periods);
        if (ps.years.length === 0 && ps.months.length === 0 && ps.gaps.length === 0) continue;
        partners.push({ partner, partnerCode: p.code, ...ps });
      }
      const m = meta(reporter);
      datasets.push({
        id: ids.get(reporter)!,
        title: m.title,
        reporter,
        reporterCode: r.code,
        partner: WORLD,
        currency: r.currency,
        source: m.source,
        ...series,
        forecasts: [],
        claims: [],
        scenarios: [],
        partners,
        provenance: m.provenance,
      });
    }
    return datasets;
  }
}

function sumFigures(figs: readonly Figure[]): Figure {
  let value = ZERO;
  let halfWidth = ZERO;
  for (const f of figs) {
    value = value.plus(f.value);
    halfWidth = halfWidth.plus(f.halfWidth);
  }
  return { value, halfWidth, stated: value.toFixed() };
}

const YEAR = /^\d{4}$/;

/** Years, months and gaps from statements by period ("2025" or "2025-12"). */
export function seriesOf(periods: ReadonlyMap<string, Statement>): { years: YearRecord[]; months: MonthRecord[]; gaps: YearGap[] } {
  const years: YearRecord[] = [];
  const months: MonthRecord[] = [];
  const gaps: YearGap[] = [];
  const annual = new Map<number, Statement>();
  const byYear = new Map<number, MonthRecord[]>();
  for (const [period, st] of periods) {
    if (YEAR.test(period)) {
      annual.set(Number(period), st);
      continue;
    }
    const year = Number(period.slice(0, 4));
    const m: MonthRecord = { month: period, exports: st.exports, imports: st.imports, exportGrowthPct: st.exportGrowthPct, importGrowthPct: st.importGrowthPct };
    months.push(m);
    const list = byYear.get(year);
    if (list) list.push(m);
    else byYear.set(year, [m]);
  }
  const derived = new Set<number>();
  for (const [year, list] of byYear) {
    const a = annual.get(year);
    if (a?.exports && a.imports) continue;
    const valued = list.filter((m) => m.exports && m.imports);
    if (valued.length === 12) {
      years.push({ year, exports: sumFigures(valued.map((m) => m.exports!)), imports: sumFigures(valued.map((m) => m.imports!)), basis: 'months' });
      derived.add(year);
      continue;
    }
    if (a) continue;
    if (valued.length === 0) {
      // Months of one flow only (an exports file without its imports): the other is unknown.
      const has = (f: 'exports' | 'imports') => list.some((m) => m[f]);
      if (has('exports') !== has('imports')) gaps.push({ year, reason: 'missing-flow', missing: has('exports') ? ['imports'] : ['exports'] });
      continue;
    }
    gaps.push({
      year,
      reason: 'year-to-date',
      months: valued.map((m) => Number(m.month.slice(5))).sort((x, y) => x - y),
      exports: sumFigures(valued.map((m) => m.exports!)).value,
      imports: sumFigures(valued.map((m) => m.imports!)).value,
    });
  }
  for (const [year, st] of annual) {
    if (st.exports && st.imports) years.push({ year, exports: st.exports, imports: st.imports, exportGrowthPct: st.exportGrowthPct, importGrowthPct: st.importGrowthPct, basis: 'annual' });
    else if ((st.exports || st.imports) && !derived.has(year)) gaps.push({ year, reason: 'missing-flow', missing: st.exports ? ['imports'] : ['exports'], exports: st.exports, imports: st.imports });
  }
  years.sort((a, b) => a.year - b.year);
  months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  gaps.sort((a, b) => a.year - b.year);
  return { years, months, gaps };
}

// ---------------------------------------------------------------------------------------------
// Flows: publishers' rows, summed.

interface Group {
  rank: number;
  value: Decimal;
  halfWidth: Decimal;
  rowCount: number;
  /** Why these rows are left out when a better rank is present. */
  partsReason: string;
  /** The rows by the file they came from (the file's number in the load). */
  files: Map<number, number>;
  /** Rows of this rank whose value is missing: the group's sum is not the total it would be. */
  missing: number;
}

/** Why rows are not summed when their total, or another row of the same sum, has no value. */
export const INCOMPLETE_REASON = 'rows of a sum with a missing value (the total itself, or one of its parts): not added, as the sum would not be the total';

/** What became of one file's rows: how many were read, summed, and left out by reason. */
export interface FileAccount {
  rowCount: number;
  usedRowCount: number;
  excluded: Map<string, number>;
}

/** What a flow figure is of: a reporter's trade with a partner in a period, one flow, in a currency. */
interface FlowKey {
  reporter: string;
  reporterCode?: string | undefined;
  partner: string;
  partnerCode?: string | undefined;
  /** "2024" or "2024-01". */
  period: string;
  flow: Flow;
  currency: string;
}

interface FlowCell extends FlowKey {
  /** A part of the cell is missing: no sum of it is a total. */
  unknown?: string | undefined;
  /** The file that gave the currency, for a message when another gives another. */
  currencyFile: number;
  groups: Group[];
}

export interface FlowRow extends FlowKey {
  /** In currency units (the file's scale already applied). */
  value: Decimal;
  /** Half a unit of the last digit the file states, in currency units. */
  halfWidth: Decimal;
  /** 0 for a total in every dimension; parts rank higher. Rows of one cell are summed only within the best rank. */
  rank: number;
  /** Why rows of this rank are left out when a better one is present. */
  partsReason: string;
  /** How many file rows this is (an engine hands over groups already summed). */
  rowCount?: number | undefined;
}

/** Sums publishers' rows by reporter, partner, period and flow, keeping totals apart from their parts. */
export class FlowTable {
  private readonly cells = new Map<string, FlowCell>();
  private readonly excluded = new Map<string, number>();
  private readonly accounts = new Map<number, FileAccount>();
  private file = 0;
  private account: FileAccount = this.accountOf(0);
  rowCount = 0;

  private readonly fileNames = new Map<number, string>();

  /** The file the rows that follow come from (its number in the load, and its name for messages), for each file's account. */
  setFile(file: number, name?: string): void {
    this.file = file;
    this.account = this.accountOf(file);
    if (name !== undefined) this.fileNames.set(file, name);
  }

  private accountOf(file: number): FileAccount {
    let a = this.accounts.get(file);
    if (!a) this.accounts.set(file, (a = { rowCount: 0, usedRowCount: 0, excluded: new Map() }));
    return a;
  }

  add(row: FlowRow): void {
    const n = row.rowCount ?? 1;
    this.rowCount += n;
    this.account.rowCount += n;
    const cell = this.cellOf(row);
    const group = this.groupOf(cell, row);
    group.value = group.value.plus(row.value);
    group.halfWidth = group.halfWidth.plus(row.halfWidth);
    group.rowCount += n;
    group.files.set(this.file, (group.files.get(this.file) ?? 0) + n);
  }

  private cellOf(row: Omit<FlowRow, 'value' | 'halfWidth'>): FlowCell {
    const key = `${row.reporter}\u0000${row.partner}\u0000${row.period}\u0000${row.flow}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { reporter: row.reporter, reporterCode: row.reporterCode, partner: row.partner, partnerCode: row.partnerCode, period: row.period, flow: row.flow, currency: row.currency, currencyFile: this.file, groups: [] };
      this.cells.set(key, cell);
    } else if (cell.currency === '') {
      cell.currency = row.currency;
      cell.currencyFile = this.file;
    } else if (cell.currency !== row.currency) {
      const where = (file: number, currency: string) => {
        const name = this.fileNames.get(file);
        return name === undefined ? currency : `${currency} (${name})`;
      };
      throw new DataError(`${row.reporter} ${row.period} ${row.flow} is given in ${where(cell.currencyFile, cell.currency)} and in ${where(this.file, row.currency)}: nothing is converted (import the files of one currency)`);
    }
    return cell;
  }

  /**
   * The rows of one rank and one kind of split: rows split by customs procedure and rows split by
   * mode of transport are two breakdowns of the same total, never summed together.
   */
  private groupOf(cell: FlowCell, row: Pick<FlowRow, 'rank' | 'partsReason'>): Group {
    let group = cell.groups.find((g) => g.rank === row.rank && g.partsReason === row.partsReason);
    if (!group) {
      group = { rank: row.rank, value: ZERO, halfWidth: ZERO, rowCount: 0, partsReason: row.partsReason, files: new Map(), missing: 0 };
      cell.groups.push(group);
    }
    return group;
  }

  /**
   * Rows whose value is missing (not zero): left out for `reason`, and their sum marked incomplete.
   * If theirs is the best rank present (a total with no value, or a part of the only breakdown), the
   * cell has no figure: it becomes a gap, never a sum of what is left.
   */
  addMissing(row: Omit<FlowRow, 'value' | 'halfWidth'>, reason: string): void {
    const n = row.rowCount ?? 1;
    this.groupOf(this.cellOf(row), row).missing += n;
    this.exclude(reason, n);
  }

  /** Rows read but not summed, with the reason ("re-exports: already inside exports"). */
  exclude(reason: string, rowCount = 1): void {
    this.rowCount += rowCount;
    this.account.rowCount += rowCount;
    if (rowCount > 0) {
      this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + rowCount);
      this.account.excluded.set(reason, (this.account.excluded.get(reason) ?? 0) + rowCount);
    }
  }

  /** A cell with a missing part: whatever is summed into it is left out, and it becomes a gap. */
  unknown(cell: { reporter: string; partner: string; period: string; flow: Flow }, reason: string, currency: string): void {
    const key = `${cell.reporter}\u0000${cell.partner}\u0000${cell.period}\u0000${cell.flow}`;
    const existing = this.cells.get(key);
    if (existing) existing.unknown ??= reason;
    else this.cells.set(key, { ...cell, currency, currencyFile: this.file, groups: [], unknown: reason });
  }

  get isEmpty(): boolean {
    return this.cells.size === 0;
  }

  /** The rows left out so far, by reason, the most first. */
  leftOut(): { reason: string; rowCount: number }[] {
    return sortedReasons(this.excluded);
  }

  /**
   * The sums, statement by statement, into `into`; returns the rows used and left out, in all and
   * by file (`files`: each file's rows read, summed and left out, so that a dataset's provenance can
   * count the rows of its own files).
   */
  finish(into: SeriesBuilder, where: string): { usedRowCount: number; excluded: { reason: string; rowCount: number }[]; files: Map<number, FileAccount> } {
    let used = 0;
    const excluded = new Map(this.excluded);
    const leaveOut = (g: Group, reason: string) => {
      excluded.set(reason, (excluded.get(reason) ?? 0) + g.rowCount);
      for (const [file, n] of g.files) {
        const a = this.accountOf(file);
        a.excluded.set(reason, (a.excluded.get(reason) ?? 0) + n);
      }
    };
    for (const cell of this.cells.values()) {
      if (cell.unknown !== undefined || cell.groups.length === 0) {
        for (const g of cell.groups) if (g.rowCount > 0) leaveOut(g, cell.unknown!);
        // The other flow of the period may be known: the period then has a gap, not a value.
        into.touch(cell.reporter, cell.partner, cell.period, { reporter: cell.reporterCode, partner: cell.partnerCode, currency: cell.currency });
        continue;
      }
      // The best rank present; of two breakdowns at that rank, a complete one, then the first by
      // its reason's text (so both engines choose alike).
      let best = cell.groups[0]!;
      for (const g of cell.groups) {
        if (g.rank !== best.rank ? g.rank < best.rank : (g.missing === 0) !== (best.missing === 0) ? g.missing === 0 : g.partsReason < best.partsReason) best = g;
      }
      if (best.missing > 0) {
        for (const g of cell.groups) if (g.rowCount > 0) leaveOut(g, INCOMPLETE_REASON);
        into.touch(cell.reporter, cell.partner, cell.period, { reporter: cell.reporterCode, partner: cell.partnerCode, currency: cell.currency });
        continue;
      }
      used += best.rowCount;
      for (const [file, n] of best.files) this.accountOf(file).usedRowCount += n;
      for (const g of cell.groups) {
        if (g === best || g.rowCount === 0) continue;
        // Beside a total, its parts; at the same rank, another breakdown of the same total.
        leaveOut(g, g.rank === best.rank ? `${breakdown(g.partsReason)}: another breakdown of what ${breakdown(best.partsReason)} already sum, not added to it` : g.partsReason);
      }
      // A sum outside what a dataset may hold (a negative flow, beyond 10^21, finer than 20 decimal
      // places) is no trade figure: refused as a dataset file would refuse it, never written out.
      const domain = outOfDomain(best.value);
      if (domain !== null) {
        const who = cell.partner === WORLD ? cell.reporter : `${cell.reporter} with ${cell.partner}`;
        into.problems.push(`${who} ${cell.period} ${cell.flow}: ${domain}`);
        continue;
      }
      const figure: Figure = { value: best.value, halfWidth: best.halfWidth, stated: best.value.toFixed() };
      // Where the figure comes from: its files, for a message about it (another currency elsewhere).
      const files = [...best.files.keys()].map((f) => this.fileNames.get(f)).filter((n) => n !== undefined);
      into.put(cell.reporter, cell.partner, cell.period, { [cell.flow]: figure }, files.length > 0 ? files.join(', ') : where, { reporter: cell.reporterCode, partner: cell.partnerCode, currency: cell.currency });
    }
    return { usedRowCount: used, excluded: sortedReasons(excluded), files: this.accounts };
  }
}

const MAX_FLOW = new Decimal(AMOUNT_MAX_ABS);

/** Why a summed flow cannot be a dataset's figure, or null when it can. */
function outOfDomain(value: Decimal): string | null {
  const shown = value.toFixed();
  const text = shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
  if (value.isNegative() && !value.isZero()) return `the rows sum to ${text}, below zero (trade flows are never below zero)`;
  if (value.gt(MAX_FLOW)) return `the rows sum to ${text}, beyond ${AMOUNT_MAX_ABS} (no trade figure is that large)`;
  if (value.decimalPlaces() > MAX_DECIMAL_PLACES) return `the rows sum to ${text}, with more than ${MAX_DECIMAL_PLACES} decimal places`;
  return null;
}

/** "rows by modes of transport" of a parts reason ("rows by modes of transport beside the totals…"). */
function breakdown(partsReason: string): string {
  return partsReason.split(' beside ')[0]!;
}

/** Reasons by their row counts, the most first; equal counts in the order of their text (so both engines agree). */
export function sortedReasons(excluded: ReadonlyMap<string, number>): { reason: string; rowCount: number }[] {
  return [...excluded].map(([reason, rowCount]) => ({ reason, rowCount })).sort((a, b) => b.rowCount - a.rowCount || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
