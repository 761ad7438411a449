// `tradecalc/cli`: the command line, in-process. run(argv, io) returns the exit code; memoryIO gives
// in-memory streams. Kept apart from the library so `import … from 'tradecalc'` carries no CLI code.
export { run } from './run.js';
export { memoryIO } from './io.js';
export type { IO, OutStream } from './io.js';
