// A small seeded pseudo-random generator for the Monte Carlo: xoshiro128** (Blackman & Vigna),
// 32-bit words so it runs on plain JS integers (no BigInt), seeded through splitmix32. The same
// seed gives the same stream on every platform, which is what makes `simulate` reproducible.
// simulate.ts inlines the same steps in its hot loop; this class is the reference it is tested against.

/** One splitmix32 step: returns [output, next state]. Used only to spread a seed over 128 bits. */
export function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let t = next ^ (next >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return [t >>> 0, next];
}

/** The four 32-bit state words for a seed (a whole number from 0 to 2^53 − 1). */
export function seedState(seed: number): Uint32Array {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a whole number from 0 to 2^53 - 1, got ${seed}`);
  const lo = seed % 0x100000000;
  const hi = Math.floor(seed / 0x100000000);
  const s = new Uint32Array(4);
  let x = lo | 0;
  [s[0], x] = splitmix32(x);
  [s[1], x] = splitmix32(x);
  // The high word enters half way, so seeds that differ only above 2^32 still differ.
  x = (x ^ Math.imul(hi, 0x85ebca6b)) | 0;
  [s[2], x] = splitmix32(x);
  [s[3]] = splitmix32(x);
  // xoshiro's one forbidden state; splitmix32 all but never produces it, but never is cheap to make sure.
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: Uint32Array) {
    this.s0 = state[0]! | 0;
    this.s1 = state[1]! | 0;
    this.s2 = state[2]! | 0;
    this.s3 = state[3]! | 0;
  }

  static fromSeed(seed: number): Xoshiro128 {
    return new Xoshiro128(seedState(seed));
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
