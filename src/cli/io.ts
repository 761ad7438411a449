// Terminal I/O as an injectable value, so the CLI runs the same against process streams and
// against in-memory streams in tests (TTY or not).
import { OutputError, type StopSignal, writeFailureText } from '../errors.js';

export interface OutStream {
  write(chunk: string): boolean | void;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  /** Present on real streams: used to wait for 'drain' and to notice a closed pipe. */
  once?(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
  destroyed?: boolean | undefined;
}

export interface IO {
  stdout: OutStream;
  stderr: OutStream;
  /** Read only for `--data -`; process.stdin, or any async iterable of chunks in tests. */
  stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** The file standard input reads from, when it is one (`--data - < file`), to tell it from --output. */
  stdinFile?: (() => { dev: number; ino: number } | undefined) | undefined;
  env: Record<string, string | undefined>;
  /**
   * The working directory relative paths are resolved against. The process's may throw when it was
   * deleted after the shell entered it: read it through workingDirectory(), only when a relative
   * path needs it.
   */
  cwd: string;
  /**
   * Subscribes to the signals that stop a long computation or an --output write (Ctrl-C is SIGINT;
   * also SIGTERM and SIGHUP) for as long as it runs; returns the unsubscribe. Absent: the work
   * cannot be stopped cleanly (and the signals keep their default effect).
   */
  onInterrupt?: ((handler: (signal: StopSignal) => void) => () => void) | undefined;
}

/** The working directory, or undefined when there is none (it was deleted or moved away). */
export function workingDirectory(io: IO): string | undefined {
  try {
    return io.cwd;
  } catch {
    return undefined;
  }
}

/** An in-memory IO for tests and for library callers who want the text. */
export function memoryIO(options: { isTTY?: boolean; columns?: number; env?: Record<string, string>; cwd?: string; stdin?: AsyncIterable<string | Uint8Array> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Set<(signal: StopSignal) => void>();
  const io: IO = {
    stdout: { write: (s) => void out.push(s), isTTY: options.isTTY ?? false, columns: options.columns },
    stderr: { write: (s) => void err.push(s), isTTY: options.isTTY ?? false },
    stdin: options.stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
  };
  /** Simulates Ctrl-C (or another stopping signal); returns whether anything was listening. */
  const interrupt = (signal: StopSignal = 'SIGINT') => {
    for (const h of handlers) h(signal);
    return handlers.size > 0;
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), interrupt };
}

/** True once a write has failed because the reader went away (`| head`). */
export function isClosed(stream: OutStream): boolean {
  return stream.destroyed === true;
}

/** Writes chunks in order, waiting for 'drain' when the stream asks, stopping quietly on a closed pipe. */
export async function writeAll(stream: OutStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (isClosed(stream)) return;
    const ok = stream.write(chunk);
    if (ok === false && stream.once) {
      await new Promise<void>((resolve) => {
        // Whichever fires first wins; the other two are removed, or a long stream of writes
        // would pile up listeners (and Node warns of a leak after ten).
        const done = () => {
          for (const event of ['drain', 'close', 'error'] as const) stream.removeListener?.(event, done);
          resolve();
        };
        stream.once!('drain', done);
        stream.once!('close', done);
        stream.once!('error', done);
      });
    }
  }
}

/** Joins small chunks into blocks of about `size` characters: one write (a system call) per block. */
export function* batched(chunks: Iterable<string>, size = 65536): Generator<string> {
  let block = '';
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= size) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}

export interface SyncWriter {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
}

/**
 * A stream over a file descriptor written with writeSync. Touching process.stdout costs a Node
 * process several milliseconds of start-up (it builds a socket or TTY stream); a synchronous write
 * also cannot be cut short by the process ending. A reader that goes away (EPIPE) marks the stream
 * destroyed and later writes are dropped, so `| head` ends quietly.
 *
 * Any other failure (ENOSPC on a full disk, EBADF on a descriptor opened read-only, EIO) depends on
 * what the stream carries: results (`onError: 'throw'`, standard output) are lost, so the write
 * throws an OutputError (exit 5); messages (`'drop'`, standard error) are given up quietly, since a
 * failure to say what went wrong must not change the exit code that says it.
 */
export function fdStream(
  fd: number,
  fs: SyncWriter,
  isTTY: boolean,
  columns?: () => number | undefined,
  options: { onError?: 'throw' | 'drop'; target?: string } = {},
): OutStream {
  const onError = options.onError ?? 'throw';
  const stream: OutStream = {
    isTTY,
    get columns() {
      return columns?.();
    },
    destroyed: false,
    write(chunk: string) {
      if (stream.destroyed) return true;
      // Bytes, not characters: a partial write may end inside a multi-byte character.
      const bytes = Buffer.from(chunk);
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            // A non-blocking pipe is full: wait a moment for the reader.
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
            continue;
          }
          if (code === 'EPIPE' || onError === 'drop') {
            stream.destroyed = true;
            return true;
          }
          // Later writes are dropped: the failure is reported once, where errors are reported.
          stream.destroyed = true;
          throw new OutputError(options.target ?? 'standard output', code, writeFailureText(code, (err as Error).message));
        }
      }
      return true;
    },
  };
  return stream;
}
