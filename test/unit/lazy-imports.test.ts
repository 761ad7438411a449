// What every start-up loads: the libraries the CLI reaches from its entry through static imports
// alone. Everything else sits behind a dynamic import() and loads only in the runs that use it
// (the bundle keeps such modules uninitialised until then). cli-table3 costs a table-drawing run
// several milliseconds, and the others are as much dead weight for a run that does not use them.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function staticallyLoaded(entry: string): Promise<Set<string>> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.kind === 'dynamic-import') continue;
      if (imp.external) packages.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(Object.keys(inputs).find((f) => f.endsWith('src/cli/bin.ts'))!);
  return packages;
}

describe('start-up loads only what every run needs', () => {
  it('the CLI entry reaches commander, decimal.js and node built-ins, and no other library', async () => {
    const loaded = await staticallyLoaded('src/cli/bin.ts');
    const libraries = [...loaded].filter((p) => !p.startsWith('node:'));
    expect(libraries.sort()).toEqual(['commander', 'decimal.js']);
  });
});
