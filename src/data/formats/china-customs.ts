// China customs (GACC): the CSV that the query site (stats.customs.gov.cn, English or Chinese
// pages) downloads. Checked against the sample downloads and reader of the R package chinautils
// (turbanisch/chinautils, cc_read_csv) and FORMATS.md.
//
// Traps (docs/publishers/china-customs.md):
//   - the file does not say its flow: one file per flow (and per currency). The flow comes from
//     --flow, else from the file's name ("export"/"import", 出口/进口); "import and export" (进出口)
//     files add both flows together and are refused; with neither, a problem asks for --flow;
//   - the currency is the value column's name: "US dollar" (美元) or "Renminbi Yuan" (人民币);
//     values are in full units with thousands separators ("1,161"), "-" (and "?", which marks the
//     empty unit columns) is missing, never zero;
//   - the columns depend on the query: a dimension that was not selected has no column, and its
//     rows are totals over it; a dimension that was selected gives parts. GACC's downloads carry no
//     total row that we have seen: a partner, commodity or regime called "Total"/"总值"/"合计" is
//     taken as a total (unsure: spelling assumed), used beside its parts and ranked above them.
//     Without one, the parts are summed — World is then the sum of the partners the query selected
//     — and a warning says what the figures cover;
//   - partner groups (continents, the EU, ASEAN…) overlap their members: left out (unsure: we have
//     not seen GACC's spelling of them in a download);
//   - a query with no "Date of data" column (one month, or months added together) has no period:
//     refused; periods are YYYYMM;
//   - a query is capped at 10,000 rows: a file with exactly 10,000 rows is probably cut short;
//   - files are GB18030, which the loader reads as Latin-1 when they are not UTF-8: the names (and
//     a Chinese header) are decoded back from GB18030 here ("Hong Kong£¬China" → "Hong Kong, China");
//   - every line ends with a comma (an empty last field); codes are read as text;
//   - exports FOB, imports CIF; imports by country of origin, exports by country of destination.
import { basename } from 'node:path';
import { ZERO } from '../../core/decimal.js';
import { ONE, type PartSum, addPart, capWarning, headerKey, readPeriod, readValue, VALUE_RULE } from './common.js';
import type { Layout, RecordReader } from './layout.js';

const COLUMNS = {
  date: ['Date of data', '数据年月'],
  commodityCode: ['Commodity code', '商品编码'],
  commodity: ['Commodity', '商品名称'],
  partnerCode: ['Trading partner code', '贸易伙伴编码'],
  partner: ['Trading partner', '贸易伙伴名称'],
  regimeCode: ['Customs Regime code', '贸易方式编码'],
  regime: ['Customs Regime', '贸易方式名称'],
  provinceCode: ['Locations of importers and exporters code', '注册地编码'],
  province: ['Locations of importers and exporters', '注册地名称'],
  usd: ['US dollar', 'US dollars', '美元'],
  cny: ['Renminbi Yuan', 'Renminbi', 'RMB', '人民币', '人民币元'],
} as const;
type Column = keyof typeof COLUMNS;

/** The download cap of one query. */
const CAP = 10000;

/** A header name as compared: headerKey for Latin names, the trimmed text for Chinese ones. */
function key(name: string): string {
  const text = gbText(name.replace(/^\uFEFF/, ''));
  return headerKey(text) || text.replace(/\s+/g, '');
}

function indexes(header: readonly string[]): Record<Column, number> {
  const keys = header.map(key);
  const out = {} as Record<Column, number>;
  for (const c of Object.keys(COLUMNS) as Column[]) out[c] = keys.findIndex((k) => COLUMNS[c].some((w) => key(w) === k));
  return out;
}

const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Text as GACC wrote it. A GB18030 file that is not UTF-8 reaches us decoded as Latin-1, each byte
 * one character; GB2312's characters are pairs of bytes from 0xA1 to 0xFE, so a text whose non-ASCII
 * characters all come in such pairs is turned back into bytes and decoded as GB18030. Real Latin-1
 * or UTF-8 text ("Côte d'Ivoire": one accented letter beside ASCII) is left alone. Full-width
 * punctuation becomes ASCII.
 */
export function gbText(text: string): string {
  return tidy(fromGb18030(text) ?? text);
}

/** The GB18030 reading of a text decoded as Latin-1, or null when it is not one. */
function fromGb18030(text: string): string | null {
  if (!/^(?:[\u0000-\u007f]|[\u00a1-\u00fe]{2})*$/.test(text) || !/[\u00a1-\u00fe]/.test(text)) return null;
  try {
    return GB18030.decode(Uint8Array.from(text, (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
}

function tidy(text: string): string {
  return text.replace(/\uFF0C\s*/g, ', ').replace(/\uFF08/g, '(').replace(/\uFF09/g, ')').replace(/\s+/g, ' ').trim();
}

/** Words a total row may carry instead of a code (unsure: no GACC download with one was seen). */
const TOTAL_WORDS = new Set(['total', 'world', '总值', '合计', '总计', '全球', '世界']);
const isTotal = (text: string | undefined) => text !== undefined && TOTAL_WORDS.has(gbText(text).toLowerCase());

/** Partner groups (continents, blocs) that overlap their members, by name, English or Chinese. */
const GROUPS = new Set(
  [
    'asia', 'africa', 'europe', 'latin america', 'latin america and the caribbean', 'north america', 'oceania',
    'european union', 'eu', 'asean', 'apec', 'rcep', 'belt and road', 'countries along the belt and road',
    '亚洲', '非洲', '欧洲', '拉丁美洲', '拉美', '北美洲', '大洋洲', '欧盟', '东盟', '亚太经合组织', '一带一路', '一带一路沿线国家',
  ],
);

/** What a file name says of its flow: "export"/出口, "import"/进口, both (进出口, "import and export"), or nothing. */
export function flowFromName(file: string): 'exports' | 'imports' | 'both' | undefined {
  const name = basename(file);
  const rest = name.split('进出口').join('');
  const ex = /export/i.test(name) || rest.includes('出口');
  const im = /import/i.test(name) || rest.includes('进口');
  if (name.includes('进出口') || (ex && im)) return 'both';
  return ex ? 'exports' : im ? 'imports' : undefined;
}

/** The dimensions a query may split by: a total in each ranks above its parts. */
const DIMENSIONS = [
  { code: 'commodityCode', name: 'commodity', parts: 'commodity codes', coverWhat: 'commodity codes', total: 'commodity total' },
  { code: 'regimeCode', name: 'regime', parts: 'customs regimes', coverWhat: 'customs regimes', total: 'all-regimes total' },
  { code: 'provinceCode', name: 'province', parts: 'locations of importers and exporters', coverWhat: 'locations (provinces)', total: 'all-locations total' },
] as const satisfies readonly { code: Column; name: Column; parts: string; coverWhat: string; total: string }[];

/** World summed from partner rows ranks below a total partner row, whatever the other dimensions. */
const SUMMED_WORLD = 1000;
const SUMMED_WORLD_REASON = 'partner rows summed into World beside a total partner row: the total is used';
const MISSING_REASON = 'rows whose value is missing ("-"), which is not zero: not added';
const INCOMPLETE_REASON = 'rows whose partner and month have another part missing: their sum would not be the total, so it is not added';
const UNSELECTED = 'other partners (not selected)';

/** The rows of one partner (or of the total partner), month and rank, summed as they are read. */
interface Cell extends PartSum {
  /** A total partner row (World as the file states it). */
  world: boolean;
  partner: string;
  partnerCode: string | undefined;
  period: string;
  rank: number;
  reason: string;
  /** Whether the caller asked for this partner. */
  wanted: boolean;
  /** Counted in an added row already. */
  counted: boolean;
}

export const chinaCustoms: Layout = {
  id: 'china-customs',
  publisher: 'china-customs',
  label: 'China customs (GACC) query download',
  recognise: (h) => {
    if (!h.header) return 0;
    const at = indexes(h.header);
    if (at.usd < 0 && at.cny < 0) return 0;
    const dims = (['date', 'partnerCode', 'commodityCode', 'regimeCode', 'provinceCode'] as const).filter((c) => at[c] >= 0).length;
    return dims >= 2 ? 9 : dims === 1 ? 7 : 0;
  },
  reader: (ctx): RecordReader => {
    let at: Record<Column, number> | undefined;
    let width = 0;
    let usable = false;
    let wanted = true;
    let flow: 'exports' | 'imports' = 'exports';
    let currency = 'USD';
    let value: Column = 'usd';
    let rows = 0;
    let decoded = false;
    // The file is read whole before anything is added (a query holds at most 10,000 rows): a sum
    // with a missing part is not added, and World is summed only from complete partner sums.
    const cells = new Map<string, Cell>();
    const seen = { commodityCode: new Set<string>(), regimeCode: new Set<string>(), provinceCode: new Set<string>() };
    const totals = { commodityCode: false, regimeCode: false, provinceCode: false };
    const text = (raw: string | undefined) => {
      const gb = fromGb18030(raw ?? '');
      if (gb !== null) decoded = true;
      return tidy(gb ?? raw ?? '');
    };
    const row = (c: Cell, partner: string, partnerCode: string | undefined, rank: number, reason: string, rowCount: number) => ({
      reporter: 'China', reporterCode: 'CHN', partner, partnerCode, period: c.period, flow, value: c.value, halfWidth: c.halfWidth, currency, rank, partsReason: reason, rowCount,
    });

    return {
      kind: 'csv',
      delimiter: ',',
      onHeader(header, line) {
        at = indexes(header);
        width = header.length;
        const named = flowFromName(ctx.file);
        if (ctx.options.flow) {
          flow = ctx.options.flow;
          if (named && named !== flow) ctx.warn(`${ctx.file}: read as ${flow} (--flow), though its name suggests ${named === 'both' ? 'exports and imports together' : named}`);
        } else if (named === 'both') {
          return ctx.problem(ctx.file, 'holds exports and imports added together (its name says "import and export"): download exports and imports as two files, or, if the name misleads, import it with tradecalc import --flow exports (or imports)');
        } else if (named === undefined) {
          return ctx.problem(ctx.file, 'a China customs file does not say whether it holds exports or imports, and its name has neither "export" nor "import" (出口/进口): put the flow in its name (exports_2024.csv), or import it with tradecalc import --flow exports (or imports)');
        } else flow = named;
        if (at.usd >= 0 && at.cny >= 0) ctx.warn(`${ctx.file}: has values in US dollars and in yuan: the US dollars are used (nothing is converted)`);
        currency = at.usd >= 0 ? 'USD' : 'CNY';
        value = at.usd >= 0 ? 'usd' : 'cny';
        if (at.date < 0) {
          return ctx.problem(`${ctx.file}:${line}`, 'has no "Date of data" column, so its period is unknown (GACC leaves it out of a query for one month, or for months added together): query again with the data shown month by month');
        }
        usable = true;
        wanted = ctx.filter.reporter ? ctx.filter.reporter('China', 'CHN') : true;
      },
      onRecord(fields, line) {
        rows++;
        if (!usable || !at) return;
        const where = `${ctx.file}:${line}`;
        // Every line ends with a comma, the header's too; a line without it is accepted.
        if (fields.length !== width && !(width > 1 && fields.length === width - 1)) return ctx.problem(where, `has ${fields.length} fields where the header has ${width}`);
        if (!wanted) return ctx.exclude('other reporters (not selected)');
        const get = (c: Column) => (at![c] >= 0 ? fields[at![c]] : undefined);

        const period = readPeriod(get('date'));
        if (!period) return ctx.problem(where, `the date of data ${JSON.stringify(get('date') ?? '')} is not a month (expected YYYYMM)`);

        const pCode = (get('partnerCode') ?? '').trim();
        const pName = text(get('partner'));
        const world = (at.partnerCode < 0 && at.partner < 0) || isTotal(pCode) || isTotal(pName);
        if (!world && GROUPS.has(pName.toLowerCase())) return ctx.exclude('partner groups (continents, the EU, ASEAN…) overlap their member countries: not summed');

        let rank = 0;
        const parts: string[] = [];
        for (const d of DIMENSIONS) {
          if (at[d.code] < 0 && at[d.name] < 0) continue;
          const code = (get(d.code) ?? '').trim();
          if (isTotal(code) || (code === '' && isTotal(get(d.name)))) {
            totals[d.code] = true;
            continue;
          }
          seen[d.code].add(code);
          // Commodities rank by their level (HS2 above HS4 above HS8), so levels are never summed together.
          rank += d.code === 'commodityCode' ? Math.max(code.length, 1) * 10 : d.code === 'regimeCode' ? 1 : 2;
          parts.push(d.parts);
        }

        const partner = world ? 'World' : pName || pCode;
        const key = `${world ? '' : `=${pCode || partner}`}\u0000${period}\u0000${rank}`;
        let cell = cells.get(key);
        if (!cell) {
          const reason = `rows by ${parts.join(', ')} beside the totals they make up: the totals are used, the parts not summed`;
          const want = world || !ctx.filter.partner || ctx.filter.partner(partner, pCode || undefined);
          cell = { world, partner, partnerCode: world ? undefined : pCode || undefined, period, rank, reason, value: ZERO, halfWidth: ZERO, rows: 0, missing: false, wanted: want, counted: false };
          cells.set(key, cell);
        }

        const raw = get(value);
        const v = raw?.trim() === '?' ? 'missing' : readValue(raw, ONE, { thousands: true });
        if (v === null) return ctx.problem(where, `the value ${JSON.stringify(raw)} is not a value (${VALUE_RULE})`);
        addPart(cell, v);
        if (v === 'missing') ctx.exclude(MISSING_REASON);
      },
      end() {
        const cap = capWarning(ctx.file, rows, [CAP], 'China customs query');
        if (cap) ctx.warn(cap);
        if (!usable) return;
        // Partners' sums (and the file's own totals), and by month what World could be summed from.
        const byPeriod = new Map<string, Cell[]>();
        const stated = new Set<string>();
        for (const c of cells.values()) {
          if (!c.missing && c.world) stated.add(c.period);
          if (!c.world) {
            const list = byPeriod.get(c.period);
            if (list) list.push(c);
            else byPeriod.set(c.period, [c]);
          }
          if (c.missing || !c.wanted) continue;
          ctx.add(row(c, c.partner, c.partnerCode, c.rank, c.reason, c.rows));
          c.counted = true;
        }
        // World from the partners, for a month the file gives no total for: at a rank every partner
        // of the month has, complete; the rows of partners not asked for are counted there.
        const partnerCount = new Set([...cells.values()].filter((c) => !c.world).map((c) => c.partnerCode ?? c.partner)).size;
        let summed = false;
        const unsummed: string[] = [];
        for (const [period, list] of byPeriod) {
          if (stated.has(period)) continue;
          const partners = new Set(list.map((c) => c.partnerCode ?? c.partner));
          let any = false;
          for (const rank of new Set(list.map((c) => c.rank))) {
            const same = list.filter((c) => c.rank === rank);
            if (same.some((c) => c.missing) || new Set(same.map((c) => c.partnerCode ?? c.partner)).size !== partners.size) continue;
            const sum: Cell = { ...same[0]!, value: ZERO, halfWidth: ZERO, rows: 0 };
            for (const c of same) {
              sum.value = sum.value.plus(c.value);
              sum.halfWidth = sum.halfWidth.plus(c.halfWidth);
              if (!c.counted) sum.rows += c.rows;
              c.counted = true;
            }
            ctx.add(row(sum, 'World', undefined, rank + SUMMED_WORLD, SUMMED_WORLD_REASON, sum.rows));
            any = summed = true;
          }
          if (!any) unsummed.push(period);
        }
        for (const c of cells.values()) {
          if (c.counted) continue;
          for (let n = 0; n < c.rows; n++) ctx.exclude(c.missing ? INCOMPLETE_REASON : UNSELECTED);
        }
        if (summed) ctx.warn(`${ctx.file}: no total partner row: World is the sum of the ${partnerCount} partners in the file (what the query selected, not necessarily all of China's trade)`);
        if (unsummed.length > 0) ctx.warn(`${ctx.file}: no World for ${unsummed.sort().join(', ')}: a partner's value is missing (or partners are given at different levels), so their sum is not the total`);
        for (const d of DIMENSIONS) {
          if (seen[d.code].size > 0 && !totals[d.code]) ctx.warn(`${ctx.file}: no ${d.total}: the figures add up the ${seen[d.code].size} ${d.coverWhat} in the file (all of them only if the query selected all)`);
        }
        if (decoded) ctx.warn(`${ctx.file}: names decoded from GB18030, the Chinese encoding GACC's downloads use`);
      },
    };
  },
  valuation: { exports: 'FOB', imports: 'CIF' },
  unit: 'US dollars or yuan, as the value column says (full units)',
  rowCaps: [CAP],
};
