// Wrapping prose to the terminal: sentences and notes longer than the width break between words
// (a column gap counts as a break too), and continuation lines hang under where the text of the
// line began. Width is measured on screen: colour codes take no columns, East Asian wide
// characters take two. Colour open at a break is closed at the end of the line and reopened on the
// next, so each line stands alone (for less -R, grep). Tables and charts are left alone: they are
// sized by their own code.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Box drawing, block and chart glyphs: a line with any of these is a table or a chart. */
const DRAWN = /[\u2500-\u259f\u25cb\u25cf\u2800-\u28ff]/;

/** Columns one code point takes: 0 for combining marks and joiners, 2 for wide ones, else 1. */
function codePointWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if ((cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '')) w += codePointWidth(ch.codePointAt(0)!);
  return w;
}

/** Where continuation lines start: after the indent, a "label:  " or a column gap of 2+ spaces. */
function hangingIndent(plain: string): number {
  const label = /^(\s*)([A-Za-z][\w ]*:\s+|\S(?:.*?\S)?\s{2,})/.exec(plain);
  if (label && label[0].length < plain.length / 2) return displayWidth(label[0]);
  return displayWidth(/^\s*/.exec(plain)![0]);
}

/** The SGR codes still in effect after `codes` are applied to `open`. */
function applySgr(open: string[], sequence: string): string[] {
  let next = [...open];
  for (const code of sequence.slice(2, -1).split(';')) {
    if (code === '' || code === '0') next = [];
    else if (code === '22') next = next.filter((c) => c !== '1' && c !== '2');
    else if (code === '39') next = next.filter((c) => !/^(3[0-8]|9[0-7])$/.test(c));
    else if (code === '49') next = next.filter((c) => !/^(4[0-8]|10[0-7])$/.test(c));
    else if (/^2[3-9]$/.test(code)) next = next.filter((c) => c !== String(Number(code) - 20));
    else next.push(code);
  }
  return next;
}

function wrapLine(line: string, width: number): string[] {
  if (DRAWN.test(line) || displayWidth(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  // Hang under the text where there is room; in a narrow terminal, under the line's own indent,
  // or two spaces in.
  // Keep at least 20 columns for the text itself.
  let indent = hangingIndent(plain);
  if (width - indent < 20) indent = displayWidth(/^\s*/.exec(plain)![0]);
  if (width - indent < 20) indent = 2;
  const pad = ' '.repeat(indent);

  const out: string[] = [];
  let open: string[] = [];
  let current = '';
  for (const [, sep, word] of line.matchAll(/(\s*)(\S+)/g)) {
    const candidate = current === '' ? `${sep}${word}` : `${current}${sep}${word}`;
    if (current !== '' && displayWidth(candidate) > width) {
      out.push(open.length > 0 ? `${current}\u001b[0m` : current);
      current = `${pad}${open.length > 0 ? `\u001b[${open.join(';')}m` : ''}${word}`;
    } else current = candidate;
    for (const sgr of word!.match(ANSI) ?? []) open = applySgr(open, sgr);
  }
  if (current !== '') out.push(current);
  return out;
}

export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
