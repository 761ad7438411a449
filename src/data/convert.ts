// Turning a dataset document that has the schema's shape into the core's typed Dataset: units,
// stated precision, and the checks a schema cannot express (duplicate years, negative amounts).
// Every problem is collected with its JSON path, so one run reports them all. This module does not
// load the schema library: the built-in datasets, validated when the program is built, come here directly.
import { Decimal } from '../core/decimal.js';
import { AMOUNT_MAX_ABS, GROWTH_MAX_PCT } from '../core/limits.js';
import type { Claim, Dataset, Figure, Forecast, PartnerSeries, Qualifier, ScenarioRecord } from '../core/types.js';
import { type Statement, seriesOf } from './series.js';
import { DataError } from '../errors.js';
import type { RawAmount, RawDataset, RawRate } from './schema.js';
import { AMOUNT_EXPECTED, MAX_DECIMAL_PLACES, UNIT_FACTORS, parseAmount, parseDecimal, parseUnit, unitCurrency } from './units.js';

export const MAX_AMOUNT = new Decimal(AMOUNT_MAX_ABS);
/** Rates are percentages; beyond the growth limit it is a typo, not a figure. */
export const MAX_RATE = new Decimal(GROWTH_MAX_PCT);

type Problems = string[];

/** JSON numbers are accepted only when their shortest form has at most 15 significant digits. */
function numberToText(n: number, path: string, problems: Problems): string | null {
  const text = String(n);
  const digits = text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) {
    problems.push(`${path}: ${text} has more than 15 significant digits; write it as a string to keep it exact`);
    return null;
  }
  return text;
}

/** What the amount conversion needs to know besides the text. */
export interface AmountContext {
  /** The dataset's (or row's) currency: an amount naming another is refused, never converted. */
  currency: string;
  /** A unit the number is in (a CSV unit column, a JSON {"unit"}): the text is then a plain number. */
  unitFactor?: Decimal | undefined;
  /** The unit as written, for the figure's stated text. */
  unitText?: string | undefined;
  /** Trade flows are never below zero; a threshold or a balance may be. */
  negative?: 'refuse' | 'allow' | undefined;
  /** What an amount should look like, for the message. */
  expected?: string | undefined;
}

export type Converted = { figure: Figure } | { problem: string };

/**
 * An amount from its text, the one path every figure takes (CSV cells, JSON strings and numbers,
 * options): a strict decimal with an optional unit and currency, at most 20 decimal places and 1e21
 * in magnitude, in the context's currency. A problem is worded to follow the quoted text.
 */
export function amountFromText(text: string, c: AmountContext): Converted {
  const parsed = c.unitFactor !== undefined ? parseDecimal(text) : parseAmount(text);
  if (!parsed) return { problem: `is not an amount (expected ${c.expected ?? AMOUNT_EXPECTED})` };
  const value = c.unitFactor !== undefined ? parsed.value.times(c.unitFactor) : parsed.value;
  const halfWidth = c.unitFactor !== undefined ? parsed.halfWidth.times(c.unitFactor) : parsed.halfWidth;
  const currency = parsed.currency ?? (c.unitText !== undefined ? unitCurrency(c.unitText) : undefined);
  if (currency !== undefined && currency !== c.currency) {
    return { problem: `is in ${currency}, but the figures are in ${c.currency} (nothing is converted: state it in ${c.currency})` };
  }
  if (value.decimalPlaces() > MAX_DECIMAL_PLACES) return { problem: `has more than ${MAX_DECIMAL_PLACES} decimal places` };
  if (value.abs().gt(MAX_AMOUNT)) return { problem: 'is too large (at most 1e21 in magnitude)' };
  if (c.negative === 'refuse' && value.isNegative()) return { problem: 'is negative (expected an amount of at least 0: trade flows are never below zero)' };
  const stated = c.unitText !== undefined ? `${text} ${c.unitText}` : text;
  return { figure: { value: value.isZero() ? new Decimal(0) : value, halfWidth, stated } };
}

/** A rate in percent from its text, with the same caps for every source. */
export function rateFromText(text: string, qualifier?: Qualifier): Converted {
  const num = parseDecimal(text);
  if (!num) return { problem: 'is not a percentage (expected a number such as 5.5 or -1.2)' };
  if (num.value.decimalPlaces() > MAX_DECIMAL_PLACES) return { problem: `has more than ${MAX_DECIMAL_PLACES} decimal places` };
  if (num.value.lt(-100)) return { problem: 'is below -100 % (nothing can shrink by more than all of it)' };
  if (num.value.gt(MAX_RATE)) return { problem: `is out of range (expected -100 to ${GROWTH_MAX_PCT})` };
  // "Relatively flat" is a word, recorded as 0: the 0 was never rounded, so it has no rounding range.
  const halfWidth = qualifier === 'relatively flat' ? new Decimal(0) : num.halfWidth;
  return { figure: { value: num.value, halfWidth, stated: text, qualifier } };
}

export function amountFigure(raw: RawAmount, path: string, problems: Problems, currency = 'USD', negative: 'refuse' | 'allow' = 'allow'): Figure | null {
  let text: string | null;
  let unitFactor: Decimal | undefined;
  let unitText: string | undefined;
  let qualifier: Qualifier | undefined;
  let valuePath = path;
  if (typeof raw === 'object') {
    qualifier = raw.qualifier;
    valuePath = `${path}.value`;
    text = typeof raw.value === 'number' ? numberToText(raw.value, valuePath, problems) : raw.value;
    if (text === null) return null;
    const unit = parseUnit(raw.unit ?? '');
    if (!unit) {
      problems.push(`${path}.unit: unknown unit ${JSON.stringify(String(raw.unit).slice(0, 80))} (expected T, B, M, K, 1 or a word such as trillion, bn, thousand)`);
      return null;
    }
    unitFactor = UNIT_FACTORS[unit];
    unitText = raw.unit;
  } else {
    text = typeof raw === 'number' ? numberToText(raw, path, problems) : raw;
    if (text === null) return null;
  }
  const r = amountFromText(text, { currency, unitFactor, unitText, negative });
  if ('problem' in r) {
    problems.push(`${valuePath}: ${shown(typeof raw === 'number' ? raw : text)} ${r.problem}`);
    return null;
  }
  return { ...r.figure, qualifier };
}

/** A value as the file wrote it: a JSON number bare, a string quoted (cut at 80 characters). */
function shown(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

export function rateFigure(raw: RawRate, path: string, problems: Problems): Figure | null {
  const valuePart = typeof raw === 'object' ? raw.value : raw;
  const qualifier = typeof raw === 'object' ? raw.qualifier : undefined;
  const valuePath = typeof raw === 'object' ? `${path}.value` : path;
  const text = typeof valuePart === 'number' ? numberToText(valuePart, valuePath, problems) : valuePart;
  if (text === null) return null;
  const r = rateFromText(text, qualifier);
  if ('problem' in r) {
    problems.push(`${valuePath}: ${/^[-+]?\d+(\.\d+)?$/.test(text) ? `${text} %` : shown(text)} ${r.problem}`);
    return null;
  }
  return r.figure;
}

function optionalRate(raw: RawRate | undefined, path: string, problems: Problems): Figure | undefined {
  if (raw === undefined) return undefined;
  return rateFigure(raw, path, problems) ?? undefined;
}

/**
 * Converts a document that has passed the schema (or a built-in dataset, checked when the program
 * was built): units, stated precision, and the checks a schema cannot express (duplicate years,
 * negative amounts, another currency, what each claim's qualifier needs). Years come from annual
 * figures, or from twelve months; fewer months make a year-to-date. Throws one DataError listing
 * every problem.
 */
export function datasetFromValidated(raw: RawDataset, source: string): Dataset {
  const problems: Problems = [];
  const currency = raw.currency;
  const v1 = raw.schemaVersion === 1;

  /** A series (the world's, or one partner's) as statements by period. */
  const seriesStatements = (years: RawDataset['years'], months: RawDataset['months'], at: string): Map<string, Statement> => {
    const periods = new Map<string, Statement>();
    const seen = new Map<number, number>();
    years.forEach((y, i) => {
      const path = `${at}.years[${i}]`;
      const earlier = seen.get(y.year);
      if (earlier !== undefined) problems.push(`${path}.year: ${y.year} appears twice (also at ${at}.years[${earlier}])`);
      seen.set(y.year, i);
      for (const f of ['exports', 'imports'] as const) {
        if (y[f] === undefined && v1) problems.push(`${path}.${f}: missing field "${f}"`);
      }
      if (y.exports === undefined && y.imports === undefined && y.exportGrowthPct === undefined && y.importGrowthPct === undefined) {
        problems.push(`${path}: gives no figure (expected exports, imports or both; a missing one is unknown, not zero)`);
      }
      periods.set(String(y.year), {
        exports: y.exports === undefined ? undefined : (amountFigure(y.exports, `${path}.exports`, problems, currency, 'refuse') ?? undefined),
        imports: y.imports === undefined ? undefined : (amountFigure(y.imports, `${path}.imports`, problems, currency, 'refuse') ?? undefined),
        exportGrowthPct: optionalRate(y.exportGrowthPct, `${path}.exportGrowthPct`, problems),
        importGrowthPct: optionalRate(y.importGrowthPct, `${path}.importGrowthPct`, problems),
      });
    });
    const monthSeen = new Map<string, number>();
    (months ?? []).forEach((m, i) => {
      const path = `${at}.months[${i}]`;
      const earlier = monthSeen.get(m.month);
      if (earlier !== undefined) problems.push(`${path}.month: ${m.month} appears twice (also at ${at}.months[${earlier}])`);
      monthSeen.set(m.month, i);
      periods.set(m.month, {
        exports: m.exports === undefined ? undefined : (amountFigure(m.exports, `${path}.exports`, problems, currency, 'refuse') ?? undefined),
        imports: m.imports === undefined ? undefined : (amountFigure(m.imports, `${path}.imports`, problems, currency, 'refuse') ?? undefined),
        exportGrowthPct: optionalRate(m.exportGrowthPct, `${path}.exportGrowthPct`, problems),
        importGrowthPct: optionalRate(m.importGrowthPct, `${path}.importGrowthPct`, problems),
      });
    });
    return periods;
  };

  const world = seriesOf(seriesStatements(raw.years, raw.months, '$'));
  const partnerSeen = new Map<string, number>();
  const partners: PartnerSeries[] = (raw.partners ?? []).map((p, i) => {
    const key = p.partner.trim().toLowerCase();
    const earlier = partnerSeen.get(key);
    if (earlier !== undefined) problems.push(`$.partners[${i}].partner: "${p.partner}" appears twice (also at $.partners[${earlier}])`);
    if (key === 'world') problems.push(`$.partners[${i}].partner: the world total is the dataset's own years and months, not a partner`);
    partnerSeen.set(key, i);
    return { partner: p.partner, partnerCode: p.partnerCode, ...seriesOf(seriesStatements(p.years ?? [], p.months, `$.partners[${i}]`)) };
  });
  if (v1 && raw.years.length === 0) problems.push('$.years: expected at least one year');
  else if (world.years.length === 0 && world.months.length === 0 && world.gaps.length === 0 && partners.length === 0 && problems.length === 0) {
    problems.push('$.years: expected at least one year (or months, or partners)');
  }

  const forecastSeen = new Map<number, number>();
  const forecasts: Forecast[] = (raw.forecasts ?? []).map((f, i) => {
    const path = `$.forecasts[${i}]`;
    const earlier = forecastSeen.get(f.year);
    if (earlier !== undefined) problems.push(`${path}.year: a forecast for ${f.year} is given twice (also at $.forecasts[${earlier}]; give one, so it is clear which applies)`);
    forecastSeen.set(f.year, i);
    return {
      year: f.year,
      exportGrowthPct: optionalRate(f.exportGrowthPct, `${path}.exportGrowthPct`, problems),
      importGrowthPct: optionalRate(f.importGrowthPct, `${path}.importGrowthPct`, problems),
      balance: f.balance === undefined ? undefined : (amountFigure(f.balance, `${path}.balance`, problems, currency) ?? undefined),
      gdpGrowthPct: optionalRate(f.gdpGrowthPct, `${path}.gdpGrowthPct`, problems),
      source: f.source,
    };
  });

  const claimIds = new Set<string>();
  const claims: Claim[] = (raw.claims ?? []).map((c, i) => {
    const path = `$.claims[${i}]`;
    if (claimIds.has(c.id)) problems.push(`${path}.id: "${c.id}" appears twice`);
    claimIds.add(c.id);
    const isRate = c.metric === 'exportGrowthPct' || c.metric === 'importGrowthPct';
    let value: Figure | undefined;
    if (c.value !== undefined) {
      value = isRate
        ? (rateFigure(c.value as RawRate, `${path}.value`, problems) ?? undefined)
        : (amountFigure(c.value, `${path}.value`, problems, currency) ?? undefined);
    }
    claimShapeProblems(c, path, problems);
    return { id: c.id, label: c.label, metric: c.metric, qualifier: c.qualifier, year: c.year, month: c.month, value, from: c.from, to: c.to };
  });

  const scenarioIds = new Set<string>();
  const scenarios: ScenarioRecord[] = [];
  (raw.scenarios ?? []).forEach((sc, i) => {
    const path = `$.scenarios[${i}]`;
    if (scenarioIds.has(sc.id)) problems.push(`${path}.id: "${sc.id}" appears twice`);
    scenarioIds.add(sc.id);
    const g = rateFigure(sc.exportGrowthPct, `${path}.exportGrowthPct`, problems);
    const h = rateFigure(sc.importGrowthPct, `${path}.importGrowthPct`, problems);
    if (g && h) scenarios.push({ id: sc.id, label: sc.label, exportGrowthPct: g, importGrowthPct: h, description: sc.description });
  });

  if (problems.length > 0) throw new DataError(`${source}: invalid dataset`, capped(problems));
  forecasts.sort((a, b) => a.year - b.year);
  return {
    id: raw.id,
    title: raw.title,
    reporter: raw.reporter,
    reporterCode: raw.reporterCode,
    partner: 'World',
    currency: raw.currency,
    source: raw.source ?? {},
    ...world,
    forecasts,
    claims,
    scenarios,
    partners,
    provenance: raw.provenance,
  };
}

/** At most 50 problems, and how many more: a broken file with a million rows is not a million lines. */
export function capped(problems: readonly string[], max = 50): string[] {
  return problems.length > max ? [...problems.slice(0, max), `and ${problems.length - max} more`] : [...problems];
}

const VALUE_QUALIFIERS = new Set(['exactly', 'nearly', 'around', 'about', 'approximately', 'above', 'below']);

/** What each qualifier needs, so `check` never meets a claim it cannot read. */
function claimShapeProblems(c: RawDataset['claims'] extends (infer T)[] | undefined ? T : never, path: string, problems: Problems): void {
  const isRate = c.metric === 'exportGrowthPct' || c.metric === 'importGrowthPct';
  if (c.qualifier === 'accelerated') {
    if (c.year !== undefined || c.month !== undefined) problems.push(`${path}: "accelerated" compares the months "from" and "to" (leave out "year" and "month")`);
    if (!isRate) problems.push(`${path}.metric: "accelerated" compares growth rates (expected exportGrowthPct or importGrowthPct)`);
    if (!c.from || !c.to) problems.push(`${path}: "accelerated" needs "from" and "to" months (the earlier and the later month)`);
    else if (c.from >= c.to) problems.push(`${path}.to: ${c.to} is not after ${c.from}`);
    return;
  }
  if (c.from !== undefined || c.to !== undefined) problems.push(`${path}: "from" and "to" go only with the qualifier "accelerated"`);
  if (c.month !== undefined) {
    if (c.year !== undefined) problems.push(`${path}: give the year or the month the claim is about, not both`);
    if (c.qualifier === 'record') problems.push(`${path}.month: "record" compares years (expected "year")`);
  } else if (c.year === undefined) problems.push(`${path}.year: a "${c.qualifier}" claim needs the year (or the month) it is about`);
  if (VALUE_QUALIFIERS.has(c.qualifier) && c.value === undefined) problems.push(`${path}.value: a "${c.qualifier}" claim needs the value it states`);
  if (c.qualifier === 'relatively flat' && !isRate) problems.push(`${path}.metric: "relatively flat" describes a growth rate (expected exportGrowthPct or importGrowthPct)`);
  if (c.qualifier === 'record' && isRate) problems.push(`${path}.metric: "record" compares amounts across years (expected balance, exports or imports)`);
}
