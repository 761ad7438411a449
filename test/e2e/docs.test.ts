// The documentation's examples are the program's real output: scripts/doc-examples.mjs runs every
// example in README.md, CHANGELOG.md and docs/ against the built binary and compares. (After a
// deliberate change: node scripts/doc-examples.mjs --write.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('every example in the docs matches what the binary prints', () => {
  const script = fileURLToPath(new URL('../../scripts/doc-examples.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  expect(r.stdout).toMatch(/^doc examples match \(\d+ checked/);
  expect(r.status).toBe(0);
}, 600_000);
