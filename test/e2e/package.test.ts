// The package as users get it: `npm pack`, installed into an empty folder with production
// dependencies only, run from another working directory, and imported as a library.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tradecalc-pack-'));
const app = join(work, 'app');
let files: string[] = [];

/**
 * The runtime dependencies and theirs, as `npm ci` installed them here. `npm pack` of an installed
 * folder needs no registry, where installing `decimal.js@^10.6.0` by name needs its metadata, which
 * a fresh machine's npm cache does not have (`npm ci` caches tarballs, not metadata).
 */
function runtimeDependencyDirs(): string[] {
  const dirs = new Map<string, string>();
  const visit = (from: string) => {
    const deps = (JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
    for (const name of Object.keys(deps)) {
      // Where Node would find it from `from`: its own node_modules, then each folder up to the root.
      let dir = from;
      while (!existsSync(join(dir, 'node_modules', name, 'package.json')) && dir.length > root.length) dir = dirname(dir);
      const found = join(dir, 'node_modules', name);
      if (!existsSync(join(found, 'package.json'))) throw new Error(`${name} (a dependency of ${from}) is not installed: run npm ci`);
      if (!dirs.has(found)) {
        dirs.set(found, name);
        visit(found);
      }
    }
  };
  visit(root);
  return [...dirs.keys()];
}

beforeAll(() => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the other end-to-end tests' feet.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work, root, ...runtimeDependencyDirs()], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const packed = JSON.parse(out) as { name: string; filename: string; files: { path: string }[] }[];
  files = packed.find((p) => p.name === 'tradecalc')!.files.map((f) => f.path);
  mkdirSync(app);
  execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' });
  // All the tarballs at once and --offline: npm resolves tradecalc's dependencies to the tarballs
  // beside it, so it never needs the registry (and fails rather than fetch). Tests never fetch.
  execFileSync('npm', ['install', '--offline', '--omit=dev', '--no-audit', '--no-fund', ...packed.map((p) => join(work, p.filename))], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}, 120000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm package', () => {
  it('ships only what runs', () => {
    expect(files).toContain('bin/tradecalc');
    expect(files).toContain('dist/cli.cjs');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/types/index.d.ts');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/'))).toBe(false);
  });

  it('installs without dev dependencies and runs from another directory', () => {
    const installed = readdirSync(join(app, 'node_modules'));
    expect(installed).not.toContain('vitest');
    expect(installed).not.toContain('commander');
    const r = spawnSync(join(app, 'node_modules', '.bin', 'tradecalc'), ['project', '--growth', '3', '--json'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).path[0].balance).toBe(1303100000000);
  });

  it('runs from a read-only install and writes nothing beside the package', () => {
    const pkg = join(app, 'node_modules', 'tradecalc');
    const listing = () => (readdirSync(pkg, { recursive: true }) as string[]).sort().map((f) => `${f} ${statSync(join(pkg, f)).mtimeMs}`);
    const before = listing();
    // Root writes whatever the mode bits say: as root, run as nobody (when setpriv can), so that
    // the install really is read-only to the process. Either way, the listing must not change.
    const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
    const probe = process.getuid?.() === 0 ? spawnSync(asNobody[0]!, [...asNobody.slice(1), 'node', '-e', '0'], { cwd: tmpdir() }) : undefined;
    const prefix = probe?.status === 0 ? asNobody : [];
    chmodSync(work, 0o755);
    execFileSync('chmod', ['-R', 'a-w', pkg]);
    try {
      // TRADECALC_WRITE_CODE_CACHE once made any run a build step that wrote into dist/ and printed
      // nothing; the binary no longer knows it.
      const command = [...prefix, join(app, 'node_modules', '.bin', 'tradecalc'), 'summary'];
      const r = spawnSync(command[0]!, command.slice(1), { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TRADECALC_WRITE_CODE_CACHE: '1' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/│ Trade surplus +│/);
    } finally {
      execFileSync('chmod', ['-R', 'u+w', pkg]);
    }
    expect(listing()).toEqual(before);
  });

  it('imports as a library with type declarations', () => {
    writeFileSync(join(app, 'use.mjs'), "import { computeSummary, loadBuiltinDataset } from 'tradecalc';\nconsole.log(computeSummary(loadBuiltinDataset('china-2025')).current.balance.toFixed());\n");
    expect(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' }).trim()).toBe('1190000000000');
    expect(existsSync(join(app, 'node_modules', 'tradecalc', 'dist', 'types', 'index.d.ts'))).toBe(true);
    // The declarations type-check a consumer, and catch a misuse.
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] } }));
    writeFileSync(join(app, 'good.mts'), "import { computeSummary, loadBuiltinDataset, type SummaryReport } from 'tradecalc';\nconst r: SummaryReport = computeSummary(loadBuiltinDataset('china-2025')!);\nexport const s: string = r.current.balance.toFixed();\n");
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const good = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: app, encoding: 'utf8' });
    expect(good.stdout + good.stderr).toBe('');
    writeFileSync(join(app, 'bad.mts'), "import { computeSummary } from 'tradecalc';\nexport const n: number = computeSummary('nope');\n");
    const bad = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: app, encoding: 'utf8' });
    expect(bad.stdout).toMatch(/bad\.mts.*error TS2345/);
  });
});
