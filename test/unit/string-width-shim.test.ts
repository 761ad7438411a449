// The start-up shim for string-width must measure exactly as the real string-width does.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const shim = require('../../scripts/shims/string-width.cjs') as (s: string) => number;
const real = require('string-width') as (s: string) => number;

describe('string-width shim', () => {
  const narrow = [
    ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
    ...'£¥·×–—•…←→↑↓−€₹✔✘─│┌┐└┘├┤┬┴┼▁▂▃▄▅▆▇█⠁⣿',
  ];
  it.each(narrow)('%j is as wide as string-width says', (ch) => {
    expect(shim(ch)).toBe(real(ch));
    expect(shim(`\u001b[32m${ch}\u001b[39m`)).toBe(real(`\u001b[32m${ch}\u001b[39m`));
  });
  it.each(['中文', '✅ done', '😀', 'e\u0301', '', 'ｗｉｄｅ'])('falls back to string-width for %j', (text) => {
    expect(shim(text)).toBe(real(text));
  });
});
