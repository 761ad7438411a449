// The process entry, loaded by bin/tradecalc: real file descriptors in, exit code out. Never
// process.exit(): the exit code is set and the process ends when its work is done.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { EXIT, STOP_SIGNALS } from '../errors.js';
import { escapeControls, messageLine } from '../render/safe-text.js';
import { fdStream, type IO } from './io.js';
import { run } from './run.js';

/**
 * Whether a descriptor is a terminal. node:tty pulls in the whole net and stream stack (several
 * milliseconds), so it loads only for a character device that is not /dev/null: pipes, files and
 * /dev/null, where scripts and benchmarks send output, are told apart with a stat or two.
 */
function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    if (st.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

function processIO(): IO {
  const stdoutIsTTY = isTerminal(1);
  return {
    stdout: fdStream(1, { writeSync }, stdoutIsTTY, () => (stdoutIsTTY ? process.stdout.columns : undefined), { onError: 'throw', target: 'standard output' }),
    // Messages: a failure to write one never changes the exit code that was due.
    stderr: fdStream(2, { writeSync }, isTerminal(2), undefined, { onError: 'drop' }),
    // A getter: process.stdin is costly to create and only `--data -` reads it.
    get stdin() {
      return process.stdin;
    },
    stdinFile: () => {
      try {
        const st = fstatSync(0);
        return st.isFile() ? { dev: st.dev, ino: st.ino } : undefined;
      } catch {
        return undefined;
      }
    },
    env: process.env,
    // A getter too: process.cwd() throws when the directory was deleted after the shell entered
    // it, and only a relative path needs it (see workingDirectory in io.ts).
    get cwd() {
      return process.cwd();
    },
    // While a handler is registered, Ctrl-C, SIGTERM and SIGHUP no longer kill the process: the
    // command stops itself, removing its temporary file and restoring the terminal.
    onInterrupt: (handler) => {
      const listeners = STOP_SIGNALS.map((signal) => [signal, () => handler(signal)] as const);
      for (const [signal, listener] of listeners) process.on(signal, listener);
      return () => {
        for (const [signal, listener] of listeners) process.off(signal, listener);
      };
    },
  };
}

/**
 * The last line of defence: an exception or a rejection that escaped run() is a bug, reported as
 * one line (exit 4), with the stack only under --debug; never Node's own trace. Writing the line
 * may fail too (stderr closed or full); the exit code stands either way.
 */
let crashed = false;

function guardProcess(debug: boolean): void {
  const fail = (err: unknown) => {
    crashed = true;
    const message = err instanceof Error ? err.message : String(err);
    const text = `tradecalc: ${messageLine(`internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`)}\n${debug && err instanceof Error && err.stack ? `${err.stack.split('\n').map(escapeControls).join('\n')}\n` : ''}`;
    try {
      writeSync(2, text);
    } catch {
      // Nowhere left to say it.
    }
    process.exitCode = EXIT.internal;
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

export function main(): Promise<void> {
  guardProcess(process.argv.includes('--debug'));
  return run(process.argv.slice(2), processIO()).then((code) => {
    // A bug that escaped the command while it ran still ends the run with exit 4.
    process.exitCode = crashed ? EXIT.internal : code;
  });
}

export { run };
