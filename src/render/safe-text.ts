// Text that came from outside the program (a dataset's titles, names, labels, sources; values the
// user typed; file names) made safe where it is shown: on a terminal it must not move the cursor,
// clear the screen, recolour or reorder what follows, so control characters are written as visible
// escapes ("\u001b" for ESC, as JSON writes it); in an error message an echoed value is also capped,
// so a 10 MB field is not printed whole. JSON keeps every character exact (JSON.stringify escapes
// controls itself), and CSV cells are neutralised against formulas in src/render/grid.ts.
import { isDecimal } from '../core/decimal.js';
import { LazyList } from '../reports/document.js';
import { formatCount } from './format.js';

/**
 * What a terminal acts on, or what reorders the text around it: C0 controls (tab, newline and
 * carriage return included: in a data value they would break the layout), DEL, C1 controls (U+009B
 * is a one-byte CSI to some terminals), the bidirectional formatting characters, and the line and
 * paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** `\u` and four hex digits, as JSON writes a control character: "\u001b" for ESC. */
function escapeOne(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Whether `text` holds anything escapeControls would change. */
export function hasControls(text: string): boolean {
  return UNSAFE.test(text);
}

/** Every control character of `text` written as a visible escape ("\u001b[2J" for clear-screen). */
export function escapeControls(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

/**
 * A copy of a document for a view people read on a terminal: every string in it escaped, every
 * number, Decimal and flag as it was. Lazy lists stay lazy (a grid is copied as it is read).
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (value === null || typeof value !== 'object' || isDecimal(value)) return value;
  if (Array.isArray(value)) return value.map((v) => terminalSafe(v)) as T;
  if (value instanceof LazyList) {
    const list = value as LazyList<unknown>;
    return new LazyList(list.length, function* () {
      for (const item of list) yield terminalSafe(item);
    }) as T;
  }
  // Own data properties only, defined (not assigned): a key such as "__proto__" stays a key.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terminalSafe(v)])) as T;
}

/** How many characters of a value an error message echoes before "…". */
export const ECHO_MAX = 80;
/** How long one line of an error message may grow, whatever it holds. */
export const LINE_MAX = 1000;
/** How many of a dataset's problems are listed before "… and N more". */
export const PROBLEMS_MAX = 20;

/** The text between each pair of `quote` marks (a `\` escapes the next character) shortened by `shorten`. */
function replaceQuoted(text: string, quote: '"' | "'", shorten: (quoted: string) => string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf(quote, at);
    if (open === -1) break;
    let close = open + 1;
    while (close < text.length && text[close] !== quote) close += quote === '"' && text[close] === '\\' ? 2 : 1;
    if (close >= text.length) break;
    out += text.slice(at, open) + shorten(text.slice(open, close + 1));
    at = close + 1;
  }
  return out + text.slice(at);
}

function cut(text: string, max: number): string {
  // Whole code points: a cut never splits a surrogate pair.
  const points = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  return points.length > max ? `${points.slice(0, max).join('')}…` : text;
}

/**
 * One line of an error message made safe to print: each quoted value capped at ECHO_MAX characters
 * with "…" (values are quoted as JSON writes them; commander quotes names with '…'), control
 * characters escaped, the line capped at LINE_MAX. The backstop for every message: whatever an error
 * says, this is how it reaches stderr.
 */
export function messageLine(text: string): string {
  let line = replaceQuoted(text, '"', (quoted) => {
    if (quoted.length <= ECHO_MAX + 2) return quoted;
    try {
      return JSON.stringify(cut(JSON.parse(quoted) as string, ECHO_MAX));
    } catch {
      return `${cut(quoted, ECHO_MAX)}"`;
    }
  });
  // Only a name without spaces: between two apostrophes of an English sentence there are spaces.
  line = replaceQuoted(line, "'", (quoted) => (quoted.length <= ECHO_MAX + 2 || /\s/.test(quoted) ? quoted : `'${cut(quoted.slice(1, -1), ECHO_MAX)}'`));
  // Cut before escaping as well as after: an escape only lengthens the text.
  return cut(escapeControls(cut(line, LINE_MAX)), LINE_MAX);
}

/** A dataset's problems as the lines under its error: each made safe, at most PROBLEMS_MAX of them. */
export function problemLines(problems: readonly string[]): string[] {
  // A reader that stopped collecting says so in its last entry ("and 950 more"): counted, not listed.
  const tail = /^and (\d+) more(;.*)?$/.exec(problems[problems.length - 1] ?? '');
  const listed = tail ? problems.slice(0, -1) : problems;
  const shown = listed.slice(0, PROBLEMS_MAX).map((p) => messageLine(p));
  const more = listed.length - shown.length + (tail ? Number(tail[1]) : 0);
  if (more > 0) shown.push(`… and ${formatCount(more)} more problem${more === 1 ? '' : 's'}${tail?.[2] ? messageLine(tail[2]) : ''}`);
  return shown;
}
