// Typed errors, each bound to one documented exit code; src/cli maps them in one place.

export const EXIT = {
  ok: 0,
  negativeVerdict: 1,
  usage: 2,
  data: 3,
  internal: 4,
  /** The results or messages could not be written: a full disk, a stdout that cannot be written. */
  io: 5,
  /** 128 + the signal's number, as shells report a process ended by a signal. */
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

/** The signals that stop a long command cleanly (its temporary file removed, the terminal restored). */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup };

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

/**
 * A signal stopped a long computation or an --output write (Ctrl-C is SIGINT): stop, print
 * nothing on stdout, exit 128 + the signal's number.
 */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode: number;
  constructor(readonly signal: StopSignal = 'SIGINT') {
    super(signal === 'SIGINT' ? 'interrupted' : signal === 'SIGTERM' ? 'terminated (SIGTERM)' : 'hung up (SIGHUP)');
    this.exitCode = SIGNAL_EXIT[signal];
  }
}

/**
 * The results could not be written where they were going: standard output (a full disk, a
 * descriptor opened read-only, an I/O error) or the --output file once writing had begun. A reader
 * that goes away (EPIPE on stdout, as `| head` does) is not one: that run ends quietly.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly exitCode = EXIT.io;
  constructor(
    /** "standard output", or `--output "name"`. */
    readonly target: string,
    /** The system's code: ENOSPC, EBADF, EIO, … */
    readonly code: string | undefined,
    detail: string,
    /** What became of the target: "the file was left as it was". */
    note?: string,
  ) {
    super(`cannot write the results to ${target} (${detail})${note ? `; ${note}` : ''}`);
  }
}

/** Words for the errno codes a write can fail with, for messages. */
export function writeFailureText(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device, ENOSPC';
    case 'EDQUOT':
      return 'disk quota exceeded, EDQUOT';
    case 'EBADF':
      return 'the descriptor is closed or not open for writing, EBADF';
    case 'EIO':
      return 'input/output error, EIO';
    case 'EFBIG':
      return 'the file is too large, EFBIG';
    case 'EROFS':
      return 'the file system is read-only, EROFS';
    case 'EACCES':
    case 'EPERM':
      return `permission denied, ${code}`;
    default:
      return code ? `${code}` : fallback;
  }
}
