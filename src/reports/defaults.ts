// Defaults of command options that are not taken from the dataset, in one place so the help text
// and the commands can never state different ones.

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

/** months: what --flow shows (the document always holds all three flows). */
export const MONTH_FLOWS = ['all', 'exports', 'imports', 'balance'] as const;
