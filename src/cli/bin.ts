// The process entry: real streams in, exit code out. Never process.exit(): it would cut piped
// output short. A reader that goes away (`| head`) ends the run quietly with exit 0.
import type { IO } from './io.js';
import { run } from './run.js';

function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      stream.destroy();
      process.exitCode = 0;
      return;
    }
    throw err;
  });
}

quietOnClosedPipe(process.stdout);
const io: IO = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  // While a handler is registered, Ctrl-C no longer kills the process: the command stops itself.
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
};
const code = await run(process.argv.slice(2), io);
if (!(process.stdout.destroyed && code === 0)) process.exitCode = code;
