// Typed errors, each bound to one documented exit code; src/cli maps them in one place.

export const EXIT = {
  ok: 0,
  negativeVerdict: 1,
  usage: 2,
  data: 3,
  internal: 4,
  interrupted: 130,
} as const;

/** Bad command-line input: unknown command or option, or an option value out of its domain. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT.usage;
}

/** A dataset that is missing, unreadable or invalid; `problems` lists every problem found. */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly exitCode = EXIT.data;
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The user pressed Ctrl-C (SIGINT) during a long computation: stop, print nothing on stdout. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode = EXIT.interrupted;
  constructor() {
    super('interrupted');
  }
}
