// Mirror statistics: what reporter A says it traded with partner B, against what B says it traded
// with A. A's exports to B are B's imports from A seen from the other border, and the reverse; the
// two records differ by valuation (exports FOB, imports CIF), timing, re-exports through third
// places and errors. Pure: two partner series in, Decimals out.
//
// Definitions (docs/commands/mirror.md):
//   - gap = the reporter's figure − the partner's figure, so the view from B is the exact negative
//     of the view from A (A's exports gap is minus B's imports gap for the same goods);
//   - gap in percent of the importer's figure (B's imports for A's exports, A's imports for A's
//     imports): the same base from either side, so the percentages are exact negatives too;
//   - with a CIF/FOB factor f (a margin in percent), the importer's figure is divided by 1 + f/100
//     before the comparison: an adjustment, reported beside the gap, never in place of it, and made
//     only where the importer's imports are valued CIF.
import { HUNDRED, ONE, type Decimal } from './decimal.js';
import type { DatasetInfo, PartnerSeries } from './types.js';

export interface MirrorOptions {
  /** Compare this year only; all years both sides have when undefined. */
  year?: number | undefined;
  /** The CIF/FOB margin in percent (6 means imports ÷ 1.06); null for no adjustment. */
  cifFobPct: Decimal | null;
  /**
   * Whose imports are valued CIF, and so adjusted (default: both). Imports valued otherwise (FOB,
   * or the US customs value, which leaves out freight and insurance) are compared as they are.
   */
  importsCif?: { reporter: boolean; partner: boolean } | undefined;
}

export interface Comparison {
  /** The reporter's figure. */
  reported: Decimal;
  /** The partner's figure for the same flow. */
  mirror: Decimal;
  /** reported − mirror. */
  gap: Decimal;
  /** gap ÷ the importer's figure × 100; null when that is zero. */
  gapPct: Decimal | null;
}

export interface FlowComparison extends Comparison {
  /** The same with the importer's figure divided by the CIF/FOB factor; null without one. */
  adjusted: Comparison | null;
}

/** A balance has no percentage gap: it has no importer, and it may be near zero or change sign. */
export interface BalanceComparison {
  reported: Decimal;
  mirror: Decimal;
  gap: Decimal;
}

export interface MirrorYear {
  year: number;
  /** The reporter's exports to the partner against the partner's imports from the reporter. */
  exportsToPartner: FlowComparison | null;
  /** The reporter's imports from the partner against the partner's exports to the reporter. */
  importsFromPartner: FlowComparison | null;
  /** The reporter's balance with the partner as each side's figures give it; null unless both flows compare. */
  balanceWithPartner: BalanceComparison | null;
}

export type NotComparedReason = 'year-to-date' | 'reporter-only' | 'partner-only' | 'missing-flow';

export interface MirrorReport {
  reporter: DatasetInfo;
  partner: DatasetInfo;
  cifFobPct: Decimal | null;
  path: MirrorYear[];
  /** Years one side has that cannot be compared, with why. */
  notCompared: { year: number; reason: NotComparedReason }[];
}

interface YearFlows {
  exports: Decimal | null;
  imports: Decimal | null;
  yearToDate: boolean;
}

/** A series' flows in a year: a complete year, or the one flow a year with a missing flow has. A year to date is not a year. */
function flowsIn(s: PartnerSeries, year: number): YearFlows | null {
  const y = s.years.find((r) => r.year === year);
  if (y) return { exports: y.exports.value, imports: y.imports.value, yearToDate: false };
  const g = s.gaps.find((r) => r.year === year);
  if (!g) return null;
  if (g.reason === 'year-to-date') return { exports: null, imports: null, yearToDate: true };
  return { exports: g.exports?.value ?? null, imports: g.imports?.value ?? null, yearToDate: false };
}

function yearsOf(s: PartnerSeries): number[] {
  return [...s.years.map((y) => y.year), ...s.gaps.map((g) => g.year)];
}

function pct(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).times(HUNDRED);
}

function comparison(reported: Decimal, mirror: Decimal, importer: 'reported' | 'mirror'): Comparison {
  const gap = reported.minus(mirror);
  return { reported, mirror, gap, gapPct: pct(gap, importer === 'reported' ? reported : mirror) };
}

/**
 * One flow from both sides; `importer` says whose figure is the imports (the base of the
 * percentage, and what the factor divides). The adjusted percentage is computed as
 * (exports × f − imports) ÷ imports rather than from the divided imports, so that it is exact
 * where it can be (−0.625 %, not −0.6249…) and the two views stay exact negatives.
 */
function compareFlow(reported: Decimal, mirror: Decimal, importer: 'reported' | 'mirror', factor: Decimal | null): FlowComparison {
  const plain = comparison(reported, mirror, importer);
  if (!factor) return { ...plain, adjusted: null };
  const adjusted: Comparison =
    importer === 'mirror'
      ? { reported, mirror: mirror.div(factor), gap: reported.minus(mirror.div(factor)), gapPct: pct(reported.times(factor).minus(mirror), mirror) }
      : { reported: reported.div(factor), mirror, gap: reported.div(factor).minus(mirror), gapPct: pct(reported.minus(mirror.times(factor)), reported) };
  return { ...plain, adjusted };
}

/**
 * Whether imports valued as a provenance says ("CIF", "CIF (FOB where …)", "customs value", "FOB
 * (reconciled by BACI …)") are CIF, and so adjusted. No valuation stated (a dataset of the user's
 * own) is taken as CIF, as most countries report imports.
 */
export function valuedCif(imports: string | undefined): boolean {
  return imports === undefined || /^CIF\b/i.test(imports.trim());
}

/** The factor imports are divided by for a CIF/FOB margin in percent: 6 → 1.06. */
export function cifFobFactor(pctValue: Decimal): Decimal {
  return ONE.plus(pctValue.div(HUNDRED));
}

/**
 * The comparison year by year. `reporterSide` is the reporter's trade with the partner (from the
 * reporter's data), `partnerSide` the partner's trade with the reporter (from the partner's data).
 */
export function computeMirror(reporter: DatasetInfo, partner: DatasetInfo, reporterSide: PartnerSeries, partnerSide: PartnerSeries, opts: MirrorOptions): MirrorReport {
  const factor = opts.cifFobPct ? cifFobFactor(opts.cifFobPct) : null;
  const years = [...new Set([...yearsOf(reporterSide), ...yearsOf(partnerSide)])].sort((a, b) => a - b);
  const path: MirrorYear[] = [];
  const notCompared: MirrorReport['notCompared'] = [];
  for (const year of years) {
    if (opts.year !== undefined && year !== opts.year) continue;
    const a = flowsIn(reporterSide, year);
    const b = flowsIn(partnerSide, year);
    const cif = opts.importsCif ?? { reporter: true, partner: true };
    const exportsToPartner = a?.exports && b?.imports ? compareFlow(a.exports, b.imports, 'mirror', cif.partner ? factor : null) : null;
    const importsFromPartner = a?.imports && b?.exports ? compareFlow(a.imports, b.exports, 'reported', cif.reporter ? factor : null) : null;
    if (!exportsToPartner && !importsFromPartner) {
      const reason: NotComparedReason = a?.yearToDate || b?.yearToDate ? 'year-to-date' : !b ? 'reporter-only' : !a ? 'partner-only' : 'missing-flow';
      notCompared.push({ year, reason });
      continue;
    }
    // The balance as each side's figures give it: the reporter's exports − imports, and the
    // partner's imports − exports (its own balance with the reporter, turned round).
    const balanceWithPartner =
      exportsToPartner && importsFromPartner
        ? (() => {
            const reported = exportsToPartner.reported.minus(importsFromPartner.reported);
            const mirror = exportsToPartner.mirror.minus(importsFromPartner.mirror);
            return { reported, mirror, gap: reported.minus(mirror) };
          })()
        : null;
    path.push({ year, exportsToPartner, importsFromPartner, balanceWithPartner });
  }
  return { reporter, partner, cifFobPct: opts.cifFobPct, path, notCompared };
}
