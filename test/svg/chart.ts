// Reading an SVG chart back, as a reader would: its axes (tick labels and where they sit, the unit
// in the axis title), so a value's expected position comes from the chart's own printed scale and
// not from the code that drew it; and rendering it to pixels with resvg, an SVG renderer whose npm
// package ships its binary, to check the colours where the threshold line, the bars and the points
// must be.
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { type XmlElement, byClass, numAttr, one, parseXml, textOf } from './xml.js';

export { parseXml };

/** "($ trillions)" in an axis title or subtitle: the factor its numbers are in. */
export function unitFactorOf(title: string): number {
  const unit = /\(([^()]*)\)/.exec(title)?.[1] ?? '';
  const word = /(trillions|billions|millions|thousands)\b/.exec(unit)?.[1];
  return word === undefined ? 1 : { trillions: 1e12, billions: 1e9, millions: 1e6, thousands: 1e3 }[word]!;
}

export interface Tick {
  label: string;
  /** The pixel along the axis. */
  at: number;
  value: number;
}

export interface Axis {
  title: string;
  ticks: Tick[];
  /** The pixel of a value, by the axis' own ticks (for a value axis). */
  position(value: number): number;
}

/** The axis of class `which` ("x" or "y"): its ticks in order and its title. */
export function readAxis(svg: XmlElement, which: 'x' | 'y', numeric = true): Axis {
  const axis = one(svg, 'axis', which);
  const title = textOf(one(axis, 'axis-title'));
  const factor = unitFactorOf(title);
  const ticks = byClass(axis, 'tick').map((g) => {
    const text = g.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'text')!;
    const line = g.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'line');
    const at = line ? numAttr(line, which === 'y' ? 'y1' : 'x1') : numAttr(text, which === 'y' ? 'y' : 'x');
    const label = textOf(text);
    return { label, at, value: numeric ? Number(label.replace(/,/g, '')) * factor : Number.NaN };
  });
  const first = ticks[0]!;
  const last = ticks[ticks.length - 1]!;
  const position = (v: number) => first.at + ((v - first.value) * (last.at - first.at)) / (last.value - first.value);
  if (numeric) {
    // A real scale: every tick lies where the line through the first and last puts it.
    for (const t of ticks) expect(Math.abs(position(t.value) - t.at)).toBeLessThan(0.02);
  }
  return { title, ticks, position };
}

/** A line through labelled positions (years along an x axis), for the labels the chart thinned out. */
export function categoryPosition(axis: Axis): (label: string) => number {
  const pts = axis.ticks.map((t) => ({ k: Number(t.label), at: t.at }));
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  return (label) => (pts.length === 1 ? a.at : a.at + ((Number(label) - a.k) * (b.at - a.at)) / (b.k - a.k));
}

interface ResvgModule {
  Resvg: new (svg: string, options?: object) => { render(): { width: number; height: number; pixels: Uint8Array } };
}

let module_: ResvgModule | undefined;

/** @resvg/resvg-js, a devDependency; RESVG_PATH may name a copy installed elsewhere. */
export function resvg(): ResvgModule {
  if (module_) return module_;
  const require = createRequire(import.meta.url);
  const path = process.env.RESVG_PATH || '@resvg/resvg-js';
  try {
    module_ = require(path) as ResvgModule;
  } catch (err) {
    throw new Error(`the SVG tests render with @resvg/resvg-js (a devDependency), which could not be loaded from ${path}: ${(err as Error).message}`);
  }
  return module_;
}

export type RGBA = readonly [number, number, number, number];

export interface Picture {
  width: number;
  height: number;
  /** The pixel under a point in the SVG's own coordinates. */
  at(x: number, y: number): RGBA;
}

/** Zoom: each SVG unit is this many pixels, so a 2-unit line is 4 pixels wide and its middle ones are solid. */
export const ZOOM = 2;

/**
 * The SVG as pixels. Without system fonts: text is not drawn, so where a sample lands never
 * depends on the fonts a machine has (text is checked structurally instead).
 */
export function render(svg: string): Picture {
  const { Resvg } = resvg();
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: ZOOM }, font: { loadSystemFonts: false }, background: 'rgba(0,0,0,0)' }).render();
  const { width, height, pixels } = image;
  return {
    width,
    height,
    at(x, y) {
      const px = Math.floor(x * ZOOM);
      const py = Math.floor(y * ZOOM);
      if (px < 0 || py < 0 || px >= width || py >= height) throw new Error(`(${x}, ${y}) is outside the picture`);
      const i = (py * width + px) * 4;
      return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
    },
  };
}

export function rgb(hex: string): RGBA {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16), 255];
}

const show = (c: RGBA) => `#${c.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}${c[3] === 255 ? '' : `/${c[3]}`}`;

/** The pixel at (x, y) is this colour, opaque, to within a few levels. */
export function expectColour(picture: Picture, x: number, y: number, hex: string, what: string): void {
  const got = picture.at(x, y);
  const want = rgb(hex);
  const close = got.every((v, i) => Math.abs(v - want[i]!) <= 6);
  expect(close, `${what} at (${x.toFixed(2)}, ${y.toFixed(2)}): expected ${hex}, got ${show(got)}`).toBe(true);
}
