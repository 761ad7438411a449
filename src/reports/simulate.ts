// `tradecalc simulate`: Monte Carlo over uncertain export and import growth. The simulation runs in
// steps with a pause between them, so Ctrl-C is heard and a progress display can be drawn.
import { Decimal } from '../core/decimal.js';
import { DEFAULT_RUNS, DEFAULT_SEED, RUNS_MAX, SIMULATION_OVERFLOW, type SimulationReport, createSimulation } from '../core/simulate.js';
import type { Dataset } from '../core/types.js';
import { UsageError } from '../errors.js';
import { parseRates } from './breakeven.js';
import type { Columns } from './columns.js';
import { SIMULATE_SD_PCT } from './defaults.js';
import { BUILT_IN, OPTION, type Origin, SCHEMA_VERSION, datasetDoc, flowsDoc } from './document.js';
import { type Horizon, type HorizonOptions, growthRate, parseHorizon, resolveHorizon } from './horizon.js';
import { parseCorrelation, parseSd, parseWholeNumber } from './parse.js';
import type { SimulationDocument } from './schemas.js';
import type { Control, RawOptions, ReportSpec } from './spec.js';

/** Below this much work (run-years × passes, about half a second) no progress display is drawn. */
export const PROGRESS_MIN_UNITS = 10_000_000;

export interface SimulateOptions extends HorizonOptions {
  exportGrowthPct?: Decimal | undefined;
  importGrowthPct?: Decimal | undefined;
  exportGrowthSdPct?: Decimal | undefined;
  importGrowthSdPct?: Decimal | undefined;
  correlation?: Decimal | undefined;
  runCount?: number | undefined;
  seed?: number | undefined;
}

type Valued<T> = { value: T; origin: Origin };

export interface SimulateAssumptions {
  horizon: Horizon;
  exportGrowthPct: Valued<Decimal>;
  importGrowthPct: Valued<Decimal>;
  exportGrowthSdPct: Valued<Decimal>;
  importGrowthSdPct: Valued<Decimal>;
  correlation: Valued<Decimal>;
  runCount: Valued<number>;
  seed: Valued<number>;
}

const str = (raw: RawOptions, key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);

export function parseSimulate(raw: RawOptions): SimulateOptions {
  const sd = (option: string, key: string) => (str(raw, key) === undefined ? undefined : parseSd(option, str(raw, key)!));
  const runs = str(raw, 'runs');
  const seed = str(raw, 'seed');
  const correlation = str(raw, 'correlation');
  return {
    ...parseHorizon(raw),
    ...parseRates(raw),
    exportGrowthSdPct: sd('--growth-sd', 'growthSd'),
    importGrowthSdPct: sd('--import-growth-sd', 'importGrowthSd'),
    correlation: correlation === undefined ? undefined : parseCorrelation('--correlation', correlation),
    runCount: runs === undefined ? undefined : parseWholeNumber('--runs', runs, 1, RUNS_MAX, 'a number of runs'),
    seed: seed === undefined ? undefined : parseWholeNumber('--seed', seed, 0, Number.MAX_SAFE_INTEGER, 'a seed'),
  };
}

function given<T>(value: T | undefined, fallback: T): Valued<T> {
  return value === undefined ? { value: fallback, origin: BUILT_IN } : { value, origin: OPTION };
}

export function resolveSimulate(opts: SimulateOptions, dataset: Dataset): SimulateAssumptions {
  const horizon = resolveHorizon(dataset, opts);
  return {
    horizon,
    exportGrowthPct: growthRate(horizon, 'exportGrowthPct', opts.exportGrowthPct),
    importGrowthPct: growthRate(horizon, 'importGrowthPct', opts.importGrowthPct),
    exportGrowthSdPct: given(opts.exportGrowthSdPct, new Decimal(SIMULATE_SD_PCT)),
    importGrowthSdPct: given(opts.importGrowthSdPct, new Decimal(SIMULATE_SD_PCT)),
    correlation: given(opts.correlation, new Decimal(0)),
    runCount: given(opts.runCount, DEFAULT_RUNS),
    seed: given(opts.seed, DEFAULT_SEED),
  };
}

export async function runSimulation(a: SimulateAssumptions, control: Control): Promise<SimulationReport> {
  const h = a.horizon;
  const sim = createSimulation(h.dataset, {
    years: h.yearCount,
    threshold: h.threshold,
    exportGrowthPct: a.exportGrowthPct.value,
    exportGrowthSdPct: a.exportGrowthSdPct.value,
    importGrowthPct: a.importGrowthPct.value,
    importGrowthSdPct: a.importGrowthSdPct.value,
    correlation: a.correlation.value,
    runs: a.runCount.value,
    seed: a.seed.value,
    baseYear: h.baseYear,
  });
  const progress = sim.totalUnits >= PROGRESS_MIN_UNITS ? await control.progress(sim.totalUnits, 'simulating') : null;
  try {
    while (!sim.done) {
      sim.step();
      progress?.update(sim.doneUnits);
      // Let signals and the progress display through between steps of a few milliseconds.
      await control.pause();
    }
  } catch (err) {
    if (err instanceof RangeError && err.message === SIMULATION_OVERFLOW) {
      throw new UsageError('the simulated balances grow beyond what a double can hold (use smaller growth rates, deviations or fewer --years)');
    }
    throw err;
  } finally {
    progress?.stop();
  }
  return sim.result();
}

/** A double from the simulation as a Decimal, so the JSON writer writes it like every other number. */
function floatDoc(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} as a JSON number`);
  return new Decimal(x.toString());
}

export function simulationDocument(r: SimulationReport, a: SimulateAssumptions): SimulationDocument {
  const h = a.horizon;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'simulation',
    dataset: datasetDoc(r.dataset),
    assumptions: {
      baseYear: h.baseYear,
      yearCount: h.yearCount,
      exportGrowthPct: a.exportGrowthPct.value,
      exportGrowthSdPct: a.exportGrowthSdPct.value,
      importGrowthPct: a.importGrowthPct.value,
      importGrowthSdPct: a.importGrowthSdPct.value,
      correlation: a.correlation.value,
      threshold: h.threshold,
      runCount: a.runCount.value,
      seed: a.seed.value,
      origins: {
        baseYear: h.origins.baseYear,
        yearCount: h.origins.yearCount,
        exportGrowthPct: a.exportGrowthPct.origin,
        exportGrowthSdPct: a.exportGrowthSdPct.origin,
        importGrowthPct: a.importGrowthPct.origin,
        importGrowthSdPct: a.importGrowthSdPct.origin,
        correlation: a.correlation.origin,
        threshold: h.origins.threshold,
        runCount: a.runCount.origin,
        seed: a.seed.origin,
      },
    },
    method: { prng: r.method.prng, normal: r.method.normal, percentile: r.method.percentile, passCount: r.method.passes },
    base: flowsDoc(r.base),
    path: r.years.map((y) => ({
      year: y.year,
      aboveCount: y.aboveCount,
      probabilityAboveThreshold: y.probability,
      probabilityStandardError: y.standardError,
      probabilityInterval95: { low: y.interval95.low, high: y.interval95.high },
      mean: floatDoc(y.mean),
      p5: floatDoc(y.p5),
      p50: floatDoc(y.p50),
      p95: floatDoc(y.p95),
      min: floatDoc(y.min),
      max: floatDoc(y.max),
    })),
    histogram: { year: r.histogram.year, min: floatDoc(r.histogram.min), max: floatDoc(r.histogram.max), binCounts: r.histogram.counts },
  };
}

export const simulateSpec: ReportSpec<SimulateOptions, SimulateAssumptions, SimulationReport, SimulationDocument, 'dataset'> = {
  input: 'dataset',
  parse: parseSimulate,
  resolve: resolveSimulate,
  compute: runSimulation,
  toDocument: simulationDocument,
  columns: (): Columns => ({
    kind: 'rows',
    rows: 'path',
    columns: [
      ['year', 'year'],
      ['aboveCount', 'aboveCount'],
      ['probabilityAboveThreshold', 'probabilityAboveThreshold'],
      ['probabilityStandardError', 'probabilityStandardError'],
      ['probabilityInterval95Low', 'probabilityInterval95.low'],
      ['probabilityInterval95High', 'probabilityInterval95.high'],
      ['mean', 'mean'],
      ['p5', 'p5'],
      ['p50', 'p50'],
      ['p95', 'p95'],
      ['min', 'min'],
      ['max', 'max'],
      ['threshold', '$.assumptions.threshold'],
      ['runCount', '$.assumptions.runCount'],
      ['seed', '$.assumptions.seed'],
    ],
  }),
  text: async (doc, ctx) => (await import('../render/simulation-text.js')).renderSimulationAsText(doc, ctx),
  svg: async (doc, ctx) => (await import('../render/svg/simulation.js')).simulationSvg(doc, ctx),
};
