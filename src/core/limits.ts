// The domains of the program's inputs, in one place so options, datasets and docs agree.

/** Growth rates are percentages from -100 (everything gone) to 10000 (a hundredfold). */
export const GROWTH_MIN_PCT = -100;
export const GROWTH_MAX_PCT = 10000;
/** A projection runs 1 to 100 years ahead. */
export const YEARS_MIN = 1;
export const YEARS_MAX = 100;
/** Amounts (thresholds, trade flows) up to 10^21 currency units in magnitude. */
export const AMOUNT_MAX_ABS = '1e21';
/** Standard deviations of simulated growth, in percentage points: beyond 1000 it is a typo. */
export const SD_MAX_PCT = 1000;

/** simulate: how many runs at most, and the defaults that make a run reproducible. */
export const RUNS_MAX = 100_000_000;
export const DEFAULT_RUNS = 100_000;
export const DEFAULT_SEED = 1;
