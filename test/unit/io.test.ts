// Writing to file descriptors: partial writes, a full non-blocking pipe, and a reader that left.
import { describe, expect, it } from 'vitest';
import { fdStream, writeAll } from '../../src/cli/io.js';

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

  it('other write errors propagate', () => {
    const s = fdStream(1, fakeFs(() => { throw errno('EIO'); }), false);
    expect(() => s.write('x')).toThrow('EIO');
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
