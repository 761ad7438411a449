// cli-table3 measures every cell with string-width, which runs a very large emoji regex over each
// string. tradecalc's cells are almost always plain text, box drawing, currency signs and ✔/✘,
// whose width is one column each; those are counted directly and anything else goes to the real
// string-width. test/unit/string-width-shim.test.ts checks the two agree.
'use strict';
// ANSI escape sequences (colour) take no columns.
const ANSI = /\u001b\[[0-9;]*m/g;
// Characters string-width counts as exactly one column each and that no emoji rule touches.
const NARROW = /^[\u0020-\u007e\u00a3\u00a5\u00b7\u00d7\u2013\u2014\u2022\u2026\u2190-\u2193\u2212\u20ac\u20b9\u2500-\u259f\u2714\u2718\u2800-\u28ff]*$/;
let real;
function stringWidth(text) {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  if (NARROW.test(plain)) return plain.length;
  real ??= require('string-width/index.js');
  return real(text);
}
module.exports = stringWidth;
module.exports.default = stringWidth;
