// Who is who: reporters and partners are named by people ("China", "United States") and coded by
// publishers ("CHN", "156", "5700"). An id is made from the name and never shared by two names;
// a selection (--reporter, --partner) matches a name, an id or a code exactly, with case, accents
// of spacing and Unicode forms normalised, and an ambiguous one is an error listing the candidates.
import { UsageError } from '../errors.js';
import { countryCodesFor } from './formats/countries.js';
import { didYouMean } from '../suggest.js';

/** How a name is compared: Unicode NFC, case folded, runs of white space as one space, trimmed. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A name in lowercase ASCII words joined by "-": "Côte d'Ivoire" → "cote-d-ivoire". */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
}

/**
 * An id for each distinct name: its slug ("united-states") when no other name has the same one,
 * else the slug and a short hash of the name ("a-b-1f2e3d4c"), so "A B", "A-B" and "A.B" stay apart.
 */
export function idsFor(names: Iterable<string>): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const s = slug(name) || 'reporter';
    const list = bySlug.get(s);
    if (list) list.push(name);
    else bySlug.set(s, [name]);
  }
  const ids = new Map<string, string>();
  for (const [s, list] of bySlug) {
    for (const name of list) ids.set(name, list.length === 1 && s !== 'reporter' ? s : `${s}-${hash(name)}`);
  }
  return ids;
}

export interface Candidate {
  name: string;
  id: string;
  codes?: readonly (string | undefined)[] | undefined;
}

/**
 * The one candidate a selection names, matched exactly (after normalising) against names, ids and
 * codes. None: a usage error with the near misses; several: a usage error listing them.
 */
export function selectOne<T extends Candidate>(option: string, wanted: string, candidates: readonly T[], where: string): T {
  const key = normaliseName(wanted);
  let matches = candidates.filter((c) => normaliseName(c.name) === key || c.id === key || (c.codes ?? []).some((code) => code !== undefined && normaliseName(code) === key));
  if (matches.length === 0) {
    // A country by another of its codes or its name: "156", "036", "CHN" and "China" name the same
    // reporter, whichever of them the data gives (the country table knows them all).
    const bare = (c: string) => c.toLowerCase().replace(/^0+(?=\d)/, '');
    const equivalent = new Set(countryCodesFor(bare(key)).map(bare));
    if (equivalent.size > 0) {
      const same = (x: string | undefined) => x !== undefined && (equivalent.has(bare(normaliseName(x))) || countryCodesFor(bare(normaliseName(x))).some((k) => equivalent.has(bare(k))));
      matches = candidates.filter((c) => same(c.name) || (c.codes ?? []).some(same));
    }
  }
  const unique = [...new Set(matches)];
  if (unique.length === 1) return unique[0]!;
  const names = candidates.map((c) => c.name);
  if (unique.length === 0) {
    const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')} and ${names.length - 12} more` : names.join(', ');
    throw new UsageError(`${option} ${JSON.stringify(wanted)} is not in ${where}${didYouMean(wanted, names)} (it has: ${shown})`);
  }
  const listed = unique.map((c) => `${c.name} (id ${c.id}${c.codes?.filter(Boolean).length ? `, code ${c.codes.filter(Boolean).join('/')}` : ''})`).join('; ');
  throw new UsageError(`${option} ${JSON.stringify(wanted)} matches ${unique.length} in ${where}: ${listed}; give the id or the code`);
}
