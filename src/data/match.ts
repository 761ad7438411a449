// Who is who across datasets: the reporter of one dataset as a partner in another's data. Each
// side names countries its own way ("USA" as a partner, "United States" as a reporter; ISO alpha-3
// "USA", Comtrade's numeric 842, the Census Bureau's 1000, the IMF's 111), so a match is made by
// evidence, strongest first:
//   1. the code: the same code text (numeric codes without leading zeros), or the same ISO alpha-3
//      read from the codes (a three-letter code is taken as ISO alpha-3, a two-letter one as ISO
//      alpha-2 or Eurostat's EL/UK; a numeric code is read as
//      Comtrade's M49 only when its data comes from Comtrade or BACI, whose codes those are);
//   2. the name, compared as --reporter and --partner compare names (case, spacing, Unicode form);
//   3. the country table: the ISO alpha-3 of a name in Comtrade's spelling ("USA", "China").
// Codes that disagree rule a match out: two different ISO alpha-3 codes, or two different codes of
// the same publisher's layout. Several candidates at the strongest level is an ambiguity, never a
// guess. Pure: no I/O.
import { countryByCode, countryByIso2, countryCodesFor } from './formats/countries.js';
import { normaliseName } from './identity.js';

export const MATCH_KINDS = ['code', 'name', 'country-table'] as const;
export type MatchBy = (typeof MATCH_KINDS)[number];

export interface Party {
  name: string;
  code?: string | undefined;
  /** The layout the code comes from ("comtrade-csv", "census", …): codes of one layout are one scheme. Undefined when unknown or mixed. */
  scheme?: string | undefined;
}

export type MatchResult<T> = { found: T; by: MatchBy } | { found: null; candidates: T[]; by: MatchBy | null };

const M49_LAYOUTS = /^(comtrade-|baci$)/;

function normCode(code: string): string {
  const t = code.trim().toUpperCase();
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t;
}

/** The ISO alpha-3 a code stands for, when it can be told. */
function codeIso3(p: Party): string | undefined {
  const c = p.code?.trim();
  if (!c) return undefined;
  if (/^[A-Za-z]{3}$/.test(c)) return c.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(c)) return countryByIso2(c)?.iso3 || undefined;
  if (/^\d+$/.test(c) && p.scheme !== undefined && M49_LAYOUTS.test(p.scheme)) return countryByCode(c)?.iso3 || undefined;
  return undefined;
}

/** ISO alpha-3 codes of the countries whose name (in Comtrade's spelling) or alpha-3 is this name. */
function nameIso3s(p: Party): string[] {
  return countryCodesFor(normaliseName(p.name)).filter((c) => /^[A-Z]{3}$/.test(c));
}

/** How strongly two parties are the same, or null when they are not (or their codes say they differ). */
export function matchStrength(a: Party, b: Party): MatchBy | null {
  const isoA = codeIso3(a);
  const isoB = codeIso3(b);
  if (isoA && isoB && isoA !== isoB) return null;
  const codeA = a.code?.trim() ? normCode(a.code) : undefined;
  const codeB = b.code?.trim() ? normCode(b.code) : undefined;
  if (codeA && codeB && a.scheme !== undefined && a.scheme === b.scheme && codeA !== codeB) return null;
  if ((codeA && codeA === codeB) || (isoA && isoA === isoB)) return 'code';
  if (normaliseName(a.name) === normaliseName(b.name)) return 'name';
  const setA = new Set([...(isoA ? [isoA] : []), ...nameIso3s(a)]);
  if ([...(isoB ? [isoB] : []), ...nameIso3s(b)].some((x) => setA.has(x))) return 'country-table';
  return null;
}

/** The one candidate that is `target`, by the strongest evidence any candidate has. */
export function matchParty<T>(target: Party, candidates: readonly T[], partyOf: (c: T) => Party): MatchResult<T> {
  for (const level of MATCH_KINDS) {
    const hits = candidates.filter((c) => matchStrength(target, partyOf(c)) === level);
    if (hits.length === 1) return { found: hits[0]!, by: level };
    if (hits.length > 1) return { found: null, candidates: hits, by: level };
  }
  return { found: null, candidates: [], by: null };
}

/** The layout a dataset's codes come from: its import's layout when it has exactly one. */
export function schemeOf(ds: { provenance?: { layout: string } | undefined }): string | undefined {
  const layout = ds.provenance?.layout;
  return layout !== undefined && !layout.includes(',') ? layout : undefined;
}
