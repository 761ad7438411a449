// UN Comtrade: the API's JSON, the web "Get data" CSV (the same camelCase columns), the bulk
// files (tab-separated, codes without descriptions, some headers spelled CIFValue/FOBValue) and the
// legacy CSV of before 2023 ("Trade Flow Code", "Trade Value (US$)").
//
// Traps (docs/publishers/comtrade.md): totals live beside their parts — partner World (code 0,
// W00/WLD), commodity TOTAL, customs procedure C00, mode of transport 0, second partner 0 — and
// only the totals are summed when present; re-exports (RX) are already inside exports (X), and
// re-imports (RM) inside imports (M), so they are never added; values are full US dollars,
// exports FOB and imports CIF; codes are read as text.
import { ONE, REASONS, capWarning, columnIndexes, hasColumns, headerKey, lookup, readPeriod, readValue, VALUE_RULE } from './common.js';
import { countryByCode } from './countries.js';
import type { ImportContext, Layout, RecordReader, SqlLayout } from './layout.js';
import { JsonNumber, notACell } from '../stream/json.js';

/** The row counts Comtrade cuts a download at: the web preview (500), the free API (100,000) and a subscription's (250,000). */
const COMTRADE_CAPS = [500, 100000, 250000];
const WORLD_CODES = new Set(['0', 'W00', 'WLD']);
/**
 * Partners that are groups of other partners: the European Union (97). The areas "n.e.s." (492
 * Europe n.e.s., 527 Oceania n.e.s., 899 Areas n.e.s.…), free zones (838) and special categories
 * (839) are not: they hold trade assigned to no country, are part of the World total, and are kept
 * as partners (BACI keeps them too).
 */
const GROUP_CODES = new Set(['97']);
const GROUP_REASON = 'partner groups (the European Union, code 97) overlap their members: not summed';
const NOT_FLOW = ': neither exports (X) nor imports (M)';

const FLOW_WORDS: Record<string, 'exports' | 'imports' | string> = {
  X: 'exports',
  M: 'imports',
  RX: 're-exports (RX) are already inside exports (X): not added',
  RM: 're-imports (RM) are already inside imports (M): not added',
};

/** The same rows, by the names the API, the web CSV and the bulk files give their columns. */
const COLUMNS = {
  freq: ['freqCode'],
  refYear: ['refYear'],
  refMonth: ['refMonth'],
  period: ['period', 'refPeriodId'],
  reporterCode: ['reporterCode'],
  reporterIso: ['reporterISO'],
  reporterDesc: ['reporterDesc'],
  flowCode: ['flowCode'],
  flowDesc: ['flowDesc'],
  partnerCode: ['partnerCode'],
  partnerIso: ['partnerISO'],
  partnerDesc: ['partnerDesc'],
  partner2Code: ['partner2Code'],
  cmdCode: ['cmdCode'],
  aggrLevel: ['aggrLevel'],
  customsCode: ['customsCode'],
  motCode: ['motCode'],
  primaryValue: ['primaryValue'],
  cifValue: ['cifvalue', 'CIFValue'],
  fobValue: ['fobvalue', 'FOBValue'],
} as const;

type Field = keyof typeof COLUMNS;

/** The fields that are money, kept as written; every other field is a code, a year or a month. */
const VALUE_FIELDS: ReadonlySet<Field> = new Set<Field>(['primaryValue', 'cifValue', 'fobValue']);
/** The numeric codes, years and months, which a file re-saved by pandas writes as floats. */
const NUMERIC_FIELDS: ReadonlySet<Field> = new Set<Field>(['refYear', 'refMonth', 'reporterCode', 'partnerCode', 'partner2Code', 'motCode', 'aggrLevel']);
/** A code written as a float: digits and a fraction of zeros ("156.0"). */
const FLOAT_CODE = /^(\d+)\.0+$/;

/** The dimensions where a total stands beside its parts, with the total's code and what the parts are. */
const PINS: readonly { field: Field; total: (v: string) => boolean; parts: string }[] = [
  { field: 'cmdCode', total: (v) => v.toUpperCase() === 'TOTAL', parts: 'commodity codes' },
  { field: 'customsCode', total: (v) => v.toUpperCase() === 'C00', parts: 'customs procedures' },
  { field: 'motCode', total: (v) => v === '0', parts: 'modes of transport' },
  { field: 'partner2Code', total: (v) => v === '0', parts: 'second partners' },
];

/** The rank of a row and the reason its rows are left out beside a better one. */
function rankOf(get: (f: Field) => string | undefined): { rank: number; reason: string } {
  let rank = 0;
  const parts: string[] = [];
  for (const pin of PINS) {
    const v = get(pin.field);
    if (v === undefined || v === '' || pin.total(v)) continue;
    // Commodities rank by their level (HS2 above HS4), so chapters are never summed with headings.
    const level = pin.field === 'cmdCode' ? Number(get('aggrLevel')) || v.length : 1;
    rank += level * 10;
    parts.push(pin.parts);
  }
  return { rank, reason: `rows by ${parts.join(', ') || 'part'} beside the totals they make up: the totals are used, the parts not summed` };
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl === -1 ? text : text.slice(0, nl);
}

/** Maps one record (by field name) onto the flows model. */
function mapRow(ctx: ImportContext, raw: (f: Field) => string | undefined, where: string): void {
  // Every cell trimmed, as the bulk engine trims it: " TOTAL" is the total; a code or a year
  // written as a float ("156.0", "0.0", "2024.0", as a file re-saved by pandas has them) is its
  // integer, as in the SQL below.
  const get = (f: Field): string | undefined => {
    const t = raw(f)?.trim();
    return t !== undefined && NUMERIC_FIELDS.has(f) ? t.replace(FLOAT_CODE, '$1') : t;
  };
  // The order of the checks is the bulk engine's too (layout.ts): reporter, the layout's own
  // exclusions, partner, then the value.
  const reporterCode = (get('reporterIso') || get('reporterCode') || '').trim();
  const reporter = (get('reporterDesc') || countryByCode(get('reporterCode'))?.name || reporterCode).trim();
  if (ctx.filter.reporter && !ctx.filter.reporter(reporter, reporterCode)) return ctx.exclude(REASONS.otherReporters);
  const flowCode = (get('flowCode') ?? '').trim().toUpperCase();
  const flow = lookup(FLOW_WORDS, flowCode);
  if (flow !== 'exports' && flow !== 'imports') {
    ctx.exclude(flow ?? `flow code ${flowCode || '(empty)'}${get('flowDesc') ? ` (${get('flowDesc')})` : ''}${NOT_FLOW}`);
    return;
  }
  const pCode = (get('partnerCode') ?? '').trim();
  const pIso = (get('partnerIso') ?? '').trim();
  const isWorld = WORLD_CODES.has(pCode) || WORLD_CODES.has(pIso.toUpperCase());
  if (!isWorld && GROUP_CODES.has(pCode)) return ctx.exclude(GROUP_REASON);
  const partner = isWorld ? 'World' : (get('partnerDesc') || countryByCode(pCode)?.name || pIso || pCode).trim();
  if (ctx.filter.partner && !isWorld && !ctx.filter.partner(partner, pIso || pCode)) return ctx.exclude(REASONS.otherPartners);
  const period = periodOf(get);
  if (!period) return ctx.problem(where, `the period ${JSON.stringify(get('period') ?? get('refYear') ?? '')} is not a year or a month`);
  const valueText = get('primaryValue') || (flow === 'exports' ? get('fobValue') : get('cifValue'));
  const value = readValue(valueText, ONE);
  if (value === null) return ctx.problem(where, `the value ${JSON.stringify(valueText)} is not a value (${VALUE_RULE})`);
  const { rank, reason } = rankOf(get);
  const row = { reporter, reporterCode: reporterCode || undefined, partner, flow: flow as 'exports' | 'imports', partnerCode: isWorld ? undefined : pIso || pCode || undefined, period, currency: 'USD', rank, partsReason: reason };
  // A total without a value leaves its cell without a figure: its parts never stand in for it.
  if (value === 'missing') return ctx.missing ? ctx.missing(row, REASONS.missingValue) : ctx.exclude(REASONS.missingValue);
  ctx.add({ ...row, value: value.value, halfWidth: value.halfWidth });
}

function periodOf(get: (f: Field) => string | undefined): string | null {
  const freq = (get('freq') ?? '').toUpperCase();
  // A month is one or two digits: "13", "1.5", "-1" or "abc" is no month (and no annual marker).
  const monthText = (get('refMonth') ?? '').trim();
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
  const year = (get('refYear') ?? '').trim();
  // Annual records carry refMonth 52 (seen in real files) or 99 (in some documentation); a monthly
  // record (freqCode M) is never read as its whole year.
  if (/^\d{4}$/.test(year)) {
    if (freq === 'A' || (freq !== 'M' && (month === 52 || month === 99 || month === 0))) return year;
    if (month >= 1 && month <= 12) return `${year}-${String(month).padStart(2, '0')}`;
  }
  const period = readPeriod(get('period'));
  return freq === 'M' && period !== null && !period.includes('-') ? null : period;
}


// ---------------------------------------------------------------------------------------------
// The same mapping in SQL, for the bulk engine and --print-sql (the tests compare it with the above).

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const inSql = (values: Iterable<string>) => `(${[...values].map(q).join(', ')})`;
const nz = (e: string) => `nullif(trim(${e}), '')`;

/** The SQL of a Comtrade layout, given the SQL expression of each field. */
function comtradeSql(delimiter: ',' | '\t', fields: (col: (s: readonly string[]) => string) => Record<Field, string>): SqlLayout {
  return {
    delimiter,
    scale: '1',
    // Columns arrive trimmed, with an empty cell as NULL (the engine's first stage).
    map(col) {
      const given = fields(col);
      const f = Object.fromEntries(
        Object.entries(given).map(([k, e]) => [k, NUMERIC_FIELDS.has(k as Field) && e !== 'NULL' ? `CASE WHEN strpos(${e}, '.') > 0 THEN regexp_replace(${e}, '${FLOAT_CODE.source}', '\\1') ELSE ${e} END` : e]),
      ) as Record<Field, string>;
      const flowCode = `upper(coalesce(${f.flowCode}, ''))`;
      const pCode = `coalesce(${f.partnerCode}, '')`;
      const pIso = `upper(coalesce(${f.partnerIso}, ''))`;
      const isWorld = `(${pCode} IN ${inSql(WORLD_CODES)} OR ${pIso} IN ${inSql(WORLD_CODES)})`;
      const pin = (field: Field, total: string) => `(${f[field]} IS NOT NULL AND NOT (${total}))`;
      const cmdPart = pin('cmdCode', `upper(${f.cmdCode}) = 'TOTAL'`);
      const customsPart = pin('customsCode', `upper(${f.customsCode}) = 'C00'`);
      const motPart = pin('motCode', `${f.motCode} = '0'`);
      const p2Part = pin('partner2Code', `${f.partner2Code} = '0'`);
      const month = `CASE WHEN regexp_full_match(coalesce(${f.refMonth}, ''), '\\d{1,2}') THEN TRY_CAST(${f.refMonth} AS INTEGER) END`;
      const year = f.refYear;
      const freq = `upper(coalesce(${f.freq}, ''))`;
      const period = `CASE
        WHEN regexp_full_match(coalesce(${year}, ''), '\\d{4}') AND (${freq} = 'A' OR (${freq} <> 'M' AND ${month} IN (0, 52, 99))) THEN ${year}
        WHEN regexp_full_match(coalesce(${year}, ''), '\\d{4}') AND ${month} BETWEEN 1 AND 12 THEN ${year} || '-' || lpad(CAST(${month} AS VARCHAR), 2, '0')
        WHEN regexp_full_match(coalesce(${f.period}, ''), '\\d{4}') AND ${freq} <> 'M' THEN ${f.period}
        WHEN regexp_full_match(coalesce(${f.period}, ''), '\\d{4}-?M?\\d{1,2}') AND TRY_CAST(regexp_extract(${f.period}, '\\d{4}-?M?(\\d{1,2})', 1) AS INTEGER) BETWEEN 1 AND 12
          THEN substr(${f.period}, 1, 4) || '-' || lpad(regexp_extract(${f.period}, '\\d{4}-?M?(\\d{1,2})', 1), 2, '0')
      END`;
      return {
        reporter: `coalesce(${f.reporterDesc}, ${f.reporterIso}, ${f.reporterCode})`,
        reporterCode: `coalesce(${f.reporterIso}, ${f.reporterCode})`,
        partner: `CASE WHEN ${isWorld} THEN 'World' ELSE coalesce(${f.partnerDesc}, ${f.partnerIso}, ${f.partnerCode}) END`,
        partnerCode: `CASE WHEN ${isWorld} THEN NULL ELSE coalesce(${f.partnerIso}, ${f.partnerCode}) END`,
        period,
        flow: `CASE ${flowCode} WHEN 'X' THEN 'exports' WHEN 'M' THEN 'imports' END`,
        value: `coalesce(${f.primaryValue}, CASE ${flowCode} WHEN 'X' THEN ${f.fobValue} WHEN 'M' THEN ${f.cifValue} END)`,
        excluded: `CASE
        WHEN ${flowCode} = 'RX' THEN ${q(FLOW_WORDS.RX!)}
        WHEN ${flowCode} = 'RM' THEN ${q(FLOW_WORDS.RM!)}
        WHEN ${flowCode} NOT IN ('X', 'M') THEN 'flow code ' || CASE WHEN ${flowCode} = '' THEN '(empty)' ELSE ${flowCode} END || coalesce(' (' || ${f.flowDesc} || ')', '') || ${q(NOT_FLOW)}
        WHEN NOT ${isWorld} AND ${pCode} IN ${inSql(GROUP_CODES)} THEN ${q(GROUP_REASON)}
      END`,
        rank: `(CASE WHEN ${cmdPart} THEN coalesce(nullif(TRY_CAST(${f.aggrLevel} AS INTEGER), 0), length(${f.cmdCode})) * 10 ELSE 0 END
        + CASE WHEN ${customsPart} THEN 10 ELSE 0 END + CASE WHEN ${motPart} THEN 10 ELSE 0 END + CASE WHEN ${p2Part} THEN 10 ELSE 0 END)`,
        partsReason: `'rows by ' || coalesce(nullif(concat_ws(', ', CASE WHEN ${cmdPart} THEN 'commodity codes' END, CASE WHEN ${customsPart} THEN 'customs procedures' END, CASE WHEN ${motPart} THEN 'modes of transport' END, CASE WHEN ${p2Part} THEN 'second partners' END), ''), 'part') || ' beside the totals they make up: the totals are used, the parts not summed'`,
        currency: "'USD'",
      };
    },
    // A bulk file carries codes without names: name them as the streaming reader does.
    finish(row) {
      const rep = countryByCode(row.reporter);
      const par = row.partner === 'World' ? undefined : countryByCode(row.partner);
      return { ...row, reporter: rep && row.reporter === row.reporterCode ? rep.name : row.reporter, partner: par && row.partner === row.partnerCode ? par.name : row.partner };
    },
  };
}

const apiColumns = (col: (s: readonly string[]) => string) => Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, col(v)])) as Record<Field, string>;

function csvReader(ctx: ImportContext, delimiter: ',' | '\t' | undefined): RecordReader {
  let at: Record<Field, number> | undefined;
  let rows = 0;
  return {
    kind: 'csv',
    delimiter,
    onHeader(header) {
      at = columnIndexes(header, COLUMNS);
      if (at.flowCode < 0 || at.primaryValue < 0 && at.cifValue < 0) ctx.problem(`${ctx.file}:1`, 'the header lacks flowCode or primaryValue: is this a Comtrade file?');
    },
    onRecord(fields, line) {
      rows++;
      mapRow(ctx, (f) => (at![f] >= 0 ? fields[at![f]] : undefined), `${ctx.file}:${line}`);
    },
    end() {
      const w = capWarning(ctx.file, rows, COMTRADE_CAPS, 'Comtrade');
      if (w) ctx.warn(w);
    },
  };
}

export const comtradeCsv: Layout = {
  id: 'comtrade-csv',
  uniqueTotals: true,
  publisher: 'comtrade',
  label: 'UN Comtrade CSV (web "Get data" or API)',
  recognise: (h) => (hasColumns(h.header, ['reporterCode', 'flowCode', 'partnerCode', 'primaryValue']) && !firstLine(h.head).includes('\t') ? 9 : 0),
  reader: (ctx) => csvReader(ctx, ','),
  valuation: { exports: 'FOB', imports: 'CIF' },
  unit: 'US dollars',
  rowCaps: COMTRADE_CAPS,
  sql: comtradeSql(',', apiColumns),
};

export const comtradeBulk: Layout = {
  id: 'comtrade-bulk',
  uniqueTotals: true,
  publisher: 'comtrade',
  label: 'UN Comtrade bulk file (tab-separated)',
  recognise: (h) => (firstLine(h.head).includes('\t') && hasColumns(h.header, ['reporterCode', 'flowCode', 'partnerCode']) ? 9 : 0),
  reader: (ctx) => csvReader(ctx, '\t'),
  valuation: { exports: 'FOB', imports: 'CIF' },
  unit: 'US dollars',
  sql: comtradeSql('\t', apiColumns),
};

export const comtradeJson: Layout = {
  id: 'comtrade-json',
  uniqueTotals: true,
  publisher: 'comtrade',
  label: 'UN Comtrade API JSON',
  // A response with records, or an error response (no records, or data null): `elapsedTime`,
  // `count` and `error` beside `data` are the API's own.
  recognise: (h) =>
    /^\s*\{/.test(h.head) &&
    ((/"data"\s*:\s*\[/.test(h.head) && /"(reporterCode|flowCode|primaryValue)"/.test(h.head)) || (/"elapsedTime"\s*:/.test(h.head) && /"data"\s*:/.test(h.head) && /"error"\s*:/.test(h.head)))
      ? 9
      : 0,
  reader: (ctx) => {
    let rows = 0;
    return {
      kind: 'json',
      streams: (path) => path.length === 1 && path[0] === 'data',
      onElement(_path, index, value) {
        rows++;
        if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof JsonNumber) return ctx.problem(`${ctx.file}: $.data[${index}]`, 'a record is not an object');
        const rec = value as Record<string, unknown>;
        const byKey = new Map(Object.keys(rec).map((k) => [headerKey(k), rec[k]]));
        // A field that is an object, an array or a boolean is no code and no value: never its
        // text ("[object Object]" crashed, [392] was read as 392, [] as an empty reporter).
        for (const names of Object.values(COLUMNS)) {
          for (const name of names) {
            const wrong = notACell(byKey.get(headerKey(name)));
            if (wrong) return ctx.problem(`${ctx.file}: $.data[${index}].${name}`, `${wrong} where a code or a value is expected`);
          }
        }
        const get = (f: Field) => {
          for (const name of COLUMNS[f]) {
            const v = byKey.get(headerKey(name));
            // A code or a year written as a number is its integer (reporterCode 392.0 is 392);
            // values keep the text they are written in, to be summed exactly.
            if (v instanceof JsonNumber && !VALUE_FIELDS.has(f)) return v.codeText();
            if (v !== undefined && v !== null) return String(v);
          }
          return undefined;
        };
        mapRow(ctx, get, `${ctx.file}: $.data[${index}]`);
      },
      onDocument(doc) {
        const d = doc as { error?: unknown; count?: unknown };
        // An answer with an error is not data, whatever records came with it: a data error (exit 3).
        if (typeof d?.error === 'string' && d.error.trim() !== '') return ctx.problem(ctx.file, `the Comtrade API answered with an error, not data: ${d.error.trim().slice(0, 200)}`);
        const w = capWarning(ctx.file, rows, COMTRADE_CAPS, 'Comtrade API');
        if (w) ctx.warn(w);
      },
    };
  },
  valuation: { exports: 'FOB', imports: 'CIF' },
  unit: 'US dollars',
  rowCaps: COMTRADE_CAPS,
};

// The legacy CSV (before 2023): flows by number, values in "Trade Value (US$)".
const LEGACY = {
  year: ['Year'],
  period: ['Period'],
  flowCode: ['Trade Flow Code'],
  flow: ['Trade Flow'],
  reporterCode: ['Reporter Code'],
  reporter: ['Reporter'],
  reporterIso: ['Reporter ISO'],
  partnerCode: ['Partner Code'],
  partner: ['Partner'],
  partnerIso: ['Partner ISO'],
  partner2Code: ['2nd Partner Code'],
  cmdCode: ['Commodity Code'],
  aggrLevel: ['Aggregate Level'],
  customsCode: ['Customs Proc. Code', 'Customs Proc Code'],
  motCode: ['Mode of Transport Code'],
  value: ['Trade Value (US$)', 'Trade Value'],
} as const;

const LEGACY_FLOWS: Record<string, string> = { '1': 'M', '2': 'X', '3': 'RX', '4': 'RM' };

/** The legacy columns as the fields of the API's records, in SQL: what the streaming reader's get() below does. */
const legacyColumns = (col: (s: readonly string[]) => string): Record<Field, string> => {
  const flow = col(LEGACY.flowCode);
  return {
    freq: 'NULL',
    refYear: 'NULL',
    refMonth: 'NULL',
    period: `coalesce(${col(LEGACY.period)}, ${col(LEGACY.year)})`,
    reporterCode: col(LEGACY.reporterCode),
    reporterIso: col(LEGACY.reporterIso),
    reporterDesc: col(LEGACY.reporter),
    flowCode: `CASE ${flow} ${Object.entries(LEGACY_FLOWS).map(([k, v]) => `WHEN ${q(k)} THEN ${q(v)}`).join(' ')} ELSE ${flow} END`,
    flowDesc: col(LEGACY.flow),
    partnerCode: col(LEGACY.partnerCode),
    partnerIso: col(LEGACY.partnerIso),
    partnerDesc: col(LEGACY.partner),
    partner2Code: col(LEGACY.partner2Code),
    cmdCode: col(LEGACY.cmdCode),
    aggrLevel: col(LEGACY.aggrLevel),
    customsCode: col(LEGACY.customsCode),
    motCode: col(LEGACY.motCode),
    primaryValue: col(LEGACY.value),
    cifValue: 'NULL',
    fobValue: 'NULL',
  };
};

export const comtradeLegacy: Layout = {
  id: 'comtrade-legacy',
  uniqueTotals: true,
  publisher: 'comtrade',
  label: 'UN Comtrade legacy CSV (before 2023)',
  recognise: (h) => (hasColumns(h.header, ['Trade Flow Code', 'Reporter Code', 'Partner Code']) ? 9 : 0),
  reader: (ctx) => {
    let at: Record<keyof typeof LEGACY, number> | undefined;
    let rows = 0;
    return {
      kind: 'csv',
      delimiter: ',',
      onHeader(header) {
        at = columnIndexes(header, LEGACY);
      },
      onRecord(fields, line) {
        rows++;
        const raw = (k: keyof typeof LEGACY) => (at![k] >= 0 ? fields[at![k]] : undefined);
        const get = (f: Field): string | undefined => {
          switch (f) {
            case 'flowCode':
              return lookup(LEGACY_FLOWS, (raw('flowCode') ?? '').trim()) ?? raw('flowCode');
            case 'flowDesc':
              return raw('flow');
            case 'period': {
              const p = raw('period');
              return p && p.trim() !== '' ? p : raw('year');
            }
            case 'reporterDesc':
              return raw('reporter');
            case 'partnerDesc':
              return raw('partner');
            case 'partnerIso':
              return raw('partnerIso');
            case 'primaryValue':
              return raw('value');
            case 'freq':
            case 'refYear':
            case 'refMonth':
            case 'cifValue':
            case 'fobValue':
              return undefined;
            default:
              return raw(f as keyof typeof LEGACY);
          }
        };
        mapRow(ctx, get, `${ctx.file}:${line}`);
      },
      end() {
        const w = capWarning(ctx.file, rows, COMTRADE_CAPS, 'Comtrade');
        if (w) ctx.warn(w);
      },
    };
  },
  valuation: { exports: 'FOB', imports: 'CIF' },
  unit: 'US dollars',
  rowCaps: COMTRADE_CAPS,
  sql: comtradeSql(',', legacyColumns),
};
