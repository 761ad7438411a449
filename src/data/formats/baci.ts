// CEPII BACI: reconciled bilateral flows, one CSV a year (BACI_HS17_Y2022_V202401b.csv), with
// columns t, i, j, k, v, q (before 2020: t, hs6, i, j, v, q), and its companion files
// country_codes_V….csv and product_codes_….csv.
//
// Traps (docs/publishers/baci.md):
//   - there is no flow column: a row is one flow from exporter i to importer j, so it is an export
//     of i to j AND an import of j from i, and both are added;
//   - there are no World rows: a country's World total is the sum of its rows with every partner,
//     and is added explicitly (partners are disjoint: BACI has no groups, and its "nes" areas, 490
//     "Other Asia, nes" among them, are partners like the others);
//   - v is in thousands of US dollars (scaled to dollars here), with decimals; q, the quantity in
//     tonnes, is not used (it is often "NA", empty or padded with spaces);
//   - codes are text: k keeps its leading zeros ("010121"; HS92 also has "9999AA"), and i and j are
//     numeric codes of Comtrade's M49 variant (842 USA, 251 France, 699 India, 757 Switzerland, 579
//     Norway, 381 Italy, 490 Other Asia, nes), named from tradecalc's country table (countries.ts);
//   - valuation: BACI removes estimated CIF costs from the importers' reports and reconciles them
//     with the exporters' (Gaulier & Zignago 2010), so exports and imports are both FOB, and a
//     country's imports from a partner equal that partner's exports to it.
// The companion country_codes file (country_code,country_name,country_iso2,country_iso3; before
// V2024 country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha)
// is read as a layout of its own, "baci-codes", which holds no figures: it names codes that the
// country table lacks (a newer BACI version), for the data files read after it in the same load.
// Names from the table are kept for every code it knows, so that a country is named alike with or
// without the companion, and alike in Comtrade and BACI files. product_codes files are recognised
// and passed over.
import { Decimal, ZERO } from '../../core/decimal.js';
import { type PartSum, THOUSAND, addPart, columnIndexes, hasColumns, headerKey, readValue, VALUE_RULE } from './common.js';
import { countryByCode } from './countries.js';
import type { Layout, RecordReader } from './layout.js';

const COLUMNS = { t: ['t'], i: ['i'], j: ['j'], k: ['k', 'hs6'], v: ['v'], q: ['q'] } as const;

const VALUATION = { exports: 'FOB (reconciled by BACI)', imports: 'FOB (reconciled by BACI: estimated CIF costs removed)' };
const UNIT = 'thousands of US dollars';
/** Where the companion file leaves the names it read, in the load's shared store. */
const NAMES_KEY = 'baci-codes:countries';

type Names = Map<string, { name: string; iso3: string }>;

const digits = (code: string) => code.trim().replace(/^0+(?=\d)/, '');

function isBaciHeader(header: readonly string[] | undefined): boolean {
  if (!header) return false;
  const keys = header.map(headerKey).filter((k) => k !== '');
  return keys.length <= 7 && ['t', 'i', 'j', 'v'].every((k) => keys.includes(k)) && (keys.includes('k') || keys.includes('hs6'));
}

/** A country as the rows of one file see it, with the caller's choices about it, worked out once. */
interface Party {
  /** The file's numeric code, without leading zeros. */
  num: string;
  name: string;
  /** ISO alpha-3 (or BACI's own), else the numeric code. */
  code: string;
  reporter: boolean;
  partner: boolean;
}

/** The rows of one exporter, importer and year (all products), summed as they are read. */
interface Pair extends PartSum {
  year: string;
  i: Party;
  j: Party;
  /** The sum of the plain values ("1161.234", up to 6 decimals) in thousandths of a dollar, exactly. */
  milli: bigint;
  /** How many plain values had 0, 1, … 6 decimals (each stated to half its last digit). */
  decimals: number[];
  /** `value` and `halfWidth`: the sum of the other values (an exponent, more decimals). */
}

/** A country's World for one year and flow: the sum of its pairs. */
interface WorldSum {
  reporter: Party;
  year: string;
  flow: 'exports' | 'imports';
  value: Decimal;
  halfWidth: Decimal;
  /** Rows counted here (those of pairs whose partner was not asked for). */
  rows: number;
  missing: boolean;
}

/** A value as BACI writes it, in thousands of dollars: digits and up to 6 decimals. */
const PLAIN = /^(-?)(\d{1,20})(?:\.(\d{1,6}))?$/;
/** Half a unit of the last digit, in dollars, of a value in thousands with 0…6 decimals. */
const HALF_UNIT = [0, 1, 2, 3, 4, 5, 6].map((d) => new Decimal(5).times(new Decimal(10).pow(2 - d)));

const MISSING_REASON = 'rows without a value (missing, which is not zero)';
const INCOMPLETE_REASON = 'rows of an exporter, importer and year with another row\'s value missing: their sum would not be the total, so it is not added';
const WORLD_INCOMPLETE_REASON = 'rows of partners not selected, for a World total that has a missing part: not added';
const PARTS = 'BACI rows are never totals';

export const baci: Layout = {
  id: 'baci',
  publisher: 'baci',
  label: 'CEPII BACI (reconciled bilateral flows)',
  recognise: (h) => (isBaciHeader(h.header) ? 9 : 0),
  reader: (ctx): RecordReader => {
    let at: Record<keyof typeof COLUMNS, number> | undefined;
    let width = 0;
    const parties = new Map<string, Party>();
    const unknown = new Set<string>();
    const names = ctx.shared?.get(NAMES_KEY) as Names | undefined;
    // Summed as read, added at the end (memory: one entry per exporter, importer and year, not per
    // row): a pair with a missing value is not added, nor the World totals it is part of.
    const pairs = new Map<string, Pair>();
    const worlds = new Map<string, WorldSum>();

    const party = (raw: string, where: string): Party | null => {
      const code = digits(raw);
      let p = parties.get(code);
      if (p) return p;
      if (!/^\d{1,4}$/.test(code)) {
        ctx.problem(where, `the country code ${JSON.stringify(raw)} is not a number`);
        return null;
      }
      const known = countryByCode(code);
      const named = names?.get(code);
      if (!known && !named) unknown.add(code);
      const name = known?.name ?? named?.name ?? `BACI country ${code}`;
      const id = known?.iso3 || named?.iso3 || code;
      p = {
        num: code,
        name,
        code: id,
        reporter: ctx.filter.reporter ? ctx.filter.reporter(name, id) : true,
        partner: ctx.filter.partner ? ctx.filter.partner(name, id) : true,
      };
      parties.set(code, p);
      return p;
    };
    const world = (reporter: Party, year: string, flow: 'exports' | 'imports'): WorldSum => {
      const key = `${reporter.code}\u0000${reporter.name}\u0000${year}\u0000${flow}`;
      let w = worlds.get(key);
      if (!w) {
        w = { reporter, year, flow, value: ZERO, halfWidth: ZERO, rows: 0, missing: false };
        worlds.set(key, w);
      }
      return w;
    };

    return {
      kind: 'csv',
      delimiter: ',',
      onHeader(header, line) {
        at = columnIndexes(header, COLUMNS);
        width = header.length;
        if (at.t < 0 || at.i < 0 || at.j < 0 || at.v < 0) ctx.problem(`${ctx.file}:${line}`, 'the header lacks t, i, j or v: is this a BACI file?');
      },
      onRecord(fields, line) {
        if (!at || at.v < 0) return;
        const where = `${ctx.file}:${line}`;
        if (fields.length !== width) return ctx.problem(where, `has ${fields.length} fields where the header has ${width}`);
        const year = fields[at.t]!.trim();
        if (!/^\d{4}$/.test(year)) return ctx.problem(where, `the year ${JSON.stringify(fields[at.t])} is not a year`);
        const i = party(fields[at.i]!, where);
        const j = party(fields[at.j]!, where);
        if (!i || !j) return;
        if (!i.reporter && !j.reporter) return ctx.exclude('other reporters (not selected)');
        const key = `${year}\u0000${i.num}\u0000${j.num}`;
        let pair = pairs.get(key);
        if (!pair) {
          pair = { year, i, j, milli: 0n, decimals: [0, 0, 0, 0, 0, 0, 0], value: ZERO, halfWidth: ZERO, rows: 0, missing: false };
          pairs.set(key, pair);
        }
        // Ten million rows a year: the plain values are summed as integers (exactly), the rest as decimals.
        const text = fields[at.v]!.trim();
        const plain = PLAIN.exec(text);
        if (plain) {
          const decimals = plain[3]?.length ?? 0;
          pair.milli += BigInt(`${plain[1]}${plain[2]}${(plain[3] ?? '').padEnd(6, '0')}`);
          pair.decimals[decimals]!++;
          pair.rows++;
          return;
        }
        const value = readValue(text, THOUSAND);
        if (value === null) return ctx.problem(where, `the value ${JSON.stringify(fields[at.v])} is not a value (${VALUE_RULE})`);
        addPart(pair, value);
        if (value === 'missing') ctx.exclude(MISSING_REASON);
      },
      end() {
        // Each pair both ways: i's exports to j, j's imports from i; the rows are counted once, with
        // the first partner figure added, else with a World total.
        for (const p of pairs.values()) {
          const sides = [
            { reporter: p.i, partner: p.j, flow: 'exports' as const },
            { reporter: p.j, partner: p.i, flow: 'imports' as const },
          ].filter((s) => s.reporter.reporter);
          if (p.missing) {
            for (const s of sides) world(s.reporter, p.year, s.flow).missing = true;
            for (let n = 0; n < p.rows; n++) ctx.exclude(INCOMPLETE_REASON);
            continue;
          }
          p.value = p.value.plus(new Decimal(p.milli.toString()).dividedBy(THOUSAND));
          p.decimals.forEach((n, d) => (p.halfWidth = p.halfWidth.plus(HALF_UNIT[d]!.times(n))));
          let rows = p.rows;
          for (const s of sides) {
            const w = world(s.reporter, p.year, s.flow);
            w.value = w.value.plus(p.value);
            w.halfWidth = w.halfWidth.plus(p.halfWidth);
            if (!s.partner.partner) continue;
            ctx.add({ reporter: s.reporter.name, reporterCode: s.reporter.code, partner: s.partner.name, partnerCode: s.partner.code, period: p.year, flow: s.flow, value: p.value, halfWidth: p.halfWidth, currency: 'USD', rank: 0, partsReason: PARTS, rowCount: rows });
            rows = 0;
          }
          // No partner figure was asked for: the rows count with the World total.
          world(sides[0]!.reporter, p.year, sides[0]!.flow).rows += rows;
        }
        const gaps: string[] = [];
        for (const w of worlds.values()) {
          if (w.missing) {
            gaps.push(`${w.reporter.name} ${w.year} ${w.flow}`);
            for (let n = 0; n < w.rows; n++) ctx.exclude(WORLD_INCOMPLETE_REASON);
            continue;
          }
          ctx.add({ reporter: w.reporter.name, reporterCode: w.reporter.code, partner: 'World', period: w.year, flow: w.flow, value: w.value, halfWidth: w.halfWidth, currency: 'USD', rank: 0, partsReason: PARTS, rowCount: w.rows });
        }
        ctx.describe({ note: "BACI has no World rows: each country's World is the sum of its flows with all partners" });
        gaps.sort();
        if (gaps.length > 0) ctx.warn(`${ctx.file}: no World for ${gaps.slice(0, 5).join(', ')}${gaps.length > 5 ? ` and ${gaps.length - 5} more` : ''}: a value is missing, so the sum is not the total`);
        if (unknown.size > 0) {
          const list = [...unknown].sort((a, b) => Number(a) - Number(b));
          ctx.warn(`${ctx.file}: country code${list.length > 1 ? 's' : ''} ${list.join(', ')} not in tradecalc's country table: named by code (pass BACI's country_codes file before the data files to name them)`);
        }
      },
    };
  },
  valuation: VALUATION,
  unit: UNIT,
};

const COUNTRY_FILE = {
  code: ['country_code', 'i'],
  name: ['country_name', 'country_name_abbreviation', 'name_english'],
  iso3: ['country_iso3', 'iso_3digit_alpha', 'iso3'],
} as const;

/** BACI's companion files: country codes (read: they name codes), product codes (passed over). */
export const baciCodes: Layout = {
  id: 'baci-codes',
  publisher: 'baci',
  // Read before the data files whatever their order, so the names it gives are there for them.
  companion: true,
  label: 'CEPII BACI code list (country or product codes: no figures)',
  recognise: (h) => {
    if (hasColumns(h.header, ['country_code']) && (hasColumns(h.header, ['country_name']) || hasColumns(h.header, ['country_name_abbreviation']))) return 9;
    if (hasColumns(h.header, ['i', 'iso3', 'name_english'])) return 8;
    if (/product_codes/i.test(h.name) && hasColumns(h.header, ['code', 'description'])) return 8;
    return 0;
  },
  reader: (ctx): RecordReader => {
    let at: Record<keyof typeof COUNTRY_FILE, number> | undefined;
    let names: Names | undefined;
    let differ = 0;
    return {
      kind: 'csv',
      delimiter: ',',
      onHeader(header) {
        const found = columnIndexes(header, COUNTRY_FILE);
        if (found.code < 0 || found.name < 0) return; // product codes: nothing tradecalc needs
        at = found;
        names = (ctx.shared?.get(NAMES_KEY) as Names | undefined) ?? new Map();
        ctx.shared?.set(NAMES_KEY, names);
      },
      onRecord(fields, line) {
        if (!at || !names) return;
        const code = digits(fields[at.code] ?? '');
        const name = (fields[at.name] ?? '').trim();
        if (!/^\d{1,4}$/.test(code) || name === '') return ctx.problem(`${ctx.file}:${line}`, `expected a numeric country code and a name, not ${JSON.stringify(fields.slice(0, 4).join(','))}`);
        const iso3 = at.iso3 >= 0 ? (fields[at.iso3] ?? '').trim().toUpperCase() : '';
        names.set(code, { name, iso3 });
        const known = countryByCode(code);
        if (known && known.iso3 !== '' && iso3 !== '' && known.iso3 !== iso3) differ++;
      },
      end() {
        if (differ > 0) ctx.warn(`${ctx.file}: ${differ} code${differ > 1 ? 's' : ''} with another alpha-3 than in tradecalc's country table: the table's names are used`);
      },
    };
  },
  valuation: VALUATION,
  unit: UNIT,
};
