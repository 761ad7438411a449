// The process around the program, with real processes: a full disk and an unwritable or closed
// standard output (exit 5, or 0 for a reader that went away), a full, closed or unwritable
// standard error (the exit code that was due, unchanged), a deleted working directory (one line),
// and exceptions that escape the command (one line, exit 4, a stack only with --debug).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sh, tradecalc } from './generators.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-process-'));
const csv = join(dir, 'trade.csv');
writeFileSync(csv, 'reporter,year,exports,imports\nA,2024,1T,2T\n');
const bad = join(dir, 'bad.csv');
writeFileSync(bad, 'reporter,year,exports,imports\nA,twenty,1T,2T\n');

/** No Node trace, no internal error: the shapes a stack trace takes. */
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |^\s+at |node:internal|Node\.js v|internal error/m);

describe('standard output that cannot take the results: exit 5, one line', () => {
  it('a full disk (/dev/full, ENOSPC)', async () => {
    const r = await sh(`${tradecalc} summary > /dev/full`);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('tradecalc: cannot write the results to standard output (no space left on the device, ENOSPC)\n');
  });

  it('a large result to a full disk (a million-cell CSV)', async () => {
    const r = await sh(`${tradecalc} scenarios --growth 0:10:0.01 --import-growth 0:10:0.01 --format csv > /dev/full`);
    expect(r.code).toBe(5);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/ENOSPC/);
  });

  it('a descriptor opened for reading only (EBADF)', async () => {
    const r = await sh(`${tradecalc} project --json 1< /dev/null`);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^tradecalc: cannot write the results to standard output \(.*EBADF\)\n$/);
  });

  it('a file-size limit (EFBIG)', async () => {
    const r = await sh(`trap '' XFSZ; ulimit -f 1; ${tradecalc} scenarios --growth 0:10:0.1 --import-growth 0:10:0.1 --format csv > big.csv`, { cwd: dir });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/EFBIG/);
    noStack(r.stderr);
  });

  it('the help text to a full disk', async () => {
    const r = await sh(`${tradecalc} --help > /dev/full`);
    expect(r.code).toBe(5);
  });

  it('and when stderr is full too, the exit code still says it', async () => {
    const r = await sh(`${tradecalc} summary > /dev/full 2> /dev/full`);
    expect(r.code).toBe(5);
  });

  it('a reader that went away (EPIPE) is not an error: exit 0, nothing on stderr', async () => {
    const r = await sh(`set -o pipefail; ${tradecalc} scenarios --growth 0:10:0.01 --import-growth 0:10:0.01 --format csv | head -c 10 > /dev/null`, { shell: 'bash' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a standard output closed before the start (1>&-) is /dev/null to Node: the results are discarded, exit 0', async () => {
    const r = await sh(`${tradecalc} summary 1>&-`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('standard error that cannot take a message: the exit code that was due', () => {
  for (const [what, redirect] of [
    ['full (/dev/full)', '2> /dev/full'],
    ['closed (2>&-)', '2>&-'],
    ['opened for reading only (EBADF)', '2< /dev/null'],
  ] as const) {
    it(`${what}: a usage error is still 2, a data error 3, a missing file 3, success 0`, async () => {
      expect((await sh(`${tradecalc} project --growth abc ${redirect}`)).code).toBe(2);
      expect((await sh(`${tradecalc} --frobnicate ${redirect}`)).code).toBe(2);
      expect((await sh(`${tradecalc} summary --data ${JSON.stringify(bad)} ${redirect}`)).code).toBe(3);
      expect((await sh(`${tradecalc} summary --data /no/such/file.csv ${redirect}`)).code).toBe(3);
      const ok = await sh(`${tradecalc} summary --data ${JSON.stringify(csv)} --json ${redirect}`);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout).kind).toBe('summary');
    });
  }

  it('a group without its subcommand (help on stderr) is still 2 with stderr full', async () => {
    expect((await sh(`${tradecalc} data 2> /dev/full`)).code).toBe(2);
  });
});

describe('a working directory that no longer exists', () => {
  const gone = () => {
    const d = join(dir, `gone-${Math.random().toString(36).slice(2)}`);
    mkdirSync(d);
    return d;
  };
  // The shell enters the directory, then it is removed under it.
  const inGone = (argv: string) => {
    const d = gone();
    return sh(`cd ${JSON.stringify(d)} && rmdir ${JSON.stringify(d)} && ${tradecalc} ${argv}`);
  };

  it('is no obstacle to a run that needs none', async () => {
    const r = await inGone('summary --json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('summary');
    expect((await inGone(`summary --data ${JSON.stringify(csv)}`)).code).toBe(0);
    expect((await inGone(`project --output ${JSON.stringify(join(dir, 'abs-out.json'))}`)).code).toBe(0);
  });

  it('a relative --data path: one line, exit 3', async () => {
    const r = await inGone('summary --data trade.csv');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('tradecalc: trade.csv: cannot be found: the working directory no longer exists (it was deleted or moved); give a full path or cd to a directory that exists\n');
    expect(r.stdout).toBe('');
  });

  it('a relative file to validate: one line, exit 3', async () => {
    const r = await inGone('data validate trade.csv');
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    noStack(r.stderr);
  });

  it('a relative --output path: one line, exit 2', async () => {
    const r = await inGone('summary --output out.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tradecalc: --output "out\.json": the working directory no longer exists .*\n$/);
    noStack(r.stderr);
  });

  it('the usage error of an option still comes first', async () => {
    expect((await inGone('project --growth abc --data trade.csv')).code).toBe(2);
  });
});

describe('an exception that escapes the command', () => {
  const preload = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, body);
    return p;
  };
  const thrower = preload('throw.cjs', "setImmediate(() => { throw new Error('boom \\u001b[2J'); });\n");
  const rejecter = preload('reject.cjs', "setImmediate(() => { Promise.reject(new Error('nope')); });\n");
  const node = (pre: string, argv: string) => sh(`${JSON.stringify(process.execPath)} --require ${JSON.stringify(pre)} ${tradecalc.split(' ').slice(1).join(' ')} ${argv}`);

  it('an uncaught exception: one line, exit 4, control characters escaped', async () => {
    const r = await node(thrower, 'summary');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('tradecalc: internal error: boom \\u001b[2J (run with --debug for details)\n');
  });

  it('an unhandled rejection: one line, exit 4', async () => {
    const r = await node(rejecter, 'summary --json');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('tradecalc: internal error: nope (run with --debug for details)\n');
  });

  it('with --debug, the stack', async () => {
    const r = await node(thrower, 'summary --debug');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^tradecalc: internal error: boom/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

