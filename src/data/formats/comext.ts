// Eurostat Comext: the SDMX-CSV of the dissemination API and data browser (datasets DS-045409,
// DS-059341…: `DATAFLOW, LAST UPDATE, freq, reporter, partner, product, flow, indicators,
// TIME_PERIOD, OBS_VALUE`), and the bulk file once extracted from its 7z archive (fullYYYYMM.dat:
// `DECLARANT, DECLARANT_ISO, PARTNER, PARTNER_ISO, …, PRODUCT_NC, …, FLOW, STAT_REGIME, …,
// PERIOD, VALUE_IN_EUROS, QUANTITY_IN_KG, …`). tradecalc does not open 7z archives.
//
// Traps (docs/publishers/comext.md):
// - values are euros (EUR), never converted; exports FOB, imports CIF (the statistical value);
// - flow 1 is imports, 2 exports;
// - partners: WORLD is the world total; aggregates beside the countries (EU27_2020_EXTRA,
//   EU27_2020_INTRA…: every partner code that is not two characters) are left out; a reporter
//   EU27_2020 is a reporter of its own;
// - products: TOTAL beside HS2/HS4/HS6/CN8 codes, ranked by the code's length, so a total is never
//   summed with its chapters, nor chapters with headings;
// - indicators: VALUE_IN_EUROS (DS-045409) or VALUE_EUR (DS-059341) are values; quantities
//   (QUANTITY_IN_100KG, QUANTITY_KG, SUPPLEMENTARY_QUANTITY…) are not, and are left out;
// - a missing OBS_VALUE (empty, or ":") is not zero;
// - periods 2024 or 2024-01 (SDMX-CSV), 202401 or 202452 (bulk: week 52 is the whole year);
// - codes are text: product "010121" keeps its zero.
// The bulk file has no WORLD partner: each reporter's world total is summed from its partners
// (every partner is in the file), and the user is told so.
// Unsure: a statistical-procedure column (stat_procedure, or STAT_REGIME in the bulk file) is read
// as parts of a whole, summed unless a TOTAL row stands beside them; "CODE:Label" values (SDMX-CSV
// with labels) give the label as the name; whether the newer bulk layout (REPORTER, PARTNER,
// VALUE_EUR) codes countries as ISO pairs. Eurostat refuses an extraction too big (HTTP 413)
// rather than cutting it short, so there is no row cap to warn about.
import { type Decimal, ZERO } from '../../core/decimal.js';
import { type Flow, type FlowRow, FlowTable, SeriesBuilder } from '../series.js';
import { MISSING_VALUE, ONE, OTHER_PARTNERS, OTHER_REPORTERS, type PartOf, columnIndexes, hasColumns, isQuarter, lookup, partsRank, readPeriod, readValue, VALUE_RULE } from './common.js';
import { countryByIso2 } from './countries.js';
import type { ImportContext, Layout, RecordReader } from './layout.js';

const COLUMNS = {
  reporterIso: ['DECLARANT_ISO'],
  reporter: ['reporter', 'DECLARANT'],
  partnerIso: ['PARTNER_ISO'],
  partner: ['partner'],
  product: ['product', 'PRODUCT_NC'],
  flow: ['flow'],
  indicator: ['indicators'],
  period: ['TIME_PERIOD', 'PERIOD'],
  obsValue: ['OBS_VALUE'],
  euros: ['VALUE_IN_EUROS', 'VALUE_EUR'],
  procedure: ['stat_procedure', 'STAT_REGIME', 'STAT_PROCEDURE'],
} as const;
type Key = keyof typeof COLUMNS;

const FLOWS: Record<string, Flow> = { '1': 'imports', '2': 'exports' };
const VALUE_INDICATORS = new Set(['VALUE_IN_EUROS', 'VALUE_EUR']);
const GROUP_REASON = 'partner aggregates (EU27_2020_EXTRA, EU27_2020_INTRA…) overlap the countries: not summed';
const QUANTITY_REASON = 'quantities (QUANTITY_IN_100KG, QUANTITY_KG, SUPPLEMENTARY_QUANTITY…) are not trade values: not used';

/** A header name without the label SDMX-CSV may give it ("reporter:Reporting country" → "reporter"). */
function headerName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(0, colon);
}

/** A dimension's code and label: "DE:Germany" → DE and Germany; "DE" → DE alone. */
function codeAndLabel(text: string | undefined): { code: string; label?: string | undefined } {
  const t = (text ?? '').trim();
  const colon = t.indexOf(':');
  if (colon === -1) return { code: t };
  return { code: t.slice(0, colon).trim(), label: t.slice(colon + 1).trim() || undefined };
}

/** "2024", "2024-01", "202401"; the bulk file's "202452" is the whole of 2024. */
function periodOf(text: string): string | null {
  const annual = /^(\d{4})52$/.exec(text.trim());
  return annual ? annual[1]! : readPeriod(text);
}

function mapRow(ctx: ImportContext, get: (k: Key) => string | undefined, bulk: boolean, where: string, derived: DerivedWorld): void {
  const flowCode = codeAndLabel(get('flow')).code;
  const flow = lookup(FLOWS, flowCode);
  if (!flow) return ctx.exclude(`flow code ${flowCode || '(empty)'}: neither 1 (imports) nor 2 (exports)`);
  if (!bulk) {
    const indicator = codeAndLabel(get('indicator')).code.toUpperCase();
    if (!VALUE_INDICATORS.has(indicator)) return ctx.exclude(/QUANT|SUPP/.test(indicator) ? QUANTITY_REASON : `indicator ${indicator || '(empty)'}: not a value in euros (VALUE_IN_EUROS or VALUE_EUR), not used`);
  }
  const rep = codeAndLabel(get('reporterIso') || get('reporter'));
  // An alpha-2 code is named from the country table (DE is Germany, EL Greece), the code kept.
  const reporter = rep.label ?? countryByIso2(rep.code)?.name ?? rep.code;
  if (!reporter) return ctx.problem(where, 'the row names no reporter');
  if (ctx.filter.reporter && !ctx.filter.reporter(reporter, rep.code)) return ctx.exclude(OTHER_REPORTERS);
  const par = codeAndLabel(get('partnerIso') || get('partner'));
  const isWorld = par.code.toUpperCase() === 'WORLD';
  if (!isWorld && !/^[A-Z0-9]{2}$/i.test(par.code)) return ctx.exclude(GROUP_REASON);
  const periodText = (get('period') ?? '').trim();
  const period = periodOf(periodText);
  if (!period) {
    if (isQuarter(periodText)) return ctx.exclude('quarters are not months or years: not used');
    return ctx.problem(where, `the period ${JSON.stringify(periodText)} is not a year or a month (expected 2024, 2024-01 or 202401)`);
  }
  const text = get(bulk ? 'euros' : 'obsValue');
  const value = readValue(text, ONE);
  if (value === null) return ctx.problem(where, `the value ${JSON.stringify(text)} is not a value (${VALUE_RULE})`);
  const parts: PartOf[] = [];
  const product = codeAndLabel(get('product')).code.toUpperCase();
  if (product !== '' && product !== 'TOTAL') parts.push({ weight: product.length, what: 'product codes' });
  const procedure = codeAndLabel(get('procedure')).code.toUpperCase();
  if (procedure !== '' && procedure !== 'TOTAL') parts.push({ weight: 100, what: 'statistical procedures' });
  const { rank, reason } = partsRank(parts);
  // An alpha-2 code is named from the country table (CN is China), the code kept.
  const partner = par.label ?? countryByIso2(par.code)?.name ?? par.code;
  if (value === 'missing') {
    // A total without a value, or a part of the only breakdown there is, leaves its cell without a
    // figure: the other parts never stand in for the total (a missing value is not zero).
    const partial = { reporter, reporterCode: rep.code, period, flow, currency: 'EUR', rank, partsReason: reason };
    if (isWorld) {
      derived.withWorld.add(reporter);
      return ctx.missing ? ctx.missing({ ...partial, partner: 'World' }, MISSING_VALUE) : ctx.exclude(MISSING_VALUE);
    }
    const partnerPartial = { ...partial, partner, partnerCode: par.code };
    if (bulk) derived.missing(partnerPartial);
    if (ctx.filter.partner && !ctx.filter.partner(partnerPartial.partner, par.code)) return ctx.exclude(OTHER_PARTNERS);
    return ctx.missing ? ctx.missing(partnerPartial, MISSING_VALUE) : ctx.exclude(MISSING_VALUE);
  }
  const row = { reporter, reporterCode: rep.code, period, flow, value: value.value, halfWidth: value.halfWidth, currency: 'EUR' };
  if (isWorld) {
    derived.withWorld.add(reporter);
    return ctx.add({ ...row, partner: 'World', rank, partsReason: reason });
  }
  const partnerRow = { ...row, partner, partnerCode: par.code, rank, partsReason: reason };
  // Every partner counts towards a bulk file's world total, also those not selected.
  if (bulk) derived.partners.add(partnerRow);
  if (ctx.filter.partner && !ctx.filter.partner(partner, par.code)) return ctx.exclude(OTHER_PARTNERS);
  ctx.add(partnerRow);
}

/**
 * The bulk file has no WORLD partner: a reporter's world total is the sum of its partners, each
 * partner's rows summed as the FlowTable sums them (its totals, not their parts, when both are
 * there). Added as no rows of their own: each row is counted once, under its partner.
 */
class DerivedWorld {
  readonly partners = new FlowTable();
  readonly withWorld = new Set<string>();
  /** Partners' cells with a row without a value: where such a cell has no figure, nor has the world. */
  private readonly missingCells = new Set<string>();

  missing(row: Omit<FlowRow, 'value' | 'halfWidth'>): void {
    this.partners.addMissing(row, MISSING_VALUE);
    this.missingCells.add(`${row.reporter}\u0000${row.partner}\u0000${row.period}\u0000${row.flow}`);
  }

  addTo(ctx: ImportContext): boolean {
    if (this.partners.isEmpty) return false;
    const sums = new SeriesBuilder();
    this.partners.finish(sums, ctx.file);
    let added = false;
    for (const [reporter, r] of sums.reporters) {
      if (this.withWorld.has(reporter)) continue;
      const totals = new Map<string, { period: string; flow: Flow; value: Decimal; halfWidth: Decimal }>();
      const unknown = new Map<string, { period: string; flow: Flow }>();
      for (const [partner, p] of r.partners) {
        for (const [period, statement] of p.periods) {
          for (const flow of ['exports', 'imports'] as const) {
            const figure = statement[flow];
            if (!figure) {
              // A partner whose figure is unknown leaves the world's unknown too: never the sum of the rest.
              if (this.missingCells.has(`${reporter}\u0000${partner}\u0000${period}\u0000${flow}`)) unknown.set(`${period} ${flow}`, { period, flow });
              continue;
            }
            const key = `${period} ${flow}`;
            const t = totals.get(key) ?? { period, flow, value: ZERO, halfWidth: ZERO };
            totals.set(key, { ...t, value: t.value.plus(figure.value), halfWidth: t.halfWidth.plus(figure.halfWidth) });
          }
        }
      }
      for (const [key, u] of unknown) {
        totals.delete(key);
        ctx.unknown({ reporter, partner: 'World', period: u.period, flow: u.flow }, 'rows of a partner with a value missing: the partners\' sum would not be the world total, so it is not added');
        added = true;
      }
      for (const t of totals.values()) {
        ctx.add({ reporter, reporterCode: r.code, partner: 'World', ...t, currency: r.currency, rank: 0, partsReason: 'partners summed into the world total', rowCount: 0 });
        added = true;
      }
    }
    return added;
  }
}

function reader(ctx: ImportContext): RecordReader {
  let at: Record<Key, number> | undefined;
  let bulk = false;
  const derived = new DerivedWorld();
  return {
    kind: 'csv',
    delimiter: ',',
    onHeader(header, line) {
      at = columnIndexes(header.map(headerName), COLUMNS);
      bulk = at.obsValue < 0;
      const needed: [boolean, string][] = [
        [at.reporterIso >= 0 || at.reporter >= 0, 'reporter (or DECLARANT_ISO)'],
        [at.partnerIso >= 0 || at.partner >= 0, 'partner (or PARTNER_ISO)'],
        [at.flow >= 0, 'flow'],
        [at.period >= 0, 'TIME_PERIOD (or PERIOD)'],
        bulk ? [at.euros >= 0, 'OBS_VALUE (or VALUE_IN_EUROS)'] : [at.indicator >= 0, 'indicators'],
      ];
      const lacks = needed.filter(([ok]) => !ok).map(([, name]) => name);
      if (lacks.length > 0) {
        ctx.problem(`${ctx.file}:${line}`, `the header lacks ${lacks.join(', ')}: is this a Comext file?`);
        at = undefined;
      }
    },
    onRecord(fields, line) {
      if (!at) return;
      mapRow(ctx, (k) => (at![k] >= 0 ? fields[at![k]] : undefined), bulk, `${ctx.file}:${line}`, derived);
    },
    end() {
      if (derived.addTo(ctx)) ctx.warn(`${ctx.file}: the bulk file has no WORLD partner: each reporter's world total is the sum of its partners (complete only if the file holds every partner, as the extracted bulk file does)`);
    },
  };
}

export const comext: Layout = {
  id: 'comext',
  publisher: 'comext',
  label: 'Eurostat Comext (SDMX-CSV, or the bulk file extracted from its 7z)',
  recognise: (h) => {
    const header = h.header?.map(headerName);
    if (hasColumns(header, ['reporter', 'partner', 'flow', 'TIME_PERIOD', 'OBS_VALUE']) && (hasColumns(header, ['product']) || hasColumns(header, ['indicators']))) return 9;
    const declarant = hasColumns(header, ['DECLARANT_ISO']) || hasColumns(header, ['DECLARANT']) || hasColumns(header, ['REPORTER']);
    const euros = hasColumns(header, ['VALUE_IN_EUROS']) || hasColumns(header, ['VALUE_EUR']);
    return declarant && euros && hasColumns(header, ['PRODUCT_NC', 'FLOW', 'PERIOD']) ? 9 : 0;
  },
  reader,
  valuation: { exports: 'FOB', imports: 'CIF' },
  unit: 'euros',
};
