// Turning a dataset document that has the schema's shape into the core's typed Dataset: units,
// stated precision, and the checks a schema cannot express (duplicate years, negative amounts).
// Every problem is collected with its JSON path, so one run reports them all. This module does not
// load the schema library: the built-in datasets, validated when the program is built, come here directly.
import { Decimal } from '../core/decimal.js';
import { AMOUNT_MAX_ABS, GROWTH_MAX_PCT } from '../core/limits.js';
import type { Claim, Dataset, Figure, Forecast, MonthRecord, Qualifier, ScenarioRecord, YearRecord } from '../core/types.js';
import { DataError } from '../errors.js';
import type { RawAmount, RawDataset, RawRate } from './schema.js';
import { AMOUNT_EXPECTED, MAX_DECIMAL_PLACES, UNIT_FACTORS, parseAmount, parseDecimal, parseUnit } from './units.js';

export const MAX_AMOUNT = new Decimal(AMOUNT_MAX_ABS);
/** Rates are percentages; beyond the growth limit it is a typo, not a figure. */
export const MAX_RATE = new Decimal(GROWTH_MAX_PCT);

type Problems = string[];

function textOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

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

export function amountFigure(raw: RawAmount, path: string, problems: Problems): Figure | null {
  let qualifier: Qualifier | undefined;
  let parsed;
  let stated: string;
  if (typeof raw === 'object') {
    qualifier = raw.qualifier;
    const valueText = typeof raw.value === 'number' ? numberToText(raw.value, `${path}.value`, problems) : raw.value;
    if (valueText === null) return null;
    const unit = parseUnit(raw.unit ?? '');
    if (!unit) {
      problems.push(`${path}.unit: unknown unit "${raw.unit}" (expected T, B, M, K, 1 or a word such as trillion, bn, thousand)`);
      return null;
    }
    const num = parseDecimal(valueText);
    if (!num) {
      problems.push(`${path}.value: "${valueText}" is not a decimal number`);
      return null;
    }
    parsed = { value: num.value.times(UNIT_FACTORS[unit]), halfWidth: num.halfWidth.times(UNIT_FACTORS[unit]) };
    stated = raw.unit ? `${valueText} ${raw.unit}` : valueText;
  } else {
    const text = typeof raw === 'number' ? numberToText(raw, path, problems) : raw;
    if (text === null) return null;
    parsed = parseAmount(text);
    stated = text;
    if (!parsed) {
      problems.push(`${path}: "${textOf(raw)}" is not an amount (expected ${AMOUNT_EXPECTED})`);
      return null;
    }
  }
  if (parsed.value.decimalPlaces() > MAX_DECIMAL_PLACES) {
    problems.push(`${path}: ${stated} has more than ${MAX_DECIMAL_PLACES} decimal places`);
    return null;
  }
  if (parsed.value.abs().gt(MAX_AMOUNT)) {
    problems.push(`${path}: ${stated} is too large (at most 1e21 in magnitude)`);
    return null;
  }
  return { value: parsed.value, halfWidth: parsed.halfWidth, stated, qualifier };
}

export function rateFigure(raw: RawRate, path: string, problems: Problems): Figure | null {
  const valuePart = typeof raw === 'object' ? raw.value : raw;
  const qualifier = typeof raw === 'object' ? raw.qualifier : undefined;
  const valuePath = typeof raw === 'object' ? `${path}.value` : path;
  const text = typeof valuePart === 'number' ? numberToText(valuePart, valuePath, problems) : valuePart;
  if (text === null) return null;
  const num = parseDecimal(text);
  if (!num) {
    problems.push(`${valuePath}: "${text}" is not a percentage (expected a number such as 5.5 or -1.2)`);
    return null;
  }
  if (num.value.decimalPlaces() > MAX_DECIMAL_PLACES) {
    problems.push(`${valuePath}: ${text} has more than ${MAX_DECIMAL_PLACES} decimal places`);
    return null;
  }
  if (num.value.abs().gt(MAX_RATE)) {
    problems.push(`${valuePath}: ${text} % is out of range (expected -100 to ${GROWTH_MAX_PCT})`);
    return null;
  }
  if (num.value.lt(-100)) {
    problems.push(`${valuePath}: ${text} % is below -100 % (nothing can shrink by more than all of it)`);
    return null;
  }
  // "Relatively flat" is a word, recorded as 0: the 0 was never rounded, so it has no rounding range.
  const halfWidth = qualifier === 'relatively flat' ? new Decimal(0) : num.halfWidth;
  return { value: num.value, halfWidth, stated: text, qualifier };
}

function optionalRate(raw: RawRate | undefined, path: string, problems: Problems): Figure | undefined {
  if (raw === undefined) return undefined;
  return rateFigure(raw, path, problems) ?? undefined;
}

/** Validates a parsed JSON document and converts it; throws one DataError listing every problem. */
/**
 * Converts a document that has passed the schema (or a built-in dataset, checked when the program
 * was built): units, stated precision, and the checks a schema cannot express (duplicate years,
 * negative amounts, what each claim's qualifier needs). Throws one DataError listing every problem.
 */
export function datasetFromValidated(raw: RawDataset, source: string): Dataset {
  const problems: Problems = [];
  const years: YearRecord[] = [];
  const seen = new Map<number, number>();
  raw.years.forEach((y, i) => {
    const path = `$.years[${i}]`;
    const earlier = seen.get(y.year);
    if (earlier !== undefined) problems.push(`${path}.year: ${y.year} appears twice (also at $.years[${earlier}])`);
    seen.set(y.year, i);
    const exports = amountFigure(y.exports, `${path}.exports`, problems);
    const imports = amountFigure(y.imports, `${path}.imports`, problems);
    for (const [name, fig] of [['exports', exports], ['imports', imports]] as const) {
      if (fig && fig.value.isNegative()) problems.push(`${path}.${name}: ${fig.stated} is negative (trade flows are never below zero)`);
    }
    const record: YearRecord = {
      year: y.year,
      exports: exports!,
      imports: imports!,
      exportGrowthPct: optionalRate(y.exportGrowthPct, `${path}.exportGrowthPct`, problems),
      importGrowthPct: optionalRate(y.importGrowthPct, `${path}.importGrowthPct`, problems),
    };
    if (exports && imports) years.push(record);
  });

  const months: MonthRecord[] = (raw.months ?? []).map((m, i) => ({
    month: m.month,
    exportGrowthPct: optionalRate(m.exportGrowthPct, `$.months[${i}].exportGrowthPct`, problems),
    importGrowthPct: optionalRate(m.importGrowthPct, `$.months[${i}].importGrowthPct`, problems),
  }));
  const monthSeen = new Set<string>();
  months.forEach((m, i) => {
    if (monthSeen.has(m.month)) problems.push(`$.months[${i}].month: ${m.month} appears twice`);
    monthSeen.add(m.month);
  });

  const forecasts: Forecast[] = (raw.forecasts ?? []).map((f, i) => {
    const path = `$.forecasts[${i}]`;
    return {
      year: f.year,
      exportGrowthPct: optionalRate(f.exportGrowthPct, `${path}.exportGrowthPct`, problems),
      importGrowthPct: optionalRate(f.importGrowthPct, `${path}.importGrowthPct`, problems),
      balance: f.balance === undefined ? undefined : (amountFigure(f.balance, `${path}.balance`, problems) ?? undefined),
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
        : (amountFigure(c.value, `${path}.value`, problems) ?? undefined);
    }
    claimShapeProblems(c, path, problems);
    return { id: c.id, label: c.label, metric: c.metric, qualifier: c.qualifier, year: c.year, value, from: c.from, to: c.to };
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

  if (problems.length > 0) throw new DataError(`${source}: invalid dataset`, problems);
  years.sort((a, b) => a.year - b.year);
  months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  forecasts.sort((a, b) => a.year - b.year);
  return {
    id: raw.id,
    title: raw.title,
    reporter: raw.reporter,
    currency: raw.currency,
    source: raw.source ?? {},
    years,
    months,
    forecasts,
    claims,
    scenarios,
  };
}

const VALUE_QUALIFIERS = new Set(['exactly', 'nearly', 'around', 'about', 'approximately', 'above', 'below']);

/** What each qualifier needs, so `check` never meets a claim it cannot read. */
function claimShapeProblems(c: RawDataset['claims'] extends (infer T)[] | undefined ? T : never, path: string, problems: Problems): void {
  const isRate = c.metric === 'exportGrowthPct' || c.metric === 'importGrowthPct';
  if (c.qualifier === 'accelerated') {
    if (!isRate) problems.push(`${path}.metric: "accelerated" compares growth rates (expected exportGrowthPct or importGrowthPct)`);
    if (!c.from || !c.to) problems.push(`${path}: "accelerated" needs "from" and "to" months (the earlier and the later month)`);
    else if (c.from >= c.to) problems.push(`${path}.to: ${c.to} is not after ${c.from}`);
    return;
  }
  if (c.from !== undefined || c.to !== undefined) problems.push(`${path}: "from" and "to" go only with the qualifier "accelerated"`);
  if (c.year === undefined) problems.push(`${path}.year: a "${c.qualifier}" claim needs the year it is about`);
  if (VALUE_QUALIFIERS.has(c.qualifier) && c.value === undefined) problems.push(`${path}.value: a "${c.qualifier}" claim needs the value it states`);
  if (c.qualifier === 'relatively flat' && !isRate) problems.push(`${path}.metric: "relatively flat" describes a growth rate (expected exportGrowthPct or importGrowthPct)`);
  if (c.qualifier === 'record' && isRate) problems.push(`${path}.metric: "record" compares amounts across years (expected balance, exports or imports)`);
}
