// `tradecalc check`: every claim the dataset records, tested against its own figures. Exit 1 when
// any claim is inconsistent: the command ran, and its verdict is negative.
import { type CheckReport, type ClaimCheck, type FiguresBasis, type UncheckedReason, computeCheck } from '../core/check.js';
import type { Dataset } from '../core/types.js';
import { EXIT } from '../errors.js';
import { reasonText, statedText } from '../render/check-words.js';
import type { Columns } from './columns.js';
import { SCHEMA_VERSION, datasetDoc, intervalDoc } from './document.js';
import type { CheckClaimDoc, CheckDocument } from './schemas.js';
import type { ReportSpec } from './spec.js';

function basisDoc(b: FiguresBasis | null): CheckClaimDoc['basis'] {
  if (!b) return null;
  switch (b.kind) {
    case 'projected':
      return { kind: 'projected', year: b.year, baseYear: b.from, exportGrowthPct: b.exportGrowthPct?.value ?? null, exportGrowthQualifier: b.exportGrowthPct?.qualifier ?? null, importGrowthPct: b.importGrowthPct?.value ?? null };
    case 'derived':
      return { kind: 'derived', year: b.year, priorYear: b.from };
    case 'record':
      return { kind: 'record', year: b.year, earlierYears: b.earlierYears, highestEarlierYear: b.highestEarlierYear, highestEarlier: intervalDoc(b.highestEarlier) };
    default:
      return b;
  }
}

function uncheckedDoc(u: UncheckedReason | null): CheckClaimDoc['unchecked'] {
  if (!u) return null;
  switch (u.code) {
    case 'no-figures-for-year':
      return { code: u.code, year: u.year, yearList: u.have };
    case 'months-missing':
      return { code: u.code, monthList: u.months };
    default:
      return u;
  }
}

export function claimDoc(c: ClaimCheck, currency: string): CheckClaimDoc {
  const doc = {
    id: c.claim.id,
    label: c.claim.label,
    metric: c.claim.metric,
    qualifier: c.claim.qualifier,
    year: c.claim.year ?? null,
    month: c.claim.month ?? null,
    from: c.claim.from ?? null,
    to: c.claim.to ?? null,
    measure: c.measure,
    claimValue: c.claim.value?.value ?? null,
    accepts: c.accepts ? { low: c.accepts.low, high: c.accepts.high, lowInclusive: c.accepts.lowInclusive, highInclusive: c.accepts.highInclusive } : null,
    value: c.value,
    range: intervalDoc(c.range),
    basis: basisDoc(c.basis),
    status: c.verdict,
    within: c.within,
    holdsAsStated: c.holdsAsStated,
    unchecked: uncheckedDoc(c.unchecked),
  };
  return { ...doc, stated: statedText(doc, currency), reason: reasonText(doc, currency) };
}

export function checkDocument(r: CheckReport): CheckDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'check',
    dataset: datasetDoc(r.dataset),
    assumptions: {},
    latestYear: r.latestYear,
    allConsistent: r.counts.inconsistent === 0,
    consistentCount: r.counts.consistent,
    inconsistentCount: r.counts.inconsistent,
    uncheckedCount: r.counts.unchecked,
    claims: r.checks.map((c) => claimDoc(c, r.dataset.currency)),
  };
}

const CLAIM_COLUMNS = [
  'id', 'label', 'metric', 'qualifier', 'year', 'month', 'from', 'to', 'stated', 'claimValue',
] as const;

export const checkSpec: ReportSpec<Record<string, never>, Dataset, CheckReport, CheckDocument, 'dataset'> = {
  input: 'dataset',
  parse: () => ({}),
  resolve: (_opts, dataset) => dataset,
  compute: (dataset) => computeCheck(dataset),
  toDocument: checkDocument,
  columns: (): Columns => ({
    kind: 'rows',
    rows: 'claims',
    columns: [
      ...CLAIM_COLUMNS.map((k) => [k, k] as const),
      ['acceptsLow', 'accepts.low'],
      ['acceptsHigh', 'accepts.high'],
      ['value', 'value'],
      ['low', 'range.low'],
      ['high', 'range.high'],
      ['basis', 'basis.kind'],
      ['status', 'status'],
      ['within', 'within'],
      ['holdsAsStated', 'holdsAsStated'],
      ['reason', 'reason'],
    ],
  }),
  text: async (doc, ctx) => (await import('../render/check-views.js')).renderCheckAsText(doc, ctx),
  exitCode: (doc) => (doc.inconsistentCount > 0 ? EXIT.negativeVerdict : EXIT.ok),
};
