// The process entry, loaded by bin/tradecalc: real file descriptors in, exit code out. Never
// process.exit(): the exit code is set and the process ends when its work is done.
import { fstatSync, statSync, writeSync } from 'node:fs';
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
    stdout: fdStream(1, { writeSync }, stdoutIsTTY, () => (stdoutIsTTY ? process.stdout.columns : undefined)),
    stderr: fdStream(2, { writeSync }, isTerminal(2)),
    // A getter: process.stdin is costly to create and only `--data -` reads it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    // While a handler is registered, Ctrl-C no longer kills the process: the command stops itself.
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}

export function main(): Promise<void> {
  return run(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}

export { run };
