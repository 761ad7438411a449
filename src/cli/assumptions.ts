// Defaults every forward-looking command shares (project, scenarios, breakeven, simulate): the base
// year, the horizon, the threshold and the growth rates, taken from options when given and from
// the dataset's forecast otherwise, each with a note of where it came from.
import { Decimal } from '../core/decimal.js';
import { forecastAfter } from '../core/project.js';
import { selectYear } from '../core/select.js';
import type { Dataset, Figure, Forecast } from '../core/types.js';
import { parseAmountOption, parseDatasetYear, parseGrowth, parseYears } from './options.js';

export interface HorizonRaw {
  years?: string | undefined;
  threshold?: string | undefined;
  /** --year: the base year, as typed. */
  year?: string | undefined;
}

export interface Horizon {
  baseYear: number;
  years: number;
  threshold: Decimal;
  forecast: Forecast | undefined;
  /** Where each assumption came from ("option", "2026 forecast: around 3%", ...). */
  origins: Record<string, string>;
}

export function describeFigure(fig: Figure, forecastYear: number, suffix: string): string {
  return `${forecastYear} forecast: ${fig.qualifier ? `${fig.qualifier} ` : ''}${fig.stated}${suffix}`;
}

export function resolveHorizon(dataset: Dataset, opts: HorizonRaw): Horizon {
  const years = opts.years === undefined ? 1 : parseYears('--years', opts.years);
  const base = selectYear(dataset, opts.year === undefined ? undefined : parseDatasetYear('--year', opts.year, dataset));
  const forecast = forecastAfter(dataset, base.year);
  const origins: Record<string, string> = {};
  let threshold: Decimal;
  if (opts.threshold !== undefined) {
    threshold = parseAmountOption('--threshold', opts.threshold);
    origins.threshold = 'option';
  } else if (forecast?.balance) {
    threshold = forecast.balance.value;
    origins.threshold = describeFigure(forecast.balance, forecast.year, '');
  } else {
    threshold = new Decimal(0);
    origins.threshold = 'the dataset forecasts no balance: zero';
  }
  return { baseYear: base.year, years, threshold, forecast, origins };
}

/** The forecast rate for `key`, or 0 (held flat) without one; records its origin in `origins`. */
export function forecastRate(h: Horizon, key: 'exportGrowthPct' | 'importGrowthPct'): Decimal {
  const fig = h.forecast?.[key];
  h.origins[key] = fig
    ? describeFigure(fig, h.forecast!.year, '%')
    : h.forecast
      ? `not in the ${h.forecast.year} forecast: held flat`
      : 'no forecast in the dataset: held flat';
  return fig ? fig.value : new Decimal(0);
}

/** A single growth rate: the option when given, else the forecast's (or flat); records its origin. */
export function horizonRate(h: Horizon, key: 'exportGrowthPct' | 'importGrowthPct', option: string, raw: string | undefined): Decimal {
  if (raw === undefined) return forecastRate(h, key);
  h.origins[key] = 'option';
  return parseGrowth(option, raw);
}
