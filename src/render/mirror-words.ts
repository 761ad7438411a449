// The sentences of the mirror report: how each reporter was found in the other's data, what the gap
// and its percentage mean, the latest year in words, the CIF/FOB adjustment named as one, and the
// years that could not be compared.
import type { Decimal } from '../core/decimal.js';
import { valuedCif } from '../core/mirror.js';
import type { MirrorDocument } from '../reports/schemas.js';
import { formatMoney, formatPct, formatRateCompact } from './format.js';

type Doc = MirrorDocument;
type Reason = Doc['notCompared'][number]['reason'];

/** Why a year is not compared, in words. */
export const NOT_COMPARED_WORDS: Record<Reason, (a: string, b: string) => string> = {
  'year-to-date': () => 'a year to date on one side or both, not a year',
  'reporter-only': (a) => `only ${a} reports it`,
  'partner-only': (_a, b) => `only ${b} reports it`,
  'missing-flow': () => 'no flow is reported by both',
};

const BY = { code: 'its code', name: 'its name', 'country-table': 'the country table (the ISO code of its name)' } as const;

/** "China's", "United States'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** "1.06": the factor a CIF/FOB margin divides imports by. */
export function factorText(pct: Decimal): string {
  return pct.div(100).plus(1).toFixed();
}

export function matchingLine(doc: Doc): string {
  const a = doc.dataset.reporter;
  const b = doc.partnerDataset.reporter;
  const side = (m: Doc['matching']['partnerInReporterData'], who: string, whose: string) =>
    `${who} is "${m.partner}"${m.partnerCode ? ` (code ${m.partnerCode})` : ''} in ${possessive(whose)} data, found by ${BY[m.by]}`;
  return `${side(doc.matching.partnerInReporterData, b, a)}; ${side(doc.matching.reporterInPartnerData, a, b)}.`;
}

export function definitionLine(doc: Doc): string {
  const a = doc.dataset.reporter;
  const b = doc.partnerDataset.reporter;
  return `Gap = ${possessive(a)} figure − ${possessive(b)}. In percent of the importer's figure (${possessive(b)} imports for ${possessive(a)} exports, ${possessive(a)} own for its imports), the same base from either side: the view from ${b} is the exact negative.`;
}

/** The latest year compared, in words: who reports more of each flow, and by how much. */
export function headlineLines(doc: Doc): string[] {
  const last = doc.path[doc.path.length - 1];
  if (!last) return [];
  const a = doc.dataset.reporter;
  const b = doc.partnerDataset.reporter;
  const c = doc.dataset.currency;
  const money = (d: Decimal) => formatMoney(d, { currency: c });
  const lines: string[] = [];
  const say = (f: Doc['path'][number]['exportsToPartner'], mine: string, theirs: string, importer: string) => {
    if (!f) return;
    const diff = f.gap.isZero()
      ? 'the two figures are the same'
      : `${possessive(a)} figure is ${money(f.gap.abs())} ${f.gap.isNegative() ? 'lower' : 'higher'}${f.gapPct ? ` (${formatPct(f.gapPct.abs())} of ${importer})` : ''}`;
    lines.push(`In ${last.year}, ${a} reports ${money(f.reported)} of ${mine}, and ${b} ${money(f.mirror)} of ${theirs}: ${diff}.`);
  };
  say(last.exportsToPartner, `exports to ${b}`, `imports from ${a}`, `${possessive(b)} imports`);
  say(last.importsFromPartner, `imports from ${b}`, `exports to ${a}`, `${possessive(a)} imports`);
  return lines;
}

/** The adjustment said to be one, with the factor and its source, and how each side's data values its imports. */
export function cifFobLines(doc: Doc): string[] {
  const pct = doc.assumptions.cifFobPct;
  if (!pct) return [];
  const f = factorText(pct);
  const source = doc.assumptions.origins.cifFobPct?.source === 'option' ? 'as given' : "the IMF's factor in its Direction of Trade Statistics";
  const r = doc.reporterImportValuation;
  const p = doc.partnerImportValuation;
  // Datasets read together from several publishers' files share one description of the inputs.
  const valuation =
    r !== null && p !== null && r === p
      ? `Imports as the inputs value them: ${r}.`
      : `Imports as the data values them — ${doc.dataset.reporter}: ${r ?? 'not stated in the data'}; ${doc.partnerDataset.reporter}: ${p ?? 'not stated in the data'}.`;
  // Only imports valued CIF are divided; the others are compared as they are.
  const notCif = [
    { who: doc.dataset.reporter, imports: r ?? undefined },
    { who: doc.partnerDataset.reporter, imports: p ?? undefined },
  ].filter((s) => !valuedCif(s.imports));
  const kept =
    notCif.length === 0
      ? 'Imports already valued FOB would need no adjustment.'
      : `${notCif.map((s) => possessive(s.who)).join(' and ')} imports are not valued CIF, so they are not adjusted (–).`;
  return [
    `Adjusted (an estimate, not data): the importer's figure divided by ${f} (a ${formatRateCompact(pct)} CIF/FOB margin, ${source}), since imports are usually valued CIF (with cost, insurance and freight) and exports FOB.`,
    `${valuation} ${kept}`,
  ];
}

export function notComparedLines(doc: Doc): string[] {
  return doc.notCompared.map((n) => `${n.year}: not compared, ${NOT_COMPARED_WORDS[n.reason](doc.dataset.reporter, doc.partnerDataset.reporter)}.`);
}

/** What goes under the tables (and under the markdown table). */
export function mirrorNotes(doc: Doc): string[] {
  return [matchingLine(doc), definitionLine(doc), ...headlineLines(doc), ...cifFobLines(doc), ...notComparedLines(doc)];
}
