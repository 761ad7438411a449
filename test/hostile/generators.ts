// Generators for the hostile suite and the fuzzing: names every JavaScript object answers to,
// control characters and terminal escape sequences, formula-looking text, and the things an
// --output path can name. Shared so that a new kind of hostile value is added once and reaches
// every test that throws such values at the program.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const bin = fileURLToPath(new URL('../../bin/tradecalc', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Names

/**
 * Every name a plain object answers to without having it: Object.prototype's own properties, and a
 * few that other prototypes or conventions give meaning to (a function's, an array's, a thenable's).
 */
export const PROTOTYPE_NAMES: readonly string[] = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'length', 'name', 'then', 'call', 'apply', 'bind', 'toJSON', 'valueOf']),
];

/** A prototype name as a user might type it: as is, in capitals, capitalised, with spaces around. */
export const protoName = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(...PROTOTYPE_NAMES).map((n) => n.toUpperCase()),
  fc.constantFrom(...PROTOTYPE_NAMES).map((n) => n[0]!.toUpperCase() + n.slice(1)),
  fc.constantFrom(...PROTOTYPE_NAMES).map((n) => ` ${n} `),
);

// ---------------------------------------------------------------------------------------------
// Control characters and escape sequences

/** Every character a terminal acts on or that reorders text. */
export const CONTROL_CHARS: readonly string[] = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
];

/** Sequences that do something to a terminal: clear, recolour, move, retitle, hyperlink, bell. */
export const ESCAPE_SEQUENCES: readonly string[] = [
  '\u001b[2J',
  '\u001b[H',
  '\u001b[32m✔ consistent\u001b[0m',
  '\r✔ consistent',
  '\u001b[1A\u001b[2K',
  '\u001b]0;pwned\u0007',
  '\u001b]8;;http://example.com\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u202eevil',
  '\u0007',
  '\u0000',
  '\b\b\b',
];

/** A regular expression that finds any character of CONTROL_CHARS (a newline too). */
export const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Text with control characters and escape sequences mixed into ordinary words. */
export const hostileText = (maxLength = 60) =>
  fc
    .array(fc.oneof(fc.constantFrom(...CONTROL_CHARS), fc.constantFrom(...ESCAPE_SEQUENCES), fc.string({ maxLength: 8 }), fc.constantFrom('China', 'Trade', '—', '✔', '€')), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join('').slice(0, maxLength))
    .filter((t) => t.trim() !== '');

/** Text a spreadsheet would run as a formula. */
export const FORMULA_STARTS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];
export const formulaText = fc
  .tuple(fc.constantFrom(...FORMULA_STARTS), fc.constantFrom('HYPERLINK("http://x","y")', 'cmd|\' /C calc\'!A0', 'SUM(1+1)*cmd', '1+2', 'A1', 'x'))
  .map(([start, rest]) => start + rest);

// ---------------------------------------------------------------------------------------------
// Output targets

export type TargetKind =
  | 'new-file'
  | 'regular-file'
  | 'mode-600-file'
  | 'symlink-to-file'
  | 'dangling-symlink'
  | 'symlink-loop'
  | 'directory'
  | 'dev-null'
  | 'dev-full'
  | 'fifo'
  | 'socket'
  | 'read-only-file'
  | 'same-as-input'
  | 'dot-slash-input'
  | 'hard-link-to-input'
  | 'symlink-to-input'
  | 'absolute-input';

/** What the run must do with each kind of target: replace it (0) or refuse it before any work (2). */
export const TARGET_EXPECT: Readonly<Record<TargetKind, 0 | 2>> = {
  'new-file': 0,
  'regular-file': 0,
  'mode-600-file': 0,
  'symlink-to-file': 0,
  'dangling-symlink': 0,
  'symlink-loop': 2,
  directory: 2,
  'dev-null': 2,
  'dev-full': 2,
  fifo: 2,
  socket: 2,
  'read-only-file': 2,
  'same-as-input': 2,
  'dot-slash-input': 2,
  'hard-link-to-input': 2,
  'symlink-to-input': 2,
  'absolute-input': 2,
};

export const TARGET_KINDS = Object.keys(TARGET_EXPECT) as TargetKind[];

export const INPUT_CSV = 'reporter,year,exports,imports\r\nA,2024,1T,2T\r\nA,2025,1.5T,2T\r\n';

export interface Target {
  kind: TargetKind;
  /** The working directory of the run. */
  dir: string;
  /** The --output value. */
  output: string;
  /** The --data value (relative to dir). */
  data: string;
  /** The regular file the run must leave as it was, or may replace, with its contents now. */
  file?: { path: string; content: string; mode: number } | undefined;
  /** Closes anything the target holds open (a socket's server). */
  close(): Promise<void>;
}

let sequence = 0;

/**
 * A device node to aim --output at. The program must refuse it, but a test must not bet the
 * machine on that: run as root, a regression would replace the real /dev/null with a regular file
 * for every process on the machine. So, as root, the test makes its own device node (the same
 * device, in a temporary directory) and a regression replaces only that; otherwise the real one,
 * whose directory an ordinary user cannot write in.
 */
export function deviceNode(which: 'null' | 'full', dir = mkdtempSync(join(tmpdir(), 'tradecalc-dev-'))): string {
  if (process.getuid?.() !== 0) return `/dev/${which}`;
  const path = join(dir, which);
  const made = spawnSync('mknod', ['-m', '666', path, 'c', '1', which === 'null' ? '3' : '7']);
  if (made.status !== 0) throw new Error(`mknod ${path}: ${made.stderr}`);
  return path;
}

/** Makes a fresh directory with an input CSV and the kind of target asked for. */
export async function makeTarget(kind: TargetKind): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), `tradecalc-target-${sequence++}-`));
  const data = 'in.csv';
  writeFileSync(join(dir, data), INPUT_CSV);
  const old = (name: string, mode = 0o644) => {
    const path = join(dir, name);
    writeFileSync(path, 'old contents\n');
    chmodSync(path, mode);
    return { path, content: 'old contents\n', mode };
  };
  let close = async () => {};
  const t = (output: string, file?: Target['file']): Target => ({ kind, dir, output, data, file, close: () => close() });
  switch (kind) {
    case 'new-file':
      return t('out.json');
    case 'regular-file':
      return t('out.json', old('out.json'));
    case 'mode-600-file':
      return t('out.json', old('out.json', 0o600));
    case 'symlink-to-file': {
      const file = old('real.json', 0o640);
      symlinkSync('real.json', join(dir, 'link.json'));
      return t('link.json', file);
    }
    case 'dangling-symlink':
      symlinkSync('not-yet.json', join(dir, 'link.json'));
      return t('link.json');
    case 'symlink-loop':
      symlinkSync('b.json', join(dir, 'a.json'));
      symlinkSync('a.json', join(dir, 'b.json'));
      return t('a.json');
    case 'directory':
      mkdirSync(join(dir, 'sub.json'));
      return t('sub.json');
    case 'dev-null':
      return t(deviceNode('null', dir));
    case 'dev-full':
      return t(deviceNode('full', dir));
    case 'fifo':
      await new Promise<void>((resolve, reject) => spawn('mkfifo', [join(dir, 'pipe.json')]).on('close', (code) => (code === 0 ? resolve() : reject(new Error('mkfifo')))));
      return t('pipe.json');
    case 'socket': {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(join(dir, 'sock.json'), resolve));
      close = () => new Promise<void>((resolve) => server.close(() => resolve()));
      return t('sock.json');
    }
    case 'read-only-file':
      return t('ro.json', old('ro.json', 0o444));
    case 'same-as-input':
      return t(data, { path: join(dir, data), content: INPUT_CSV, mode: 0o644 });
    case 'dot-slash-input':
      return t(`./${data}`, { path: join(dir, data), content: INPUT_CSV, mode: 0o644 });
    case 'hard-link-to-input':
      linkSync(join(dir, data), join(dir, 'hard.csv'));
      return t('hard.csv', { path: join(dir, data), content: INPUT_CSV, mode: 0o644 });
    case 'symlink-to-input':
      symlinkSync(data, join(dir, 'sym.csv'));
      return t('sym.csv', { path: join(dir, data), content: INPUT_CSV, mode: 0o644 });
    case 'absolute-input':
      return t(join(dir, data), { path: join(dir, data), content: INPUT_CSV, mode: 0o644 });
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a shell command line (so descriptors can be closed, redirected or limited) and collects its output. */
export function sh(script: string, options: { cwd?: string; env?: Record<string, string>; shell?: 'sh' | 'bash' } = {}): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(options.shell ?? 'sh', ['-c', script], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The binary as a shell word. */
export const tradecalc = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)}`;
