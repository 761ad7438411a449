// The look of every SVG chart, in one place: colours, type, and an estimate of how wide a text is.
// The colours read on screen and in black-and-white print alike, because the sides of a threshold
// are told apart by shape too (filled or hollow markers, a dashed threshold), as in the text charts.
import { displayWidth } from '../wrap.js';

/** A generic stack: no web font is fetched, every system has one of these. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const COLOURS = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  grid: '#e3e6ea',
  axis: '#8c959f',
  zero: '#8c959f',
  /** At or above the threshold (a surplus, where the line is zero). */
  above: '#1a7f37',
  /** Below it. */
  below: '#c62828',
  /** A histogram bin that the threshold cuts. */
  spans: '#9aa1a9',
  neutral: '#0969da',
  /** What no single item accounts for (the partners' unallocated row): fainter than `spans`. */
  rest: '#c9ced4',
  /** A value to compare with (the same month a year earlier): a dark diamond, ◆ in the text charts. */
  marker: '#1f2328',
  /** The threshold line and the break-even boundary. */
  threshold: '#8250df',
  /** A single series' line (its points carry the above/below colours). */
  line: '#57606a',
  /** Heat map cells: light, so the value printed on them reads. */
  aboveFill: '#cde9d6',
  belowFill: '#f8d3d3',
} as const;

/** Lines of several series (scenarios): the Okabe–Ito palette, told apart with colour blindness. */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000', '#f0e442'] as const;

export const THRESHOLD_DASH = [8, 5] as const;

export const TYPE = { title: 18, subtitle: 12.5, label: 12, small: 11 } as const;

/** What a bar, cell or marker says about its value. */
export type Tone = 'above' | 'below' | 'spans' | 'neutral' | 'rest';

export const TONE_COLOURS: Record<Tone, string> = { above: COLOURS.above, below: COLOURS.below, spans: COLOURS.spans, neutral: COLOURS.neutral, rest: COLOURS.rest };

/**
 * About how wide `text` is at `size` px in a sans-serif face: 0.58 em a character, twice that for
 * a wide (East Asian) one. No font is measured, so layout is the same everywhere; it is used only
 * to leave room for labels and to thin them where they would collide.
 */
export function textWidth(text: string, size: number): number {
  return displayWidth(text) * size * 0.58;
}

/** `text` cut to fit `width` at `size`, with an ellipsis when cut. */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** `text` broken between words into lines that fit `width` at `size`; at most `max` lines, the last cut. */
export function wrapText(text: string, size: number, width: number, max = 2): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= max) return lines.map((l) => fitText(l, size, width));
  const kept = lines.slice(0, max);
  kept[max - 1] = fitText(`${kept[max - 1]} ${lines.slice(max).join(' ')}`, size, width);
  return kept;
}
