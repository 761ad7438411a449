// --output against everything a path can name: it only ever replaces a regular file (a symlink is
// followed and its target replaced), keeps the file's mode, refuses devices, FIFOs, sockets,
// directories, read-only files and any input, leaves the path as it was on every failure, and
// every signal that ends a write removes the temporary file and exits 128 + the signal's number.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { TARGET_EXPECT, TARGET_KINDS, type Target, type TargetKind, bin, deviceNode, makeTarget, sh, tradecalc } from './generators.js';

/** No temporary file left anywhere in the target's directory. */
const noTemp = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

/** The regular file a target holds is exactly as it was (contents and mode). */
function untouched(t: Target) {
  if (!t.file) return;
  expect(readFileSync(t.file.path, 'utf8')).toBe(t.file.content);
  expect(statSync(t.file.path).mode & 0o777).toBe(t.file.mode);
}

const MESSAGES: Partial<Record<TargetKind, RegExp>> = {
  'symlink-loop': /too many levels of symbolic links/,
  directory: /is a directory/,
  'dev-null': /is a device; --output only replaces a regular file \(to write into it, leave out --output and redirect standard output: > \S*null\)/,
  'dev-full': /is a device/,
  fifo: /is a named pipe \(FIFO\)/,
  socket: /is a socket; --output only replaces a regular file$/,
  'read-only-file': /is read-only/,
  'same-as-input': /is the same file as the data "in\.csv"/,
  'dot-slash-input': /is the same file as the data "in\.csv"/,
  'hard-link-to-input': /is the same file as the data "in\.csv"/,
  'symlink-to-input': /is the same file as the data "in\.csv"/,
  'absolute-input': /is the same file as the data "in\.csv"/,
};

async function runAgainst(t: Target, argv: string[]) {
  return cli([...argv, '--output', t.output], { cwd: t.dir });
}

describe('--output against every kind of target', () => {
  it.each(TARGET_KINDS.map((k) => [k]))('%s', async (kind) => {
    const t = await makeTarget(kind);
    try {
      const r = await runAgainst(t, ['summary', '--data', t.data, '--format', 'json']);
      expect(r.code).toBe(TARGET_EXPECT[kind]);
      expect(r.stdout).toBe('');
      if (TARGET_EXPECT[kind] === 2) {
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr.trimEnd()).toMatch(MESSAGES[kind]!);
        untouched(t);
      } else {
        expect(r.stderr).toBe('');
        // What was written is where the path leads, and the path still leads there.
        const written = JSON.parse(readFileSync(join(t.dir, t.output), 'utf8')) as { kind: string };
        expect(written.kind).toBe('summary');
      }
      noTemp(t.dir);
    } finally {
      await t.close();
    }
  });

  it('a replaced file keeps its mode: 600 stays 600', async () => {
    const t = await makeTarget('mode-600-file');
    expect((await runAgainst(t, ['summary'])).code).toBe(0);
    expect(statSync(join(t.dir, 'out.json')).mode & 0o777).toBe(0o600);
  });

  it('a symlink is followed: the target is replaced (mode kept), the link stays a link to it', async () => {
    const t = await makeTarget('symlink-to-file');
    expect((await runAgainst(t, ['project', '--format', 'csv'])).code).toBe(0);
    expect(lstatSync(join(t.dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(t.dir, 'link.json'))).toBe('real.json');
    expect(readFileSync(join(t.dir, 'real.json'), 'utf8')).toMatch(/^year,exportGrowthPct/);
    expect(statSync(join(t.dir, 'real.json')).mode & 0o777).toBe(0o640);
  });

  it('a dangling symlink creates its target and stays a link', async () => {
    const t = await makeTarget('dangling-symlink');
    expect((await runAgainst(t, ['summary'])).code).toBe(0);
    expect(lstatSync(join(t.dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(t.dir, 'not-yet.json'), 'utf8')).kind).toBe('summary');
  });

  it('the file of data validate is an input too', async () => {
    const t = await makeTarget('same-as-input');
    const r = await cli(['data', 'validate', 'in.csv', '--output', './in.csv'], { cwd: t.dir });
    expect(r.code).toBe(2);
    untouched(t);
  });

  it('standard input redirected from the output file is the same file too', async () => {
    const t = await makeTarget('same-as-input');
    const r = await sh(`${tradecalc} summary --data - --output in.csv < in.csv`, { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tradecalc: --output "in.csv" is the same file as the data read from standard input; writing the results would replace the data (choose another file name)\n');
    untouched(t);
    // From a pipe, standard input is no file: the output is written.
    const piped = await sh(`cat in.csv | ${tradecalc} summary --data - --output out.json`, { cwd: t.dir });
    expect(piped.code).toBe(0);
  });

  it('"-" is standard output', async () => {
    const t = await makeTarget('new-file');
    const r = await cli(['summary', '--output', '-', '--json'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('summary');
    expect(readdirSync(t.dir)).toEqual(['in.csv']);
  });

  it('a failing run never touches the path: usage errors, data errors, a failing validation', async () => {
    const t = await makeTarget('regular-file');
    writeFileSync(join(t.dir, 'bad.csv'), 'reporter,year,exports,imports\nA,twenty,1,1\n');
    for (const argv of [
      ['project', '--growth', 'abc'],
      ['summary', '--data', 'missing.csv'],
      ['summary', '--data', 'bad.csv'],
      ['data', 'validate', 'bad.csv'],
      ['data', 'validate', 'bad.csv', '--json'],
      ['scenarios', '--scenario', 'constructor'],
    ]) {
      const r = await runAgainst(t, argv);
      expect(r.code, argv.join(' ')).toBeGreaterThan(1);
      expect(r.stdout, argv.join(' ')).toBe('');
      untouched(t);
    }
    noTemp(t.dir);
  });

  it('through the binary: devices and a read-only file are refused with exit 2', async () => {
    const t = await makeTarget('read-only-file');
    for (const target of [deviceNode('null'), deviceNode('full'), t.output]) {
      const r = await sh(`${tradecalc} summary --output ${JSON.stringify(target)}`, { cwd: t.dir });
      expect(r.code, target).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), target).toHaveLength(1);
    }
    untouched(t);
  });

  it('the devices are still devices', () => {
    // A canary: were a regression to replace a device, the machine's own would be next.
    for (const path of ['/dev/null', '/dev/full']) expect(statSync(path).isCharacterDevice(), path).toBe(true);
  });

  it('a write that fails once begun (a file-size limit): exit 5, the old file kept, no temporary file', async () => {
    const t = await makeTarget('regular-file');
    const r = await sh(`trap '' XFSZ; ulimit -f 1; ${tradecalc} scenarios --growth 0:10:0.1 --import-growth 0:10:0.1 --output out.json`, { cwd: t.dir });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^tradecalc: cannot write the results to --output "out\.json" \(the file is too large, EFBIG\); the file was left as it was\n$/);
    untouched(t);
    noTemp(t.dir);
  });

  it('property: any target, any command and format: replaced when regular, else refused and untouched', async () => {
    const commands = [['summary'], ['project', '--growth', '3'], ['check'], ['data', 'show'], ['scenarios'], ['breakeven']];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGET_KINDS), fc.constantFrom(...commands), fc.constantFrom('json', 'csv', 'markdown', 'table'), async (kind, argv, format) => {
        const t = await makeTarget(kind);
        try {
          const r = await runAgainst(t, [...argv, '--data', t.data, '--format', format]);
          expect(r.code === 1 ? 0 : r.code).toBe(TARGET_EXPECT[kind]);
          expect(r.stdout).toBe('');
          if (TARGET_EXPECT[kind] === 2) untouched(t);
          else if (kind === 'mode-600-file') expect(statSync(t.file!.path).mode & 0o777).toBe(0o600);
          noTemp(t.dir);
        } finally {
          await t.close();
        }
      }),
      { numRuns: 60, seed: 8 },
    );
  });
});

/** Spawns the binary, waits until `ready` says so, sends `signal`, and returns how it ended. */
function signalled(argv: string[], cwd: string, ready: () => boolean, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    let sent = false;
    const started = Date.now();
    const poll = () => {
      if (sent || child.exitCode !== null) return;
      if (ready()) {
        sent = true;
        child.kill(signal);
      } else if (Date.now() - started > 20000) reject(new Error('never ready'));
      else setTimeout(poll, 5);
    };
    poll();
    child.on('close', (code) => (sent ? resolve({ code, stderr, stdout }) : reject(new Error(`ended before the signal: ${code} ${stderr}`))));
  });
}

describe('signals during a long --output write (a million-cell scenarios CSV)', () => {
  const EXPECT = { SIGINT: [130, 'interrupted'], SIGTERM: [143, 'terminated (SIGTERM)'], SIGHUP: [129, 'hung up (SIGHUP)'] } as const;
  it.each(Object.entries(EXPECT).map(([signal, [code, words]]) => [signal, code, words] as const))('%s: the temporary file is removed, the old file kept, exit %i', async (signal, code, words) => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-signal-'));
    writeFileSync(join(dir, 'grid.csv'), 'old\n');
    const writing = () => readdirSync(dir).some((f) => f.endsWith('.tmp'));
    const r = await signalled(['scenarios', '--growth', '0:10:0.01', '--import-growth', '0:10:0.01', '--output', 'grid.csv'], dir, writing, signal as NodeJS.Signals);
    expect(r.code).toBe(code);
    expect(r.stderr).toBe(`tradecalc: ${words}\n`);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'grid.csv'), 'utf8')).toBe('old\n');
    noTemp(dir);
  }, 30000);
});

describe('signals during simulate on a terminal (a pseudo-terminal through script(1))', () => {
  const hasScript = existsSync('/usr/bin/script');
  it.skipIf(!hasScript).each([
    ['SIGTERM', 143, 'terminated (SIGTERM)'],
    ['SIGHUP', 129, 'hung up (SIGHUP)'],
    ['SIGINT', 130, 'interrupted'],
  ] as const)('%s restores the cursor and line wrapping, and exits %i', async (signal, code, words) => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-pty-'));
    const pidFile = join(dir, 'pid');
    const out = join(dir, 'out');
    // script runs the command on a new pseudo-terminal; the shell records the pid, then becomes node.
    const inner = `echo $$ > ${pidFile}; exec ${tradecalc} simulate --runs 1e8 --json`;
    const child = spawn('script', ['-qefc', `sh -c '${inner}'`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', TERM: 'xterm' } });
    let seen = '';
    child.stdout.on('data', (c) => (seen += c));
    const status = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    const started = Date.now();
    while (!(existsSync(pidFile) && seen.includes('simulating ['))) {
      if (Date.now() - started > 20000) throw new Error(`no progress bar: ${JSON.stringify(seen.slice(0, 200))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), signal);
    expect(await status).toBe(code);
    writeFileSync(out, seen);
    const hidden = seen.indexOf('\u001b[?25l');
    const wrapOff = seen.indexOf('\u001b[?7l');
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(wrapOff).toBeGreaterThanOrEqual(0);
    // After the bar hid the cursor and turned wrapping off, both are turned back on.
    expect(seen.lastIndexOf('\u001b[?25h')).toBeGreaterThan(hidden);
    expect(seen.lastIndexOf('\u001b[?7h')).toBeGreaterThan(wrapOff);
    expect(seen).toContain(`tradecalc: ${words}`);
  }, 30000);
});
