// IMF International Trade in Goods (IMTS, formerly Direction of Trade Statistics, DOTS): the
// SDMX-CSV of the IMTS dataflow (one observation a row) and the legacy wide DOTS CSV (one series a
// row, one column per period).
//
// Traps (docs/publishers/imf.md):
// - the world total (G001 in IMTS; 001 or "World" in DOTS) stands beside the partners, and country
//   groups (euro area, EU, advanced economies…) overlap their members: the groups are left out,
//   the world total is its own partner and never a sum of the others;
// - imports come valued CIF (MG_CIF_USD) and, for a few reporters, FOB (MG_FOB_USD) as well: CIF
//   is used when both are there (FOB rows rank below it and are left out), FOB when it is the only
//   one, and a warning says where;
// - the trade balance (TBG_USD) is exports minus imports: never read as a flow;
// - quarters (2024-Q1) are not summed into years; empty cells and "NaN" are missing, not zero;
// - scale: the IMTS SDMX-CSV may carry a SCALE attribute (6: millions). Whether OBS_VALUE is
//   already in full dollars varies by export: the IMF's SDMX API writes full dollars beside SCALE
//   6 (seen in the files of several client projects: 481429757 for a month of Nicaragua's
//   exports). The attribute is applied unless a value of the file proves it cannot be (a value
//   times the scale above 100 trillion dollars, more than the world's trade in a year): then the
//   file's values are read as full dollars. Either way a warning says which reading was applied;
// - DOTS values are US dollars unless the indicator names (or a Scale column) say "Millions" or
//   the like; the reading applied is stated in a warning. Unsure: old DOTS bulk files were full
//   dollars (a client project plots China's exports to the US at 6.2e11 straight from one), and
//   the legacy SDMX API gave millions with UNIT_MULT 6.
// Codes are read as text ("001" is the world in DOTS).
import { Decimal } from '../../core/decimal.js';
import type { FlowRow } from '../series.js';
import { ONE, hasColumns, headerKey, isQuarter, lookup, readPeriod, readValue, VALUE_RULE } from './common.js';
import { countryByIso3 } from './countries.js';
import type { FileHead, ImportContext, Layout, RecordReader } from './layout.js';

// ---------------------------------------------------------------------------------------------
// What both layouts share: indicators, partners, the choice of CIF over FOB, duplicate rows.

type Indicator =
  | { flow: 'exports'; code: string; fob?: undefined }
  | { flow: 'imports'; code: string; fob: boolean }
  | { flow?: undefined; reason: string };

/** IMTS codes and their DOTS spellings (a leading T). */
const INDICATORS: Record<string, Indicator> = {
  XG_FOB_USD: { flow: 'exports', code: 'XG_FOB_USD' },
  MG_CIF_USD: { flow: 'imports', code: 'MG_CIF_USD', fob: false },
  MG_FOB_USD: { flow: 'imports', code: 'MG_FOB_USD', fob: true },
  TBG_USD: { reason: 'trade balance rows (TBG_USD) are exports minus imports: never summed' },
};

function indicatorOf(code: string): Indicator {
  const c = code.trim().toUpperCase();
  const known = lookup(INDICATORS, c) ?? (c.startsWith('T') ? lookup(INDICATORS, c.slice(1)) : undefined);
  return known ?? { reason: `indicator ${c || '(empty)'}: not goods exports (XG_FOB_USD) or imports (MG_CIF_USD, MG_FOB_USD) in US dollars` };
}

const WORLD = 'World';
const WORLD_CODES = new Set(['G001', '001', '1', 'W00']);

/**
 * Groups of countries that overlap their members. IMTS writes groups as G and three digits (G001
 * is the world, G163 the euro area, G998 the EU); DOTS as IMF area codes and names. Partners such
 * as "Countries & Areas not specified" are residuals, parts of the world like a country: kept.
 */
const GROUP_CODES = new Set(['110', '163', '200', '998']);
const GROUP_NAMES = new Set(
  [
    'Advanced Economies',
    'Africa',
    'CIS',
    'Emerging and Developing Asia',
    'Emerging and Developing Economies',
    'Emerging and Developing Europe',
    'Emerging Market and Developing Economies',
    'Euro Area',
    'European Union',
    'Middle East',
    'Middle East and Central Asia',
    'South African Common Customs Area (SACCA)',
    'Sub-Saharan Africa',
    'Western Hemisphere',
  ].map(headerKey),
);
const GROUP_REASON = 'partner groups (euro area, EU, advanced economies…) overlap their members: not summed';

function isGroup(code: string, name: string): boolean {
  const key = headerKey(name);
  return /^G\d{3}$/i.test(code) || GROUP_CODES.has(code.replace(/^0+(?=\d)/, '')) || GROUP_NAMES.has(key) || /economies/.test(key);
}

function isWorld(code: string, name: string): boolean {
  return WORLD_CODES.has(code.toUpperCase()) || headerKey(name) === 'world';
}

const FOB_REASON = 'imports valued FOB (MG_FOB_USD) beside the same imports valued CIF (MG_CIF_USD): CIF used, FOB not added';
const TOTAL_REASON = 'rows beside the totals they make up: the totals are used';
const MISSING_REASON = 'rows without a value (missing, which is not zero)';
const QUARTER_REASON = 'quarterly values (2024-Q1) are not summed into years: annual or monthly values are used';

/** What one file says about one reporter's imports, to say where FOB had to stand in for CIF. */
class ImportValuation {
  private readonly cif = new Set<string>();
  private readonly fob = new Map<string, { reporter: string; partner: string; period: string }>();

  note(row: FlowRow, fob: boolean): void {
    const key = `${row.reporter}\u0000${row.partner}\u0000${row.period}`;
    if (fob) this.fob.set(key, { reporter: row.reporter, partner: row.partner, period: row.period });
    else this.cif.add(key);
  }

  /** One warning per reporter whose imports the file gives FOB and not CIF (`fob`: the file's code for them). */
  warnings(file: string, fob: string): string[] {
    const byReporter = new Map<string, { partner: string; period: string }[]>();
    for (const [key, v] of this.fob) {
      if (this.cif.has(key)) continue;
      const list = byReporter.get(v.reporter) ?? [];
      list.push(v);
      byReporter.set(v.reporter, list);
    }
    return [...byReporter].map(([reporter, list]) => {
      const first = list[0]!;
      const where = `${first.partner} ${first.period}${list.length > 1 ? ` and ${list.length - 1} more` : ''}`;
      return `${file}: ${reporter}'s imports are given FOB (${fob}) and not CIF for ${list.length} partner-period${list.length === 1 ? '' : 's'} (${where}): the FOB value is used there unless another input gives CIF, so those imports leave out freight and insurance`;
    });
  }
}

/** Each series or observation once per file: a second one is a problem, not a sum. */
class Seen {
  private readonly keys = new Set<string>();
  twice(...parts: string[]): boolean {
    const key = parts.join('\u0000');
    if (this.keys.has(key)) return true;
    this.keys.add(key);
    return false;
  }
}

/**
 * Each observation once across the files of one load: the same reporter, indicator, partner and
 * period in a second file is two downloads overlapping, never a sum. Returns the file that gave it first.
 */
function givenBefore(ctx: ImportContext, layout: 'sdmx' | 'dots', ...parts: string[]): string | undefined {
  let files = ctx.shared?.get(OBSERVATIONS_KEY) as Map<string, string> | undefined;
  if (!files) {
    files = new Map();
    ctx.shared?.set(OBSERVATIONS_KEY, files);
  }
  const key = [layout, ...parts].join('\u0000');
  const first = files.get(key);
  if (first !== undefined && first !== ctx.file) return first;
  files.set(key, ctx.file);
  return undefined;
}
const OBSERVATIONS_KEY = 'imf-observations';

function rowOf(fields: Omit<FlowRow, 'rank' | 'partsReason' | 'currency'>, fob: boolean): FlowRow {
  return { ...fields, currency: 'USD', rank: fob ? 1 : 0, partsReason: fob ? FOB_REASON : TOTAL_REASON };
}

const VALUATION = { exports: 'FOB', imports: 'CIF (FOB where a file gives only FOB imports: see warnings)' };

// ---------------------------------------------------------------------------------------------
// SDMX-CSV: DATAFLOW (or STRUCTURE, STRUCTURE_ID, ACTION in SDMX-CSV 2.0), COUNTRY, INDICATOR,
// COUNTERPART_COUNTRY, FREQUENCY, TIME_PERIOD, OBS_VALUE, then attributes such as SCALE. With
// labels, a header reads "COUNTRY: Country" and a value "CHN: China".

/** The SDMX id of a header as written: "COUNTRY: Country" → "COUNTRY". */
function sdmxId(header: string): string {
  const colon = header.indexOf(':');
  return (colon === -1 ? header : header.slice(0, colon)).replace(/^\uFEFF/, '').trim();
}

const SDMX_IDS = {
  country: ['COUNTRY', 'REF_AREA'],
  indicator: ['INDICATOR'],
  counterpart: ['COUNTERPART_COUNTRY', 'COUNTERPART_AREA'],
  period: ['TIME_PERIOD'],
  value: ['OBS_VALUE'],
  scale: ['SCALE', 'UNIT_MULT'],
  action: ['ACTION'],
} as const;
/** Columns of names beside the codes, in exports that carry them. */
const SDMX_NAMES = {
  countryName: ['COUNTRY_LABEL', 'COUNTRY_NAME', 'Country', 'Country Name', 'Reference area'],
  counterpartName: ['COUNTERPART_COUNTRY_LABEL', 'COUNTERPART_COUNTRY_NAME', 'Counterpart country', 'Counterpart Country Name', 'Counterpart area'],
} as const;
type SdmxField = keyof typeof SDMX_IDS | keyof typeof SDMX_NAMES;

/**
 * Code columns by their SDMX id, in upper case as SDMX writes it (a file all in lower case still
 * has its codes there); name columns by any other spelling, so "COUNTRY" and "Country" can sit
 * side by side as code and name.
 */
function sdmxColumns(header: readonly string[]): Record<SdmxField, number> {
  const ids = header.map(sdmxId);
  const out = {} as Record<SdmxField, number>;
  for (const f of Object.keys(SDMX_IDS) as (keyof typeof SDMX_IDS)[]) {
    const wanted: readonly string[] = SDMX_IDS[f];
    const exact = ids.findIndex((id) => wanted.includes(id));
    out[f] = exact >= 0 ? exact : ids.findIndex((id) => wanted.includes(id.toUpperCase()));
  }
  const taken = new Set(Object.values(out));
  for (const f of Object.keys(SDMX_NAMES) as (keyof typeof SDMX_NAMES)[]) {
    out[f] = header.findIndex((h, i) => !taken.has(i) && SDMX_NAMES[f].some((n) => headerKey(n) === headerKey(h)));
  }
  return out;
}

/** A coded value, "CHN" or with its label "CHN: China". */
function codeAndLabel(text: string | undefined): { code: string; label?: string | undefined } {
  const t = (text ?? '').trim();
  const colon = t.indexOf(':');
  if (colon > 0 && /^[A-Z0-9_]+$/i.test(t.slice(0, colon).trim())) return { code: t.slice(0, colon).trim(), label: t.slice(colon + 1).trim() || undefined };
  return { code: t };
}

const SCALE_WORDS: Record<string, number> = { units: 0, unit: 0, ones: 0, thousands: 3, millions: 6, billions: 9, trillions: 12 };

/** The power of ten a SCALE (or UNIT_MULT) cell names: "6", "6: Millions", "Millions"; null if unreadable. */
function scaleExponent(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (t === '') return 0;
  const m = /^(\d{1,2})(\s*:.*)?$/.exec(t);
  if (m) return Number(m[1]) <= 12 ? Number(m[1]) : null;
  return lookup(SCALE_WORDS, headerKey(t)) ?? null;
}

const SCALE_NAMES: Record<number, string> = { 3: 'thousands', 6: 'millions', 9: 'billions', 12: 'trillions' };

/** More than the world's trade in a year (about 24 trillion dollars in 2024), with room to spare. */
const IMPOSSIBLE = new Decimal('1e14');

/**
 * How a file's OBS_VALUE is read beside a SCALE attribute: in the units the attribute names, unless
 * one of the file's values, so read, would exceed any trade flow there is — then every value of the
 * file is read as full dollars. Rows wait (bounded by the rows used: one per reporter, partner,
 * period and flow) until the file proves the second reading or ends.
 */
class ScaleReading {
  private proof: { text: string; exponent: number } | undefined;
  private readonly waiting: { row: FlowRow; exponent: number }[] = [];
  private readonly exponents = new Set<number>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly add: (row: FlowRow) => void,
  ) {}

  /** A row whose value is as the file writes it, with the SCALE exponent of its row. */
  offer(row: FlowRow, exponent: number, text: string): void {
    this.exponents.add(exponent);
    if (exponent === 0 || this.proof) return this.add(row);
    if (row.value.abs().times(new Decimal(10).pow(exponent)).gt(IMPOSSIBLE)) {
      this.proof = { text: text.trim(), exponent };
      for (const w of this.waiting.splice(0)) this.add(w.row);
      return this.add(row);
    }
    this.waiting.push({ row, exponent });
  }

  end(): void {
    const scaled = [...this.exponents].filter((e) => e > 0).sort((a, b) => a - b);
    if (scaled.length === 0) {
      if (this.exponents.size > 0) this.ctx.warn(`${this.ctx.file}: OBS_VALUE read as US dollars, as its SCALE attribute (0) says`);
      return;
    }
    const named = scaled.map((e) => `${e}, ${SCALE_NAMES[e] ?? `10^${e}`}`).join('; ');
    if (this.proof) {
      const { text, exponent } = this.proof;
      this.ctx.warn(
        `${this.ctx.file}: OBS_VALUE read as full US dollars, not in the units of its SCALE attribute (${named}): read so, a value such as ${text} would be more than the world's trade in a year (the IMF's SDMX API writes full dollars and gives SCALE ${exponent} for display)`,
      );
      return;
    }
    for (const w of this.waiting.splice(0)) {
      const factor = new Decimal(10).pow(w.exponent);
      this.add({ ...w.row, value: w.row.value.times(factor), halfWidth: w.row.halfWidth.times(factor) });
    }
    this.ctx.warn(
      `${this.ctx.file}: OBS_VALUE read in the units its SCALE attribute names (${named}) and multiplied out; if the file's values are already full dollars (as the IMF's SDMX API writes them), they are overstated by that factor`,
    );
  }
}

function sdmxReader(ctx: ImportContext): RecordReader {
  let at: Record<SdmxField, number> | undefined;
  const valuation = new ImportValuation();
  const seen = new Seen();
  const scale = new ScaleReading(ctx, (row) => ctx.add(row));
  return {
    kind: 'csv',
    delimiter: ',',
    onHeader(header) {
      at = sdmxColumns(header);
      const lacking = (['country', 'indicator', 'counterpart', 'period', 'value'] as const).filter((f) => at![f] < 0).map((f) => SDMX_IDS[f][0]);
      if (lacking.length > 0) ctx.problem(`${ctx.file}:1`, `the header lacks ${lacking.join(', ')}: is this an IMF IMTS SDMX-CSV file?`);
    },
    onRecord(fields, line) {
      const where = `${ctx.file}:${line}`;
      const get = (f: SdmxField) => (at![f] >= 0 ? fields[at![f]] : undefined);
      if ((get('action') ?? '').trim().toUpperCase() === 'D') return ctx.exclude('rows marked for deletion (ACTION D): not values');
      const reporterCell = codeAndLabel(get('country'));
      const periodText = (get('period') ?? '').trim();
      // SDMX-CSV 2.0 opens with a row of dataset attributes: no key, no period.
      if (reporterCell.code === '' && periodText === '') return ctx.exclude('dataset attribute rows (no country, no period): not observations');
      const indicator = indicatorOf(codeAndLabel(get('indicator')).code);
      if (!indicator.flow) return ctx.exclude(indicator.reason);
      const reporterCode = reporterCell.code;
      const reporter = isWorld(reporterCode, '') ? WORLD : (get('countryName')?.trim() || reporterCell.label || countryByIso3(reporterCode)?.name || reporterCode);
      if (reporterCode === '') return ctx.problem(where, 'the COUNTRY is empty');
      if (ctx.filter.reporter && !ctx.filter.reporter(reporter, reporterCode)) return ctx.exclude('other reporters (not selected)');
      const partnerCell = codeAndLabel(get('counterpart'));
      const partnerName = get('counterpartName')?.trim() || partnerCell.label || countryByIso3(partnerCell.code)?.name || partnerCell.code;
      const world = isWorld(partnerCell.code, partnerName);
      if (!world && isGroup(partnerCell.code, partnerName)) return ctx.exclude(GROUP_REASON);
      if (partnerCell.code === '') return ctx.problem(where, 'the COUNTERPART_COUNTRY is empty');
      if (ctx.filter.partner && !world && !ctx.filter.partner(partnerName, partnerCell.code)) return ctx.exclude('other partners (not selected)');
      if (isQuarter(periodText)) return ctx.exclude(QUARTER_REASON);
      const period = readPeriod(periodText);
      if (!period) return ctx.problem(where, `the TIME_PERIOD ${JSON.stringify(periodText)} is not a year (2024), a month (2024-M01) or a quarter (2024-Q1)`);
      const valueText = get('value');
      const value = readValue(valueText, ONE);
      if (value === 'missing') return ctx.exclude(MISSING_REASON);
      if (value === null) return ctx.problem(where, `the OBS_VALUE ${JSON.stringify(valueText)} is not a value (${VALUE_RULE})`);
      const exponent = scaleExponent(get('scale'));
      if (exponent === null) return ctx.problem(where, `the SCALE ${JSON.stringify(get('scale'))} is not a power of ten (expected 0, 3, 6, 9 or a word such as Millions)`);
      if (seen.twice(reporterCode, indicator.code, partnerCell.code, period)) return ctx.problem(where, `${reporter} ${indicator.code} with ${world ? WORLD : partnerName} for ${period} is given a second time (each observation once: are two downloads overlapping?)`);
      const before = givenBefore(ctx, 'sdmx', reporterCode, indicator.code, partnerCell.code, period);
      if (before !== undefined) return ctx.problem(where, `${reporter} ${indicator.code} with ${world ? WORLD : partnerName} for ${period} is also in ${before} (each observation once: are two downloads overlapping?)`);
      const row = rowOf({ reporter, reporterCode, partner: world ? WORLD : partnerName, partnerCode: world ? undefined : partnerCell.code, period, flow: indicator.flow, value: value.value, halfWidth: value.halfWidth }, indicator.fob === true);
      if (indicator.flow === 'imports') valuation.note(row, indicator.fob);
      if (at!.scale < 0) ctx.add(row);
      else scale.offer(row, exponent, valueText ?? '');
    },
    end() {
      scale.end();
      for (const w of valuation.warnings(ctx.file, 'MG_FOB_USD')) ctx.warn(w);
    },
  };
}

const IMTS_MARKERS = /IMTS|XG_FOB_USD|MG_CIF_USD|MG_FOB_USD/;

export const imtsSdmx: Layout = {
  id: 'imts-sdmx',
  publisher: 'imts',
  label: 'IMF International Trade in Goods (IMTS) SDMX-CSV',
  recognise: (h: FileHead) => {
    if (!h.header) return 0;
    const ids = new Set(h.header.map((x) => sdmxId(x).toUpperCase()));
    const has = (alts: readonly string[]) => alts.some((a) => ids.has(a));
    if (!(has(SDMX_IDS.country) && has(SDMX_IDS.indicator) && has(SDMX_IDS.counterpart) && has(SDMX_IDS.period) && has(SDMX_IDS.value))) return 0;
    return IMTS_MARKERS.test(h.head.slice(0, 8192)) ? 10 : 8;
  },
  reader: sdmxReader,
  valuation: VALUATION,
  unit: 'US dollars (by the SCALE attribute where it applies: see warnings)',
};

// ---------------------------------------------------------------------------------------------
// The legacy wide DOTS CSV: Country Name, Country Code, Indicator Name, Indicator Code,
// Counterpart Country Name, Counterpart Country Code, Attribute, then one column a period (1948…,
// 2024Q1…, 2024M1… or 2024M01), often with an empty last column (lines end with a comma). Each
// series has a "Value" row and a "Status" row (e for estimates…): only Value rows are values.

const DOTS_COLUMNS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', 'Counterpart Country Name', 'Counterpart Country Code', 'Attribute'] as const;

/** The power of ten an indicator name or a Scale cell states: "…, Millions of US Dollars" → 6. */
function namedScale(text: string): number {
  const t = text.toLowerCase();
  if (/\btrillions?\b/.test(t)) return 12;
  if (/\bbillions?\b/.test(t)) return 9;
  if (/\bmillions?\b/.test(t)) return 6;
  if (/\bthousands?\b/.test(t)) return 3;
  return 0;
}

type Column = { index: number; period: string } | { index: number; quarter: true };

function dotsReader(ctx: ImportContext): RecordReader {
  let at: Record<string, number> = {};
  let columns: Column[] = [];
  let scaleAt = -1;
  const valuation = new ImportValuation();
  const seen = new Seen();
  /** The scale read, by the text that stated it ("" when nothing did), for the warning. */
  const scales = new Map<number, string>();
  return {
    kind: 'csv',
    delimiter: ',',
    onHeader(header) {
      const keys = header.map(headerKey);
      at = Object.fromEntries(DOTS_COLUMNS.map((c) => [c, keys.indexOf(headerKey(c))]));
      const lacking = DOTS_COLUMNS.filter((c) => at[c]! < 0);
      if (lacking.length > 0) ctx.problem(`${ctx.file}:1`, `the header lacks ${lacking.join(', ')}: is this a DOTS CSV?`);
      scaleAt = keys.findIndex((k) => k === 'scale' || k === 'unitmultiplier' || k === 'unitmult');
      columns = [];
      header.forEach((h, index) => {
        const period = /^\d{4}/.test(h) ? readPeriod(h) : null;
        if (period) columns.push({ index, period });
        else if (isQuarter(h)) columns.push({ index, quarter: true });
      });
      if (lacking.length === 0 && columns.length === 0) ctx.problem(`${ctx.file}:1`, 'the header has no period columns (such as 2024 or 2024M01)');
    },
    onRecord(fields, line) {
      const where = `${ctx.file}:${line}`;
      const get = (c: (typeof DOTS_COLUMNS)[number]) => (fields[at[c]!] ?? '').trim();
      // Rows left out whole count their cells with something in them: each is an observation.
      const filled = () => columns.reduce((n, c) => n + ((fields[c.index] ?? '').trim() === '' ? 0 : 1), 0);
      const excludeAll = (reason: string) => {
        for (let n = filled(); n > 0; n--) ctx.exclude(reason);
      };
      const attribute = get('Attribute');
      if (headerKey(attribute) !== 'value') return excludeAll(`${attribute || 'unnamed'} rows (Attribute other than Value: status flags such as e for estimates): not values`);
      const indicator = indicatorOf(get('Indicator Code'));
      if (!indicator.flow) return excludeAll(indicator.reason);
      const reporterCode = get('Country Code');
      const reporter = get('Country Name') || reporterCode;
      if (reporter === '') return ctx.problem(where, 'the Country Name and Country Code are empty');
      if (ctx.filter.reporter && !ctx.filter.reporter(reporter, reporterCode || undefined)) return excludeAll('other reporters (not selected)');
      const partnerCode = get('Counterpart Country Code');
      const partnerName = get('Counterpart Country Name') || partnerCode;
      const world = isWorld(partnerCode, partnerName);
      if (!world && isGroup(partnerCode, partnerName)) return excludeAll(GROUP_REASON);
      if (partnerName === '') return ctx.problem(where, 'the Counterpart Country Name and Code are empty');
      if (ctx.filter.partner && !world && !ctx.filter.partner(partnerName, partnerCode || undefined)) return excludeAll('other partners (not selected)');
      if (seen.twice(reporterCode || reporter, indicator.code, partnerCode || partnerName)) return ctx.problem(where, `${reporter} ${indicator.code} with ${partnerName} is given a second time (each series once: are two downloads overlapping?)`);
      const scaleText = scaleAt >= 0 && (fields[scaleAt] ?? '').trim() !== '' ? fields[scaleAt]!.trim() : get('Indicator Name');
      const exponent = namedScale(scaleText);
      if (!scales.has(exponent)) scales.set(exponent, exponent === 0 ? '' : scaleText);
      const factor = new Decimal(10).pow(exponent);
      for (const c of columns) {
        const text = fields[c.index];
        const value = readValue(text, factor);
        if (value === 'missing') {
          ctx.exclude(MISSING_REASON);
          continue;
        }
        if ('quarter' in c) {
          ctx.exclude(QUARTER_REASON);
          continue;
        }
        if (value === null) {
          ctx.problem(where, `the value ${JSON.stringify(text)} for ${c.period} is not a value (${VALUE_RULE})`);
          continue;
        }
        const before = givenBefore(ctx, 'dots', reporterCode || reporter, indicator.code, partnerCode || partnerName, c.period);
        if (before !== undefined) {
          ctx.problem(where, `${reporter} ${indicator.code} with ${partnerName} for ${c.period} is also in ${before} (each observation once: are two downloads overlapping?)`);
          continue;
        }
        const row = rowOf({ reporter, reporterCode: reporterCode || undefined, partner: world ? WORLD : partnerName, partnerCode: world ? undefined : partnerCode || undefined, period: c.period, flow: indicator.flow, value: value.value, halfWidth: value.halfWidth }, indicator.fob === true);
        if (indicator.flow === 'imports') valuation.note(row, indicator.fob);
        ctx.add(row);
      }
    },
    end() {
      for (const [exponent, text] of scales) {
        ctx.warn(
          exponent === 0
            ? `${ctx.file}: values read as US dollars: the indicator names state no scale (such as "Millions")`
            : `${ctx.file}: values read in ${SCALE_NAMES[exponent]} of US dollars, as ${JSON.stringify(text)} says: multiplied by ${new Decimal(10).pow(exponent).toFixed()}`,
        );
      }
      for (const w of valuation.warnings(ctx.file, 'TMG_FOB_USD')) ctx.warn(w);
    },
  };
}

export const dotsWide: Layout = {
  id: 'dots-wide',
  publisher: 'imts',
  label: 'IMF Direction of Trade Statistics (DOTS) wide CSV',
  recognise: (h: FileHead) => (hasColumns(h.header, DOTS_COLUMNS) ? (/T[XM]G_(FOB|CIF)_USD|TBG_USD/.test(h.head.slice(0, 65536)) ? 10 : 8) : 0),
  reader: dotsReader,
  valuation: VALUATION,
  unit: 'US dollars (scaled as the indicator names say: see warnings)',
};
