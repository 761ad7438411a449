// Internal errors: one line and exit 4; the stack only with --debug.
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

function brokenIO() {
  const err: string[] = [];
  const io: IO = {
    stdout: {
      write() {
        throw new Error('disk on fire');
      },
    },
    stderr: { write: (s) => void err.push(s) },
    env: {},
    cwd: '/',
  };
  return { io, stderr: () => err.join('') };
}

describe('internal errors', () => {
  it('are one line with a hint, exit 4', async () => {
    const b = brokenIO();
    expect(await run(['summary'], b.io)).toBe(4);
    expect(b.stderr()).toBe('tradecalc: internal error: disk on fire (run with --debug for details)\n');
  });

  it('show the stack with --debug', async () => {
    const b = brokenIO();
    expect(await run(['summary', '--debug'], b.io)).toBe(4);
    expect(b.stderr()).toMatch(/^tradecalc: internal error: disk on fire\nError: disk on fire\n\s+at /);
  });
});
