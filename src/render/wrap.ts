// Wrapping prose to the terminal: sentences and notes longer than the width break at spaces, and
// the continuation lines hang under where the text of the line began. Tables and charts are left
// alone (they are sized by their own code), as is any line that already fits.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Box drawing, block and chart glyphs: a line with any of these is a table or a chart. */
const DRAWN = /[\u2500-\u259f\u25cb\u25cf\u2800-\u28ff]/;

function visible(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Where continuation lines start: after the indent, a "label:  " or a column gap of 2+ spaces. */
function hangingIndent(line: string): number {
  const plain = line.replace(ANSI, '');
  const label = /^(\s*)([A-Za-z][\w ]*:\s+|\S(?:.*?\S)?\s{2,})/.exec(plain);
  if (label && label[0].length < plain.length / 2) return [...label[0]].length;
  return [.../^\s*/.exec(plain)![0]].length;
}

function wrapLine(line: string, width: number): string[] {
  // A line no longer than the width in UTF-16 units cannot be wider on screen: most lines stop here.
  if (line.length <= width || visible(line) <= width || DRAWN.test(line)) return [line];
  // Hang under the text where there is room; in a narrow terminal, under the line's own indent,
  // or two spaces in.
  let indent = hangingIndent(line);
  if (indent >= width / 2) indent = [.../^\s*/.exec(line.replace(ANSI, ''))![0]].length;
  if (indent >= width / 2) indent = 2;
  const words = line.split(/(?<=\S) (?=\S)/);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && visible(current) + 1 + visible(word) > width) {
      out.push(current);
      current = `${' '.repeat(indent)}${word.trimStart()}`;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
