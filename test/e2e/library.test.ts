// The library is the core, not the CLI: `import … from 'tradecalc'` must not pull in commander,
// chalk, cli-table3 or the progress bar, nor any of src/cli. Checked on the import graph (esbuild's
// metafile of the same entry the build bundles) and on the built bundle itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI_ONLY = ['node_modules/commander/', 'node_modules/cli-table3/', 'node_modules/chalk/', 'node_modules/cli-progress/', 'node_modules/string-width/', 'src/cli/'];

it('the library entry imports nothing of the command line', async () => {
  const result = await build({ entryPoints: [`${root}src/index.ts`], bundle: true, write: false, outdir: 'out', metafile: true, platform: 'node', format: 'esm', external: ['@duckdb/node-api'], logLevel: 'silent' });
  // What ends up in the output (a module that is parsed but entirely shaken out contributes 0 bytes).
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path);
  expect(inputs.some((p) => p.startsWith('src/core/'))).toBe(true);
  for (const prefix of CLI_ONLY) expect(inputs.filter((p) => p.includes(prefix))).toEqual([]);
});

it('the built library bundle carries no commander or cli-table3 code', () => {
  const lib = readFileSync(`${root}dist/index.js`, 'utf8');
  const cli = readFileSync(`${root}dist/cli/index.js`, 'utf8');
  // Strings that only these libraries contain: the test is meaningful only if the CLI bundle has them.
  for (const marker of ['commander.unknownOption', 'colWidths']) {
    expect(cli).toContain(marker);
    expect(lib).not.toContain(marker);
  }
  expect(lib.length).toBeLessThan(cli.length / 1.5);
});
