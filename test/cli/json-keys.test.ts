// One key, one type (docs/json.md): every property name in every published JSON Schema — what
// `tradecalc schema <kind>` prints — has the same JSON type wherever it appears, in every kind. An
// array's type is the type of its items (a list of years is not a list of objects). Null is not a
// type here (a value that may be absent is nullable, not another kind of value), and the subtrees
// under `origins` (each assumption's origin under the assumption's own name) and `ranges` (a
// value's rounding range under the value's own name) mirror other keys on purpose and are left out.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMAS, type DocumentKind, documentJsonSchema } from '../../src/reports/schemas.js';

type JsonSchema = Record<string, unknown>;

/** Subtrees whose keys are another object's keys again, by design. */
const MIRRORS = new Set(['origins', 'ranges']);

/**
 * Clashes known and not yet resolved, each one place exactly (kind, path, type), so that no other
 * place can hide behind it. Remove an entry when its key is renamed; the test fails while an entry
 * no longer matches anything.
 */
const KNOWN: readonly string[] = [
  // `basis` is a string in a dataset's source and a summary's prior, an object in a check's claims.
  'basis object at check $.claims[].basis',
  // The momentum of each flow is an object under the flow's name (elsewhere an amount).
  'exports object at summary $.momentum.exports',
  'imports object at summary $.momentum.imports',
  // How a named scenario is defined says its source as a word; a dataset's `source` is an object.
  ...['baseline', 'spread', 'dataset'].map((s) => `source string at scenario-comparison $.scenarios[].definition(source=${s}).source`),
  'source string at dataset $.forecasts[].source',
];

/** The JSON types a schema admits, without null: "string", "integer", "number", "object", "array of integer", … */
function typesOf(s: JsonSchema): Set<string> {
  const out = new Set<string>();
  const add = (t: string) => {
    if (t === 'array') {
      const items = s.items && typeof s.items === 'object' ? [...typesOf(s.items as JsonSchema)].sort().join('|') : '';
      out.add(`array of ${items || 'anything'}`);
    } else if (t !== 'null') out.add(t);
  };
  if (typeof s.type === 'string') add(s.type);
  else if (Array.isArray(s.type)) for (const t of s.type) add(t as string);
  else {
    const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : [];
    for (const x of values) add(x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x === 'number' ? (Number.isInteger(x) ? 'integer' : 'number') : typeof x);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches)) for (const b of branches as JsonSchema[]) for (const t of typesOf(b)) out.add(t);
  }
  return out;
}

interface Use {
  kind: string;
  path: string;
  types: string;
}

/** A variant's tag, for the path: "(kind=derived)" for the branch whose `kind` is the constant "derived". */
function tagOf(branch: JsonSchema): string {
  const props = (branch.properties ?? {}) as Record<string, JsonSchema>;
  const tags = Object.entries(props).filter(([, p]) => 'const' in p && typeof p.const === 'string');
  return tags.length > 0 ? `(${tags.map(([k, p]) => `${k}=${p.const as string}`).join(',')})` : '';
}

/** Every property of a schema, at every depth, with where it is and its types. */
function collect(s: JsonSchema, kind: string, path: string, uses: Map<string, Use[]>): void {
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    for (const [name, sub] of Object.entries(props)) {
      const types = [...typesOf(sub)].sort().join('|');
      const at = `${path}.${name}`;
      // A value that is only ever null says nothing of the key's type.
      if (types !== '') {
        if (!uses.has(name)) uses.set(name, []);
        uses.get(name)!.push({ kind, path: at, types });
      }
      if (!MIRRORS.has(name)) collect(sub, kind, at, uses);
    }
  }
  if (s.items && typeof s.items === 'object') collect(s.items as JsonSchema, kind, `${path}[]`, uses);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches)) for (const b of branches as JsonSchema[]) collect(b, kind, `${path}${tagOf(b)}`, uses);
  }
}

describe('one key, one type: every property name across the published schemas', async () => {
  const kinds = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[];
  const uses = new Map<string, Use[]>();
  for (const kind of kinds) collect(await documentJsonSchema(kind), kind, '$', uses);
  const label = (name: string, u: Use) => `${name} ${u.types} at ${u.kind} ${u.path}`;

  it('scans all 15 kinds, into the envelope, nested results, variants and list items', () => {
    expect(kinds).toHaveLength(15);
    for (const key of ['schemaVersion', 'dataset', 'imported', 'basis', 'unchecked', 'gaps', 'incompletePartners', 'reporters', 'valuations', 'valuation', 'monthNumbers']) {
      if (key === 'valuations' || key === 'valuation') expect(uses.has(key), key).toBe(false);
      else expect(uses.has(key), key).toBe(true);
    }
  });

  it('gives every key a single JSON type (null aside) in every kind and every place it appears', () => {
    const clashes: string[] = [];
    for (const [name, all] of [...uses].sort(([a], [b]) => a.localeCompare(b))) {
      const list = all.filter((u) => !KNOWN.includes(label(name, u)));
      const byType = new Map<string, string[]>();
      for (const u of list) {
        if (u.types.includes('|')) clashes.push(`${name}: ${u.types} at ${u.kind} ${u.path}`);
        if (!byType.has(u.types)) byType.set(u.types, []);
        byType.get(u.types)!.push(`${u.kind} ${u.path}`);
      }
      if (byType.size > 1) clashes.push(`${name}: ${[...byType].map(([t, at]) => `${t} at ${at.slice(0, 3).join(', ')}${at.length > 3 ? ` and ${at.length - 3} more` : ''}`).join('; ')}`);
    }
    expect(clashes).toEqual([]);
  });

  it('lists as known only clashes that are still there', () => {
    const present = new Set([...uses].flatMap(([name, list]) => list.map((u) => label(name, u))));
    expect(KNOWN.filter((k) => !present.has(k))).toEqual([]);
  });
});
