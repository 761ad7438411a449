// Writing to file descriptors: partial writes, a full non-blocking pipe, and a reader that left.
import { describe, expect, it } from 'vitest';
import { type IO, fdStream, memoryIO, writeAll } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { OutputError } from '../../src/errors.js';

/** A writeSync stand-in: `behaviour` says how many of the offered bytes it takes, or throws. */
function fakeFs(behaviour: (length: number, call: number) => number) {
  const chunks: Buffer[] = [];
  let call = 0;
  return {
    get written() {
      return Buffer.concat(chunks).toString();
    },
    writeSync(_fd: number, buf: Uint8Array, offset: number, length: number) {
      const n = behaviour(length, call++);
      chunks.push(Buffer.from(buf.subarray(offset, offset + n)));
      return n;
    },
  };
}

function errno(code: string) {
  return Object.assign(new Error(code), { code });
}

describe('fdStream', () => {
  it('finishes a partial write, multi-byte characters included', () => {
    // The first write stops one byte into the three-byte ✔.
    const fs = fakeFs((length, call) => (call === 0 ? 3 : Math.min(length, 2)));
    fdStream(1, fs, false).write('ab✔cd');
    expect(fs.written).toBe('ab✔cd');
  });

  it('waits and retries while a non-blocking pipe is full (EAGAIN)', () => {
    const fs = fakeFs((length, call) => {
      if (call < 2) throw errno('EAGAIN');
      return length;
    });
    fdStream(1, fs, false).write('hello');
    expect(fs.written).toBe('hello');
  });

  it('a closed pipe (EPIPE) marks the stream destroyed and drops later writes', async () => {
    const fs = fakeFs(() => {
      throw errno('EPIPE');
    });
    const s = fdStream(1, fs, false);
    expect(s.write('x')).toBe(true);
    expect(s.destroyed).toBe(true);
    await writeAll(s, ['a', 'b']);
    expect(fs.written).toBe('');
  });

  it('other write errors of results are an OutputError (exit 5) naming the cause, once', () => {
    for (const [code, words] of [['EIO', 'input/output error, EIO'], ['ENOSPC', 'no space left on the device, ENOSPC'], ['EBADF', 'EBADF'], ['EFBIG', 'EFBIG']] as const) {
      const s = fdStream(1, fakeFs(() => { throw errno(code); }), false);
      let thrown: unknown;
      try {
        s.write('x');
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(OutputError);
      expect((thrown as OutputError).exitCode).toBe(5);
      expect((thrown as OutputError).message).toContain(words);
      expect((thrown as OutputError).message).toMatch(/^cannot write the results to standard output/);
      // Later writes are dropped: the failure is reported once.
      expect(s.write('y')).toBe(true);
    }
  });

  it("messages (onError: 'drop') never throw: a full or closed stderr is given up quietly", () => {
    for (const code of ['EIO', 'ENOSPC', 'EBADF', 'EPIPE']) {
      const fs = fakeFs(() => { throw errno(code); });
      const s = fdStream(2, fs, false, undefined, { onError: 'drop' });
      expect(s.write('message')).toBe(true);
      expect(s.write('another')).toBe(true);
      expect(s.destroyed).toBe(true);
    }
  });

  it('reports TTY and columns as given', () => {
    const s = fdStream(1, fakeFs((length) => length), true, () => 120);
    expect(s.isTTY).toBe(true);
    expect(s.columns).toBe(120);
  });
});

describe('writeAll', () => {
  it('waits for drain when a stream asks for it', async () => {
    const out: string[] = [];
    const listeners: Record<string, () => void> = {};
    const stream = {
      write(s: string) {
        out.push(s);
        setTimeout(() => listeners.drain?.(), 1);
        return false;
      },
      once(event: string, fn: () => void) {
        listeners[event] = fn;
      },
    };
    await writeAll(stream, ['a', 'b', 'c']);
    expect(out).toEqual(['a', 'b', 'c']);
  });
});

describe('run() when a stream cannot be written', () => {
  /** An IO whose stdout or stderr fails like a full disk. */
  function failing(which: 'stdout' | 'stderr' | 'both'): { io: IO; err: string[] } {
    const m = memoryIO({ env: {} });
    const err: string[] = [];
    const full = (target: 'stdout' | 'stderr') =>
      fdStream(target === 'stdout' ? 1 : 2, { writeSync: () => { throw errno('ENOSPC'); } }, false, undefined, { onError: target === 'stdout' ? 'throw' : 'drop' });
    const io: IO = {
      ...m.io,
      stdout: which === 'stdout' || which === 'both' ? full('stdout') : m.io.stdout,
      stderr: which === 'stderr' || which === 'both' ? full('stderr') : { write: (s: string) => void err.push(s) },
    };
    return { io, err };
  }

  it('results that cannot be written: exit 5, one line', async () => {
    for (const argv of [['summary'], ['project', '--json'], ['scenarios', '--format', 'csv'], ['--help'], ['completion', 'bash'], []]) {
      const { io, err } = failing('stdout');
      expect(await run(argv, io), argv.join(' ')).toBe(5);
      expect(err.join(''), argv.join(' ')).toBe('tradecalc: cannot write the results to standard output (no space left on the device, ENOSPC)\n');
    }
  });

  it('messages that cannot be written: the exit code that was due', async () => {
    const cases: [string[], number][] = [
      [['project', '--growth', 'abc'], 2],
      [['nope'], 2],
      [['summary', '--data', '/no/such/file.csv'], 3],
      [['data'], 2],
      [['summary', '--json'], 0],
    ];
    for (const [argv, code] of cases) expect(await run(argv, failing('stderr').io), argv.join(' ')).toBe(code);
    expect(await run(['summary'], failing('both').io)).toBe(5);
  });

  it('a stderr whose write throws anything at all does not change the code either', async () => {
    const m = memoryIO({ env: {} });
    const io: IO = { ...m.io, stderr: { write: () => { throw new Error('gone'); } } };
    expect(await run(['project', '--growth', 'abc'], io)).toBe(2);
    expect(await run(['summary', '--data', '/no/such/file.csv'], io)).toBe(3);
  });
});
