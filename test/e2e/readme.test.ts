// The README's example output is the program's real output: scripts/readme-examples.mjs runs every
// example and compares. (After a deliberate change: node scripts/readme-examples.mjs --write.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('README examples match what the binary prints', () => {
  const script = fileURLToPath(new URL('../../scripts/readme-examples.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  expect(r.stdout).toBe('README examples match\n');
  expect(r.status).toBe(0);
});
