// What every forward-looking report shares (project, scenarios, breakeven, simulate): the base year,
// the number of years, the threshold and the growth rates. Options are parsed before any file is
// read; against the dataset they are completed from its forecast, each with its typed origin.
import { Decimal } from '../core/decimal.js';
import { forecastAfter } from '../core/project.js';
import { selectYear } from '../core/select.js';
import type { Dataset, Forecast } from '../core/types.js';
import { BUILT_IN, OPTION, type Origin, forecastOrigin, latestYearOrigin } from './document.js';
import { checkDatasetYear, checkOptionCurrency, parseAmountWithCurrency, parseCalendarYear, parseYears } from './parse.js';
import type { RawOptions } from './spec.js';

export interface HorizonOptions {
  yearCount?: number | undefined;
  threshold?: Decimal | undefined;
  /** The currency the --threshold states, and what was typed (for the message). */
  thresholdCurrency?: { currency: string; raw: string } | undefined;
  baseYear?: number | undefined;
}

const str = (raw: RawOptions, key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);

/** --years, --threshold and --year, typed. */
export function parseHorizon(raw: RawOptions): HorizonOptions {
  const years = str(raw, 'years');
  const threshold = str(raw, 'threshold');
  const year = str(raw, 'year');
  const t = threshold === undefined ? undefined : parseAmountWithCurrency('--threshold', threshold);
  return {
    yearCount: years === undefined ? undefined : parseYears('--years', years),
    threshold: t?.value,
    thresholdCurrency: t?.currency !== undefined ? { currency: t.currency, raw: threshold! } : undefined,
    baseYear: year === undefined ? undefined : parseCalendarYear('--year', year),
  };
}

export interface Horizon {
  dataset: Dataset;
  baseYear: number;
  yearCount: number;
  threshold: Decimal;
  forecast: Forecast | undefined;
  origins: { baseYear: Origin; yearCount: Origin; threshold: Origin };
}

export function resolveHorizon(dataset: Dataset, opts: HorizonOptions): Horizon {
  if (opts.thresholdCurrency) checkOptionCurrency('--threshold', opts.thresholdCurrency.raw, opts.thresholdCurrency.currency, dataset.currency);
  if (opts.baseYear !== undefined) checkDatasetYear('--year', opts.baseYear, dataset);
  const base = selectYear(dataset, opts.baseYear);
  const forecast = forecastAfter(dataset, base.year);
  let threshold: Decimal;
  let thresholdOrigin: Origin;
  if (opts.threshold !== undefined) {
    threshold = opts.threshold;
    thresholdOrigin = OPTION;
  } else if (forecast?.balance) {
    threshold = forecast.balance.value;
    thresholdOrigin = forecastOrigin(forecast.balance, forecast.year);
  } else {
    threshold = new Decimal(0);
    thresholdOrigin = { source: 'default', rule: forecast ? 'not-in-forecast' : 'no-forecast', forecastYear: forecast?.year ?? null };
  }
  return {
    dataset,
    baseYear: base.year,
    yearCount: opts.yearCount ?? 1,
    threshold,
    forecast,
    origins: {
      baseYear: opts.baseYear === undefined ? latestYearOrigin(dataset) : OPTION,
      yearCount: opts.yearCount === undefined ? BUILT_IN : OPTION,
      threshold: thresholdOrigin,
    },
  };
}

/** A growth rate: the option when given, else the forecast's, else 0 (held flat); with its origin. */
export function growthRate(h: Horizon, key: 'exportGrowthPct' | 'importGrowthPct', option: Decimal | undefined): { value: Decimal; origin: Origin } {
  if (option !== undefined) return { value: option, origin: OPTION };
  const fig = h.forecast?.[key];
  if (fig) return { value: fig.value, origin: forecastOrigin(fig, h.forecast!.year) };
  return { value: new Decimal(0), origin: { source: 'default', rule: h.forecast ? 'not-in-forecast' : 'no-forecast', forecastYear: h.forecast?.year ?? null } };
}
