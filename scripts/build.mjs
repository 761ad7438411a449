// Builds dist/ from src/:
// - dist/cli.cjs: the CLI as one minified CommonJS bundle (CommonJS loads faster than ESM on
//   Node 20; commands and renderers inside it still initialise only when used);
// - dist/cli.cache (when built on Node 20): a V8 code cache of that bundle for Node 20, which has no
//   compile cache of its own (see bin/tradecalc);
// - dist/index.js + dist/types/: the library API as ESM with type declarations.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.endsWith('child-process.cjs') ? undefined : { path: `${root}scripts/shims/child-process.cjs` },
    );
  },
};

const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, () => ({ path: `${root}scripts/shims/string-width.cjs` }));
  },
};

// Libraries only some runs need are bundled on their own into dist/vendor/ and required from
// there when first used, so every start-up does not read, and deserialize, their code.
const VENDOR = ['csv-parse/sync', 'jsonc-parser', '@valibot/to-json-schema', 'chalk', '@colors/colors/safe', 'string-width/index.js', 'cli-progress'];
const vendorFile = (name) => `vendor/${name.replace(/^@/, '').replace(/[^a-z0-9.-]+/gi, '-')}.cjs`;
const splitVendors = {
  name: 'split-vendors',
  setup(b) {
    const filter = new RegExp(`^(${VENDOR.map((v) => v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    // An import of a vendored library becomes a tiny module that require()s its file; a plain
    // external would stay a dynamic import(), which code compiled through vm.Script cannot run.
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${vendorFile(args.path)}`)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor' }, (args) => ({ path: args.path, external: true }));
  },
};
for (const name of VENDOR) {
  await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    outfile: `${dist}/${vendorFile(name)}`,
    bundle: true,
    // Prefer ESM builds: some packages' "main" is a UMD file with requires a bundler cannot follow.
    mainFields: ['module', 'main'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// A dynamic import() of a Node built-in would stay import() in the CommonJS bundle, which code run
// through vm.Script cannot execute: such imports become require() instead.
const requireBuiltins = {
  name: 'require-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    b.onResolve({ filter: /^node:/, namespace: 'builtin' }, (args) => ({ path: args.path, external: true }));
  },
};

// Native packages stay outside every bundle, required at run time from node_modules: DuckDB ships
// its engine as a binary per platform, and it is an optional dependency loaded only for bulk files.
const NATIVE = ['@duckdb/node-api'];
const nativeExternal = {
  name: 'native-external',
  setup(b) {
    const filter = new RegExp(`^(${NATIVE.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'native' ? { path: args.path, external: true } : { path: args.path, namespace: 'native' }));
    b.onLoad({ filter: /.*/, namespace: 'native' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

await build({
  entryPoints: [`${root}src/cli/bin.ts`],
  outfile: `${dist}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.NO_MINIFY !== "1",
  // Escapes any non-ASCII character, so that Node holds the source as a one-byte string.
  charset: 'ascii',
  legalComments: 'none',
  plugins: [nativeExternal, lazyChildProcess, fastStringWidth, splitVendors, requireBuiltins],
  logLevel: 'warning',
});

// The library: the core, the loaders and the documents, without any command-line code.
await build({
  entryPoints: [`${root}src/index.ts`],
  outfile: `${dist}/index.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: NATIVE,
  legalComments: 'none',
  logLevel: 'warning',
});

// `tradecalc/cli`: run(argv, io) in-process. commander and cli-table3 are CommonJS: give the ESM
// bundle a require() for their internals.
await build({
  entryPoints: [`${root}src/cli/index.ts`],
  outfile: `${dist}/cli/index.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: NATIVE,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});

// Built-in datasets are checked against the schema here, once, rather than on every start-up; and
// the JSON Schema of every document kind is written where the package exports it.
{
  const { builtinDatasetIds, builtinDocument, datasetFromJson, DOCUMENT_SCHEMAS, documentJsonSchema } = await import(`${dist}/index.js`);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(`${dist}/schemas`, { recursive: true });
  for (const kind of Object.keys(DOCUMENT_SCHEMAS)) {
    writeFileSync(`${dist}/schemas/${kind}.schema.json`, `${JSON.stringify(await documentJsonSchema(kind), null, 2)}\n`);
  }
  for (const id of builtinDatasetIds()) {
    try {
      datasetFromJson(builtinDocument(id), `fixture "${id}"`);
    } catch (err) {
      console.error(`build: ${err.message}\n${(err.problems ?? []).map((p) => `  ${p}`).join('\n')}`);
      process.exit(1);
    }
  }
}

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
}

// Node 20 has no compile cache of its own, so for it the build writes a V8 code cache of the CLI
// bundle (dist/cli.cache), which bin/tradecalc reads on Node 20 only. The bundle is compiled
// exactly as the bin compiles it, then runs the common commands in this process with their output
// thrown away, so that the functions those commands call are compiled and go into the cache too.
// V8 accepts the cache only on the Node that wrote it, so a build on a newer Node writes none.
{
  const { default: Module, createRequire } = await import('node:module');
  if (!Module.enableCompileCache) {
    const { readFileSync } = await import('node:fs');
    const { Script } = await import('node:vm');
    const file = `${dist}/cli.cjs`;
    const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file });
    const mod = { exports: {} };
    script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dist);
    const sink = { write: () => true };
    for (const argv of [['summary'], ['project', '--growth', '3', '--json'], ['project', '--growth', '3']]) {
      const code = await mod.exports.run(argv, { stdout: sink, stderr: sink, env: {}, cwd: root });
      if (code !== 0) throw new Error(`warming the code cache: tradecalc ${argv.join(' ')} exited ${code}`);
    }
    writeFileSync(`${dist}/cli.cache`, script.createCachedData());
  }
}
writeFileSync(`${dist}/package.json`, '{ "type": "module" }\n');
