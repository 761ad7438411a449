// The package as users get it: `npm pack`, installed into an empty folder with production
// dependencies only, run from another working directory, and imported as a library.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tradecalc-pack-'));
const app = join(work, 'app');
let files: string[] = [];

beforeAll(() => {
  const out = // --ignore-scripts: `prepare` would rebuild dist/ under the other end-to-end tests' feet.
  execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const info = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
  files = info.files.map((f) => f.path);
  execFileSync('npm', ['init', '-y'], { cwd: work, stdio: 'ignore' });
  // Offline: the dependencies are in npm's cache after `npm ci`; tests never fetch.
  execFileSync('mkdir', ['-p', app]);
  execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' });
  execFileSync('npm', ['install', '--offline', '--omit=dev', '--no-audit', '--no-fund', join(work, info.filename)], { cwd: app, stdio: 'ignore' });
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
