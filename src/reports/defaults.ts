// Defaults of command options that are not taken from the dataset, in one place so the help text
// and the commands can never state different ones.
import type { PartnerMeasure } from '../core/partners.js';

/** scenarios: the export and import growth ranges of the grid, start:stop:step in percent. */
export const SCENARIO_EXPORT_RANGE = '-6:6:3';
export const SCENARIO_IMPORT_RANGE = '-4:12:4';

/** simulate: the standard deviation of each growth rate, in percentage points. */
export const SIMULATE_SD_PCT = '2';

/** The shells `tradecalc completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** The display units of --unit, in the order help lists them. */
export const DISPLAY_UNITS = ['auto', 'T', 'B', 'M', 'K', '1'] as const;

/** The named scenarios every dataset has (a dataset may define more). */
export const BUILTIN_SCENARIOS = ['baseline', 'optimistic', 'pessimistic'] as const;

/** partners: how many partners get a row of their own (the rest are one row). */
export const PARTNERS_TOP_DEFAULT = 10;

/** partners: what the rows can be ordered by, and what the share column and the chart can show. */
export const PARTNER_MEASURES = ['balance', 'exports', 'imports', 'total'] as const satisfies readonly PartnerMeasure[];

/**
 * mirror --cif-fob: the CIF/FOB margin in percent when none is given. The IMF's Direction of Trade
 * Statistics divides imports CIF by 1.06 to estimate the partner's exports FOB (DOTS Yearbook 2017,
 * introduction); a uniform 6 % is the factor commonly used for such comparisons.
 */
export const CIF_FOB_DEFAULT_PCT = '6';
/** months: what --flow shows (the document always holds all three flows). */
export const MONTH_FLOWS = ['all', 'exports', 'imports', 'balance'] as const;
