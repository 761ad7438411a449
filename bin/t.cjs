#!/usr/bin/env node
// Loads the built CLI (dist/cli.cjs) and runs it. The bundle is compiled with the V8 code cache
// written at build time (dist/cli.cache) when this Node accepts it, which saves most of the
// start-up spent parsing and compiling; without it the bundle is simply compiled as usual.
"use strict"; const T0 = performance.now();
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = path.join(__dirname, '..', 'dist', 'cli.cache');
const T1 = performance.now(); let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));

if (process.env.TRADECALC_WRITE_CODE_CACHE === '1') {
  // Build step: exercise the common commands in-process so their functions are compiled, then save.
  mod.exports.warmUp().then(() => fs.writeFileSync(cacheFile, script.createCachedData()));
} else {
  const a = performance.now(); mod.exports.main().then(() => process.stderr.write(`${(T1-T0).toFixed(1)} ${(a-T1).toFixed(1)} ${(performance.now()-a).toFixed(1)}\n`));
}
