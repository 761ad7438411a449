// Monte Carlo over uncertain growth. Each year of each run draws export and import growth from
// normal distributions (optionally correlated) and compounds them; per year we count how often the
// balance is at or above the threshold and take the mean and the 5th/50th/95th percentiles.
//
// Sampling runs in binary floating point (Float64Array, plain numbers), not Decimal: the sampling
// error of a simulation is many orders of magnitude larger than double rounding, and decimal
// arithmetic would make a million runs take minutes. Inputs stay Decimal in the report.
//
// Percentiles are exact order statistics (numpy's default "linear" rule), found without sorting
// everything: each year's values are counted into 65,520 fine bins between their min and max, and
// only the values in the bins holding the wanted ranks are kept and sorted. When runs × years fits
// STORE_LIMIT the values are kept in memory and binned from there; beyond that the same seeded
// stream is replayed (pass A: min/max and counts, B: bins, C: the wanted bins' values), so memory
// stays bounded at any --runs. Both ways give identical results.
//
// The work is done in steps (`step()`), so a caller can show progress, stay responsive to Ctrl-C,
// and abandon a run; the core itself does no I/O and keeps no timers.
//
// Whether a run is at or above the threshold is decided in decimal when doubles cannot decide it.
// A run is its normal draws z; everything else is exact: the factors 1 + g/100 + (sd/100)·z (z as
// the double it is) and the balance E·∏fe − M·∏fm, computed as `project` computes a path. In
// doubles the balance carries a relative error of about (years + 2)·2⁻⁵³, so when it lies within
// 2⁻⁴⁰ of the magnitudes involved (|E·∏fe| + |M·∏fm| + |T|) of the threshold — far wider than
// that error, and far narrower than any real spread of runs — that run's balance is recomputed in
// Decimal from the same draws and compared exactly. With both standard deviations zero every run is
// the `project` path, which may land exactly on the threshold (the 1193770000000): the
// decimal answer is then the same for every run and is computed once per year, so P is exactly
// 0 or 1 and agrees with `project`.
import { Decimal, HUNDRED, ONE } from './decimal.js';
import { seedState } from './prng.js';
import { selectYear } from './select.js';
import { type Dataset, type DatasetInfo, datasetInfo } from './types.js';
import { DEFAULT_RUNS, DEFAULT_SEED, RUNS_MAX } from './limits.js';

export { DEFAULT_RUNS, DEFAULT_SEED, RUNS_MAX };

/** Values kept in memory for exact percentiles in one pass (2^24 doubles = 128 MiB). */
export const STORE_LIMIT = 1 << 24;
/** Bars in the histogram of the horizon year's balance. */
export const HISTOGRAM_BINS = 20;
/** Fine bins per year in replay mode: a multiple of HISTOGRAM_BINS so both views bin alike. */
const FINE_BINS = HISTOGRAM_BINS * 3276;
const PERCENTILES = [0.05, 0.5, 0.95] as const;
/** The message of the RangeError thrown when balances leave the range of a double. */
export const SIMULATION_OVERFLOW = 'simulated balances overflow double precision';

export interface SimulationAssumptions {
  years: number;
  threshold: Decimal;
  exportGrowthPct: Decimal;
  exportGrowthSdPct: Decimal;
  importGrowthPct: Decimal;
  importGrowthSdPct: Decimal;
  /** Correlation of the export and import draws within a year, −1 to 1. */
  correlation: Decimal;
  runs: number;
  seed: number;
  baseYear?: number | undefined;
}

export interface SimulatedYear {
  year: number;
  /** Runs whose balance is at or above the threshold this year. */
  aboveCount: number;
  /** aboveCount ÷ runs, exactly. */
  probability: Decimal;
  /** One standard error of that probability, √(p(1−p)/runs): zero when every run, or none, is above. */
  standardError: Decimal;
  /**
   * The 95 % Wilson score interval of the probability. Unlike p ± 2 s.e. it stays honest at 0 and 1:
   * 2,000 runs all above give 99.81 %–100 %, not a certain 100 %.
   */
  interval95: { low: Decimal; high: Decimal };
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export interface SimulationReport {
  kind: 'simulation';
  dataset: DatasetInfo;
  base: { year: number; exports: Decimal; imports: Decimal; balance: Decimal };
  assumptions: SimulationAssumptions;
  runs: number;
  seed: number;
  years: SimulatedYear[];
  /** The horizon year's balances in HISTOGRAM_BINS equal bins from its min to its max. */
  histogram: { year: number; min: number; max: number; counts: number[] };
  method: { prng: string; normal: string; percentile: string; passes: number };
}

export interface SimulationRun {
  /** Units of work in all (run-years times passes), for a progress bar. */
  readonly totalUnits: number;
  readonly doneUnits: number;
  readonly done: boolean;
  /** Does about `budget` units of work; returns true when the simulation is complete. */
  step(budget?: number): boolean;
  result(): SimulationReport;
}

/** A signed 32-bit output times 2^−31 is uniform on [−1, 1). */
const TWO_POW_MINUS_31 = 1 / 2147483648;
/** How close to the threshold, relative to the magnitudes, a double balance is decided in decimal. */
const NEAR_THRESHOLD = 2 ** -40;

interface Target {
  year: number;
  bin: number;
  /** How many values of the year lie in lower bins: rank − before is the index in `values`. */
  before: number;
  values: number[];
}

export function createSimulation(dataset: Dataset, a: SimulationAssumptions, options: { storeLimit?: number } = {}): SimulationRun {
  const record = selectYear(dataset, a.baseYear);
  const base = { year: record.year, exports: record.exports.value, imports: record.imports.value };
  if (!Number.isInteger(a.runs) || a.runs < 1 || a.runs > RUNS_MAX) throw new RangeError(`runs must be 1 to ${RUNS_MAX}`);
  if (!Number.isInteger(a.years) || a.years < 1) throw new RangeError('years must be a whole number ≥ 1');
  const runs = a.runs;
  const nYears = a.years;
  const E = base.exports.toNumber();
  const M = base.imports.toNumber();
  const T = a.threshold.toNumber();
  const gMean = a.exportGrowthPct.toNumber() / 100;
  const gSd = a.exportGrowthSdPct.toNumber() / 100;
  const hMean = a.importGrowthPct.toNumber() / 100;
  const hSd = a.importGrowthSdPct.toNumber() / 100;
  const rho = a.correlation.toNumber();
  const rhoC = Math.sqrt(Math.max(0, 1 - rho * rho));
  const absT = Math.abs(T);

  // Deciding a run near the threshold in decimal (see the top of this module). The run's draws are
  // not kept in the hot loop: the generator state at the start of the run is, and the draws are
  // replayed from it on the rare run that needs them. With both deviations zero the draws do not
  // matter and the answer is the same for every run: it is computed once per year.
  const degenerate = a.exportGrowthSdPct.isZero() && a.importGrowthSdPct.isZero();
  const decidedByYear: (boolean | undefined)[] = [];
  const exactRhoC = Decimal.max(0, ONE.minus(a.correlation.pow(2))).sqrt();
  const exactFactor = (pct: Decimal, sdPct: Decimal, z: Decimal) => {
    const f = ONE.plus(pct.div(HUNDRED)).plus(sdPct.div(HUNDRED).times(z));
    return f.isNegative() ? new Decimal(0) : f;
  };
  /** Whether the run that started in generator state `state` is at or above the threshold in year `y`, in decimal. */
  const aboveExactly = (y: number, state: readonly [number, number, number, number]): boolean => {
    if (degenerate && decidedByYear[y] !== undefined) return decidedByYear[y]!;
    const draws = degenerate ? null : replayDraws(state, y + 1);
    const zero = new Decimal(0);
    let exports = base.exports;
    let imports = base.imports;
    for (let k = 0; k <= y; k++) {
      const z1 = draws ? new Decimal(draws[2 * k]!) : zero;
      const zm = draws ? a.correlation.times(z1).plus(exactRhoC.times(new Decimal(draws[2 * k + 1]!))) : zero;
      exports = exports.times(exactFactor(a.exportGrowthPct, a.exportGrowthSdPct, z1));
      imports = imports.times(exactFactor(a.importGrowthPct, a.importGrowthSdPct, zm));
    }
    // As `project` decides it: the margin, balance minus threshold, is not below zero.
    const above = !exports.minus(imports).minus(a.threshold).lt(0);
    if (degenerate) decidedByYear[y] = above;
    return above;
  };

  const store = runs * nYears <= (options.storeLimit ?? STORE_LIMIT);
  const passes = store ? 1 : 3;
  const values = store ? Array.from({ length: nYears }, () => new Float64Array(runs)) : [];
  const above = new Float64Array(nYears);
  const sum = new Float64Array(nYears);
  const comp = new Float64Array(nYears);
  const min = new Float64Array(nYears).fill(Infinity);
  const max = new Float64Array(nYears).fill(-Infinity);
  let fine: Uint32Array | null = null;
  let scale: Float64Array | null = null;
  let targets: Target[] = [];
  /** For pass C: year·FINE_BINS + bin → the targets to feed. */
  let targetIndex = new Map<number, Target>();

  let pass = 0;
  let nextRun = 0;
  let doneUnits = 0;
  let finished = false;
  // Generator state, carried between steps and reset at the start of each pass.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const reseed = () => {
    const st = seedState(a.seed);
    s0 = st[0]! | 0;
    s1 = st[1]! | 0;
    s2 = st[2]! | 0;
    s3 = st[3]! | 0;
  };
  reseed();

  /** Runs [from, to) of the current pass. The generator is inlined: a call per draw costs ~30 %. */
  function runRange(from: number, to: number): void {
    let a0 = s0, a1 = s1, a2 = s2, a3 = s3;
    for (let i = from; i < to; i++) {
      let ef = 1;
      let mf = 1;
      // The generator state this run starts from, to replay its draws if it lands on the line.
      const r0 = a0, r1 = a1, r2 = a2, r3 = a3;
      for (let y = 0; y < nYears; y++) {
        // Marsaglia's polar method: two uniforms in (−1, 1), kept when inside the unit circle
        // (π/4 of the time), give two independent standard normals with one log and no trig.
        let u: number;
        let v: number;
        let q: number;
        do {
          let m = Math.imul(a1, 5);
          let t = a1 << 9;
          u = (Math.imul((m << 7) | (m >>> 25), 9) | 0) * TWO_POW_MINUS_31;
          a2 ^= a0; a3 ^= a1; a1 ^= a2; a0 ^= a3; a2 ^= t; a3 = (a3 << 11) | (a3 >>> 21);
          m = Math.imul(a1, 5);
          t = a1 << 9;
          v = (Math.imul((m << 7) | (m >>> 25), 9) | 0) * TWO_POW_MINUS_31;
          a2 ^= a0; a3 ^= a1; a1 ^= a2; a0 ^= a3; a2 ^= t; a3 = (a3 << 11) | (a3 >>> 21);
          q = u * u + v * v;
        } while (q >= 1 || q === 0);
        const k = Math.sqrt((-2 * Math.log(q)) / q);
        const z1 = u * k;
        const z2 = v * k;
        let fe = 1 + gMean + gSd * z1;
        let fm = 1 + hMean + hSd * (rho * z1 + rhoC * z2);
        // A draw below −100 % is −100 %: a flow can vanish but not turn negative.
        if (fe < 0) fe = 0;
        if (fm < 0) fm = 0;
        ef *= fe;
        mf *= fm;
        const xe = E * ef;
        const xm = M * mf;
        const b = xe - xm;
        if (pass === 0) {
          // Clearly above or below in doubles; within rounding error of the line, in decimal.
          // (Flows and factors are never negative, so xe + xm is the magnitude.)
          const near = (xe + xm + absT) * NEAR_THRESHOLD;
          const margin = b - T;
          if (margin >= near || (margin > -near && aboveExactly(y, [r0, r1, r2, r3]))) above[y] = above[y]! + 1;
          // Kahan summation: a hundred million terms would otherwise lose digits of the mean.
          const yk = b - comp[y]!;
          const tk = sum[y]! + yk;
          comp[y] = tk - sum[y]! - yk;
          sum[y] = tk;
          if (b < min[y]!) min[y] = b;
          if (b > max[y]!) max[y] = b;
          if (store) values[y]![i] = b;
        } else {
          let bin = Math.floor((b - min[y]!) * scale![y]!);
          if (bin >= FINE_BINS) bin = FINE_BINS - 1;
          if (pass === 1) fine![y * FINE_BINS + bin] = fine![y * FINE_BINS + bin]! + 1;
          else {
            const target = targetIndex.get(y * FINE_BINS + bin);
            if (target) target.values.push(b);
          }
        }
      }
    }
    s0 = a0; s1 = a1; s2 = a2; s3 = a3;
  }

  function endPass(): void {
    if (pass === 0) {
      for (let y = 0; y < nYears; y++) {
        if (!Number.isFinite(sum[y]!) || !Number.isFinite(min[y]!) || !Number.isFinite(max[y]!)) throw new RangeError(SIMULATION_OVERFLOW);
      }
    }
    if (pass === 0 && !store) {
      fine = new Uint32Array(nYears * FINE_BINS);
      scale = binScales(min, max);
    } else if (pass === 1) {
      targets = planTargets(fine!, nYears, runs);
      targetIndex = new Map(targets.map((t) => [t.year * FINE_BINS + t.bin, t]));
    }
    pass++;
    nextRun = 0;
    reseed();
    if (pass >= passes) finished = true;
  }

  const chunkRuns = Math.max(1, Math.floor(262144 / nYears));
  const run: SimulationRun = {
    totalUnits: runs * nYears * passes,
    get doneUnits() {
      return doneUnits;
    },
    get done() {
      return finished;
    },
    step(budget = chunkRuns * nYears) {
      if (finished) return true;
      const n = Math.max(1, Math.floor(budget / nYears));
      const to = Math.min(runs, nextRun + n);
      runRange(nextRun, to);
      doneUnits += (to - nextRun) * nYears;
      nextRun = to;
      if (nextRun >= runs) endPass();
      return finished;
    },
    result() {
      while (!finished) run.step(Number.MAX_SAFE_INTEGER);
      if (store && fine === null) {
        // Kept values go through the same bins as a replay: a fine histogram per year, then only
        // the few values in the bins that hold the wanted ranks are sorted. Linear, and far quicker
        // than selecting in a million values.
        fine = new Uint32Array(nYears * FINE_BINS);
        scale = binScales(min, max);
        for (let y = 0; y < nYears; y++) binValues(values[y]!, min[y]!, scale[y]!, fine, y * FINE_BINS);
        targets = planTargets(fine, nYears, runs);
        for (let y = 0; y < nYears; y++) collectBins(values[y]!, min[y]!, scale[y]!, new Map(targets.filter((t) => t.year === y).map((t) => [t.bin, t])));
      }
      const years: SimulatedYear[] = [];
      for (let y = 0; y < nYears; y++) {
        const pct = percentilesFromTargets(targets, y, runs);
        years.push({
          year: base.year + y + 1,
          aboveCount: above[y]!,
          ...probabilityOf(above[y]!, runs),
          mean: sum[y]! / runs,
          p5: pct[0]!,
          p50: pct[1]!,
          p95: pct[2]!,
          min: min[y]!,
          max: max[y]!,
        });
      }
      const h = nYears - 1;
      return {
        kind: 'simulation',
        dataset: datasetInfo(dataset),
        base: { ...base, balance: base.exports.minus(base.imports) },
        assumptions: a,
        runs,
        seed: a.seed,
        years,
        histogram: { year: base.year + nYears, min: min[h]!, max: max[h]!, counts: coarsen(fine!.subarray(h * FINE_BINS, (h + 1) * FINE_BINS)) },
        method: { prng: 'xoshiro128** seeded by splitmix32', normal: 'Marsaglia polar method', percentile: 'linear interpolation between order statistics (numpy default)', passes },
      };
    },
  };
  return run;
}

/**
 * The first `years` pairs of normal draws of a run, [z1, z2, z1, z2, …], from the generator state
 * it starts in: exactly the draws runRange makes inline (the same xoshiro128** steps and polar
 * method), for the rare run decided in decimal.
 */
export function replayDraws(state: readonly [number, number, number, number], years: number): Float64Array {
  let [a0, a1, a2, a3] = state;
  const out = new Float64Array(2 * years);
  const next = () => {
    const m = Math.imul(a1, 5);
    const t = a1 << 9;
    const r = (Math.imul((m << 7) | (m >>> 25), 9) | 0) * TWO_POW_MINUS_31;
    a2 ^= a0; a3 ^= a1; a1 ^= a2; a0 ^= a3; a2 ^= t; a3 = (a3 << 11) | (a3 >>> 21);
    return r;
  };
  for (let y = 0; y < years; y++) {
    let u: number;
    let v: number;
    let q: number;
    do {
      u = next();
      v = next();
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const k = Math.sqrt((-2 * Math.log(q)) / q);
    out[2 * y] = u * k;
    out[2 * y + 1] = v * k;
  }
  return out;
}

const Z95 = new Decimal('1.959963984540054');

/** The share of runs above the line, its standard error and its 95 % Wilson interval, in decimal. */
export function probabilityOf(aboveCount: number, runs: number): Pick<SimulatedYear, 'probability' | 'standardError' | 'interval95'> {
  const n = new Decimal(runs);
  const p = new Decimal(aboveCount).div(n);
  const q = new Decimal(1).minus(p);
  const z2n = Z95.pow(2).div(n);
  const centre = p.plus(z2n.div(2)).div(z2n.plus(1));
  const half = Z95.times(p.times(q).div(n).plus(z2n.div(n.times(4))).sqrt()).div(z2n.plus(1));
  return {
    probability: p,
    standardError: p.times(q).div(n).sqrt(),
    interval95: { low: Decimal.max(0, centre.minus(half)), high: Decimal.min(1, centre.plus(half)) },
  };
}

/** Runs a simulation to the end in one go (for library callers and tests). */
export function simulate(dataset: Dataset, a: SimulationAssumptions, options: { storeLimit?: number } = {}): SimulationReport {
  return createSimulation(dataset, a, options).result();
}

function binScales(min: Float64Array, max: Float64Array): Float64Array {
  const s = new Float64Array(min.length);
  for (let y = 0; y < min.length; y++) s[y] = max[y]! > min[y]! ? FINE_BINS / (max[y]! - min[y]!) : 0;
  return s;
}

/** The fine bin of a value, exactly as replay pass B computes it, so both modes bin alike. */
function binOf(x: number, lo: number, scale: number): number {
  const bin = Math.floor((x - lo) * scale);
  return bin >= FINE_BINS ? FINE_BINS - 1 : bin;
}

function binValues(values: Float64Array, lo: number, scale: number, counts: Uint32Array, offset: number): void {
  for (let i = 0; i < values.length; i++) {
    const at = offset + binOf(values[i]!, lo, scale);
    counts[at] = counts[at]! + 1;
  }
}

function collectBins(values: Float64Array, lo: number, scale: number, byBin: Map<number, Target>): void {
  // A byte per bin answers "wanted?" for the million values that are not; the map only for the few that are.
  const wanted = new Uint8Array(FINE_BINS);
  for (const bin of byBin.keys()) wanted[bin] = 1;
  for (let i = 0; i < values.length; i++) {
    const bin = binOf(values[i]!, lo, scale);
    if (wanted[bin] === 1) byBin.get(bin)!.values.push(values[i]!);
  }
}

function coarsen(fine: Uint32Array): number[] {
  const per = FINE_BINS / HISTOGRAM_BINS;
  const out = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < fine.length; i++) out[Math.floor(i / per)]! += fine[i]!;
  return out;
}

/** The two order statistics each percentile interpolates between (numpy "linear"). */
function ranksOf(p: number, n: number): { lo: number; hi: number; frac: number } {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  return { lo, hi: Math.min(lo + 1, n - 1), frac: h - lo };
}

function planTargets(fine: Uint32Array, nYears: number, runs: number): Target[] {
  const targets: Target[] = [];
  for (let y = 0; y < nYears; y++) {
    const wanted = new Set<number>();
    for (const p of PERCENTILES) {
      const { lo, hi } = ranksOf(p, runs);
      wanted.add(lo).add(hi);
    }
    const ranks = [...wanted].sort((x, z) => x - z);
    let cum = 0;
    let k = 0;
    for (let bin = 0; bin < FINE_BINS && k < ranks.length; bin++) {
      const c = fine[y * FINE_BINS + bin]!;
      if (c > 0 && ranks[k]! < cum + c) {
        targets.push({ year: y, bin, before: cum, values: [] });
        while (k < ranks.length && ranks[k]! < cum + c) k++;
      }
      cum += c;
    }
  }
  return targets;
}

function orderStatFromTargets(targets: Target[], year: number, rank: number): number {
  for (const t of targets) {
    if (t.year === year && rank >= t.before && rank < t.before + t.values.length) return t.values[rank - t.before]!;
  }
  throw new RangeError(`order statistic ${rank} of year ${year} was not collected`);
}

function percentilesFromTargets(targets: Target[], year: number, runs: number): number[] {
  for (const t of targets) if (t.year === year && !(t.values as number[] & { sorted?: boolean }).sorted) {
    t.values.sort((x, z) => x - z);
    (t.values as number[] & { sorted?: boolean }).sorted = true;
  }
  return PERCENTILES.map((p) => {
    const { lo, hi, frac } = ranksOf(p, runs);
    const a = orderStatFromTargets(targets, year, lo);
    const b = orderStatFromTargets(targets, year, hi);
    return a + frac * (b - a);
  });
}
