// US Census Bureau international trade API (api.census.gov/data/timeseries/intltrade/…): a JSON
// array of arrays whose first row is the header, every value a string. Exports and imports come
// from two endpoints (exports/hs, imports/hs), so they arrive as two files; each file gives one
// flow and the FlowTable joins them by partner and month (one reporter, the United States).
//
// Traps (docs/publishers/census.md):
// - the world total is the row of CTY_CODE "-" ("" in older responses), CTY_NAME "TOTAL FOR ALL
//   COUNTRIES"; codes starting with 0 (0003 European Union, 0022 OECD…), the regions 1XXX–7XXX and
//   rows with SUMMARY_LVL CGP are country groups, which overlap the countries: left out;
// - `_MO` columns hold the month, `_YR` columns the year to date: months come from `_MO`, and `_YR`
//   is never added to them. A file with `_YR` values only gives each year from December's year to
//   date (the calendar year), and leaves the earlier months out;
// - imports: GEN_VAL_MO (general imports) is used when given, CON_VAL_MO (imports for consumption)
//   only when it is the file's one import value, with a warning;
// - values are full US dollars, exports valued f.a.s. (free alongside ship, at the US port of
//   export), imports at customs value (no freight, insurance or duty); null or "" is missing, not 0;
// - totals beside their parts: a commodity total (code "-" or "", COMM_LVL HS0) beside HS chapters
//   and headings, and the district, port, state, domestic/foreign (DF: foreign exports are
//   re-exports, already inside the total), country subcode and rate provision splits;
// - codes are text: "0003" is a group, "5700" China.
// Unsure (no real response at hand): the SUMMARY_LVL of the world row (it is recognised before
// the groups, so either way it is the world), and the code of the commodity total ("-" in recent
// responses, "" in a 2017 one; both are read as the total). The API has no documented row cap.
import type { Flow } from '../series.js';
import { MISSING_VALUE, ONE, OTHER_PARTNERS, OTHER_REPORTERS, type PartOf, columnIndexes, partsRank, readPeriod, readValue, VALUE_RULE } from './common.js';
import type { ImportContext, Layout, RecordReader } from './layout.js';
import { JsonNumber, notACell } from '../stream/json.js';

const REPORTER = 'United States';
const REPORTER_CODE = 'USA';
const WORLD_NAME = 'TOTAL FOR ALL COUNTRIES';

/** Country groups by name (Appendix E of the API guide), for a file without CTY_CODE. */
const GROUP_NAMES = new Set([
  'OPEC',
  'EUROPEAN UNION',
  'PACIFIC RIM COUNTRIES',
  'CAFTA-DR',
  'NAFTA',
  'USMCA (NAFTA)',
  'TWENTY LATIN AMERICAN REPUBLICS',
  'OECD',
  'NATO',
  'LAFTA',
  'EURO AREA',
  'APEC',
  'ASEAN',
  'CACM',
  'NORTH AMERICA',
  'CENTRAL AMERICA',
  'SOUTH AMERICA',
  'EUROPE',
  'ASIA',
  'AUSTRALIA AND OCEANIA',
  'AFRICA',
]);

const GROUP_REASON = 'country groups (codes 0…, regions 1XXX–7XXX, SUMMARY_LVL CGP) overlap the countries: not summed';
const YTD_REASON = 'year-to-date values (…_VAL_YR) before December: neither a month nor a year, not used';

const COLUMNS = {
  ctyCode: ['CTY_CODE'],
  ctyName: ['CTY_NAME'],
  summaryLvl: ['SUMMARY_LVL'],
  time: ['time'],
  year: ['YEAR'],
  month: ['MONTH'],
  allMo: ['ALL_VAL_MO'],
  allYr: ['ALL_VAL_YR'],
  genMo: ['GEN_VAL_MO'],
  genYr: ['GEN_VAL_YR'],
  conMo: ['CON_VAL_MO'],
  conYr: ['CON_VAL_YR'],
  // The commodity of each endpoint: hs, naics, enduse, sitc, hitech, usda.
  commodity: ['E_COMMODITY', 'I_COMMODITY', 'NAICS', 'E_ENDUSE', 'I_ENDUSE', 'SITC', 'HITECH', 'USDA'],
  commLvl: ['COMM_LVL'],
  district: ['DISTRICT'],
  port: ['PORT'],
  state: ['STATE'],
  df: ['DF'],
  subcode: ['CTY_SUBCODE'],
  rp: ['RP'],
} as const;
type Key = keyof typeof COLUMNS;

/** Splits other than the commodity: each has a total ("-" or "") beside its parts. Weights keep ranks apart. */
const SPLITS: readonly { key: Key; what: string; weight: number }[] = [
  { key: 'district', what: 'customs districts', weight: 100 },
  { key: 'port', what: 'ports', weight: 200 },
  { key: 'state', what: 'states', weight: 400 },
  { key: 'df', what: 'domestic and foreign (re-)exports', weight: 800 },
  { key: 'subcode', what: 'country subcodes', weight: 1600 },
  { key: 'rp', what: 'rate provisions', weight: 3200 },
];

/** Which value column a file gives, and what it is. */
interface Measure {
  flow: Flow;
  column: Key;
  /** The column's name as the API spells it. */
  name: string;
  /** Year to date: only December's value is used, as the year. */
  ytd: boolean;
  /** Whether the file has country columns (CTY_CODE or CTY_NAME). */
  countries: boolean;
}

/** The value column to read: the month's value first, general imports before imports for consumption. */
function measureOf(at: Record<Key, number>): Measure | string {
  const exports = (['allMo', 'allYr'] as const).filter((k) => at[k] >= 0);
  const imports = (['genMo', 'conMo', 'genYr', 'conYr'] as const).filter((k) => at[k] >= 0);
  if (exports.length > 0 && imports.length > 0) return 'the header has export (ALL_VAL_…) and import (GEN_VAL_…, CON_VAL_…) values: exports and imports come from separate endpoints, one file each';
  const column = exports[0] ?? imports[0];
  if (!column) return 'the header has no ALL_VAL_MO (exports) or GEN_VAL_MO/CON_VAL_MO (imports) column: is this a Census international trade response?';
  return { flow: exports.length > 0 ? 'exports' : 'imports', column, name: COLUMNS[column][0], ytd: column.endsWith('Yr'), countries: at.ctyCode >= 0 || at.ctyName >= 0 };
}

function isTotal(code: string): boolean {
  return code === '' || code === '-' || code.toUpperCase().startsWith('TOTAL');
}

/** The dimensions in which a row is a part: its commodity level, then each split it is not the total of. */
function partsOf(get: (k: Key) => string | undefined): PartOf[] {
  const parts: PartOf[] = [];
  const code = get('commodity')?.trim();
  const level = get('commLvl')?.trim().toUpperCase() ?? '';
  const levelDigits = /^[A-Z]*(\d+)$/.exec(level)?.[1];
  const commodityTotal = code !== undefined ? isTotal(code) : level === '' || level === '-' || levelDigits === '0';
  if (!commodityTotal) parts.push({ weight: Number(levelDigits) || code?.length || 1, what: 'commodity codes' });
  for (const s of SPLITS) {
    const v = get(s.key)?.trim();
    if (v !== undefined && !isTotal(v)) parts.push({ weight: s.weight, what: s.what });
  }
  return parts;
}

function mapRow(ctx: ImportContext, m: Measure, get: (k: Key) => string | undefined, where: string): void {
  if (ctx.filter.reporter && !ctx.filter.reporter(REPORTER, REPORTER_CODE)) return ctx.exclude(OTHER_REPORTERS);
  const code = get('ctyCode')?.trim();
  const name = get('ctyName')?.trim();
  // A file without country columns holds the total for all countries only.
  const isWorld = code === '-' || code === '' || name?.toUpperCase() === WORLD_NAME || (code === undefined && name === undefined && !m.countries);
  if (!isWorld) {
    if (!code && !name) return ctx.problem(where, 'the row names no country (CTY_CODE and CTY_NAME are empty)');
    const group = code ? code.startsWith('0') || /^[1-7]XXX$/i.test(code) : GROUP_NAMES.has(name!.toUpperCase());
    if (group || get('summaryLvl')?.trim().toUpperCase() === 'CGP') return ctx.exclude(GROUP_REASON);
  }
  const partner = isWorld ? 'World' : name || code!;
  if (ctx.filter.partner && !isWorld && !ctx.filter.partner(partner, code || undefined)) return ctx.exclude(OTHER_PARTNERS);
  const year = get('year')?.trim();
  const month = get('month')?.trim();
  const timeText = get('time') ?? (year && month ? `${year}-${month}` : year);
  const monthPeriod = readPeriod(timeText);
  if (!monthPeriod || monthPeriod.length !== 7) return ctx.problem(where, `the period ${JSON.stringify(timeText ?? '')} is not a month (expected time such as "2024-01", or YEAR and MONTH)`);
  let period = monthPeriod;
  if (m.ytd) {
    if (!monthPeriod.endsWith('-12')) return ctx.exclude(YTD_REASON);
    period = monthPeriod.slice(0, 4);
  }
  const text = get(m.column);
  const value = readValue(text, ONE);
  if (value === null) return ctx.problem(where, `the value ${JSON.stringify(text)} of ${m.name} is not a value (${VALUE_RULE})`);
  const { rank, reason } = partsRank(partsOf(get));
  // A total without a value, or a part of the only breakdown there is, leaves its cell without a
  // figure: the other parts never stand in for it (a missing value is not zero).
  if (value === 'missing') {
    const row = { reporter: REPORTER, reporterCode: REPORTER_CODE, partner, partnerCode: isWorld ? undefined : code || undefined, period, flow: m.flow, currency: 'USD', rank, partsReason: reason };
    return ctx.missing ? ctx.missing(row, MISSING_VALUE) : ctx.exclude(MISSING_VALUE);
  }
  ctx.add({
    reporter: REPORTER,
    reporterCode: REPORTER_CODE,
    partner,
    partnerCode: isWorld ? undefined : code || undefined,
    period,
    flow: m.flow,
    value: value.value,
    halfWidth: value.halfWidth,
    currency: 'USD',
    rank,
    partsReason: reason,
  });
}

function reader(ctx: ImportContext): RecordReader {
  let header: string[] | undefined;
  let at: Record<Key, number> | undefined;
  let measure: Measure | undefined;
  return {
    kind: 'json',
    streams: (path) => path.length === 0,
    onElement(_path, index, value) {
      const where = `${ctx.file}: $[${index}]`;
      if (!Array.isArray(value)) return ctx.problem(where, 'a row is not an array (a Census API response is an array of arrays, the header first)');
      if (index === 0) {
        if (!value.every((v) => typeof v === 'string')) return ctx.problem(where, 'the first row is not a header of column names');
        header = value as string[];
        at = columnIndexes(header, COLUMNS);
        const m = measureOf(at);
        if (typeof m === 'string') return ctx.problem(where, m);
        measure = m;
        if (m.column === 'conMo' || m.column === 'conYr') ctx.warn(`${ctx.file}: imports for consumption (${m.name}) are used, as the file has no general imports (GEN_VAL_…): valued at customs value of imports for consumption`);
        if (m.ytd) ctx.warn(`${ctx.file}: year-to-date values only (${m.name}): each year is December's year to date, earlier months are left out`);
        if (at.ctyCode >= 0 && at.ctyName < 0) ctx.warn(`${ctx.file}: no CTY_NAME column: partners are named by their Schedule C codes (5700…), and joined only with a file that names them the same way`);
        return;
      }
      if (!measure || !header || !at) return;
      if (value.length !== header.length) return ctx.problem(where, `the row has ${value.length} values, the header ${header.length}`);
      const row = value as unknown[];
      // A cell that is an object, an array or a boolean is no code and no value: never its text.
      for (const [i, v] of row.entries()) {
        const wrong = notACell(v);
        if (wrong) return ctx.problem(`${where}[${i}]`, `${wrong} where a code or a value is expected (${header[i]})`);
      }
      const get = (k: Key): string | undefined => {
        const i = at![k];
        if (i < 0) return undefined;
        const v = row[i];
        // A code, year or month written as a number is its integer (CTY_CODE 5700.0 is 5700); the
        // value keeps the text it is written in, to be summed exactly.
        if (v instanceof JsonNumber && k !== measure!.column) return v.codeText();
        return v === null || v === undefined ? undefined : String(v);
      };
      mapRow(ctx, measure, get, where);
    },
    onDocument() {
      if (!header) ctx.problem(`${ctx.file}: $`, 'the response has no header row');
    },
  };
}

export const census: Layout = {
  id: 'census',
  publisher: 'census',
  label: 'US Census Bureau international trade API (JSON)',
  recognise: (h) => {
    if (!/^\s*\[\s*\[/.test(h.head)) return 0;
    const end = h.head.indexOf(']');
    const first = h.head.slice(0, end === -1 ? 4096 : end);
    if (/"(ALL|GEN|CON)_VAL_(MO|YR)"/.test(first)) return 9;
    return /"CTY_CODE"/.test(first) ? 6 : 0;
  },
  reader,
  valuation: { exports: 'f.a.s. (free alongside ship)', imports: 'customs value (general imports)' },
  unit: 'US dollars',
};
