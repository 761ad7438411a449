// Builds dist/ from src/:
// - dist/cli.cjs: the CLI as one minified CommonJS bundle (CommonJS loads faster than ESM on
//   Node 20; commands and renderers inside it still initialise only when used);
// - dist/cli.cache: a V8 code cache of that bundle, so a run skips most parsing and compiling;
// - dist/index.js + dist/types/: the library API as ESM with type declarations.
import { execFileSync, spawnSync } from 'node:child_process';
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

// cli-table3 merges every border character into every cell through a helper that splits and
// joins the option's name and filters an argument list on each call: ~800 calls for the summary,
// all in cold code. The same function with names converted once and a ?? chain does what it did.
// Its string helpers get the same treatment: a width without splitting a one-line string, and
// String.prototype.repeat for padding. Together they take ~1.5 ms off drawing the summary; the
// golden files show the tables are unchanged.
const fastCellOptions = {
  name: 'fast-cell-options',
  setup(b) {
    b.onLoad({ filter: /cli-table3[\\/]src[\\/]utils\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const strlen = /function strlen\(str\) \{[\s\S]*?\n\}\n/;
      const repeat = /function repeat\(str, times\) \{[\s\S]*?\n\}\n/;
      const colorize = /function colorizeLines\(input\) \{\n/;
      if (!strlen.test(source) || !repeat.test(source) || !colorize.test(source)) {
        throw new Error('cli-table3 changed: strlen, repeat or colorizeLines is not where the build expects it');
      }
      return {
        contents: source
          // Lines without escape codes have no colour state to carry: they come out as they went in.
          .replace(colorize, "function colorizeLines(input) {\n  if (!input.some((line) => line.includes('\\u001b'))) return input.slice();\n")
          .replace(
            strlen,
            `function strlen(str) {
  const stripped = ('' + str).replace(codeRegex(), '');
  if (!stripped.includes('\\n')) return stringWidth(stripped);
  let max = 0;
  for (const s of stripped.split('\\n')) max = Math.max(max, stringWidth(s));
  return max;
}
`,
          )
          .replace(repeat, `function repeat(str, times) {\n  return times > 0 ? str.repeat(times) : '';\n}\n`),
        loader: 'js',
      };
    });
    b.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const original = /function setOption\(objA, objB, nameB, targetObj\) \{[\s\S]*?\n\}\n/;
      if (!original.test(source)) throw new Error('cli-table3 changed: setOption is not where the build expects it');
      const faster = `const CAMEL_NAMES = new Map();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = CAMEL_NAMES.get(nameB);
  if (nameA === undefined) {
    const parts = nameB.split('-');
    nameA = parts.length > 1 ? parts[0] + parts[1].charAt(0).toUpperCase() + parts[1].substr(1) + parts.slice(2).join('') : null;
    CAMEL_NAMES.set(nameB, nameA);
  }
  const v = nameA === null ? objA[nameB] ?? objB[nameB] : objA[nameA] ?? objA[nameB] ?? objB[nameA] ?? objB[nameB];
  targetObj[nameA === null ? nameB : nameA] = v === null ? undefined : v;
}
`;
      return { contents: source.replace(original, faster), loader: 'js' };
    });
  },
};

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
  charset: 'ascii',
  keepNames: true,
  legalComments: 'none',
  plugins: [nativeExternal, lazyChildProcess, fastStringWidth, fastCellOptions, splitVendors, requireBuiltins],
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

// bin/tradecalc reads the bundle as latin1, which is only right for pure ASCII. (An unminified
// debugging build keeps comments, which may not be; it is never shipped.)
if (process.env.NO_MINIFY !== '1') {
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(`${dist}/cli.cjs`);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at !== -1) throw new Error(`dist/cli.cjs has a non-ASCII byte at offset ${at}: write it as a \\u escape in the source`);
}

// The code cache is produced by running the bundle through the same loader the binary uses.
const r = spawnSync(process.execPath, [`${root}bin/tradecalc`], {
  env: { ...process.env, TRADECALC_WRITE_CODE_CACHE: '1' },
  stdio: 'inherit',
});
if (r.status !== 0) throw new Error('writing the code cache failed');
writeFileSync(`${dist}/package.json`, '{ "type": "module" }\n');
