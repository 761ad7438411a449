// `tradecalc simulate`: Monte Carlo over uncertain export and import growth. The simulation runs
// in steps with a yield to the event loop between them, so Ctrl-C is heard (exit 130, nothing on
// stdout) and a progress bar can be drawn on stderr when it is a terminal and the run is long.
import { Decimal } from '../../core/decimal.js';
import { DEFAULT_RUNS, DEFAULT_SEED, RUNS_MAX, SIMULATION_OVERFLOW, type SimulationAssumptions, createSimulation } from '../../core/simulate.js';
import type { Dataset } from '../../core/types.js';
import { InterruptedError, UsageError } from '../../errors.js';
import { type HorizonRaw, horizonRate, resolveHorizon } from '../assumptions.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { parseCorrelation, parseSd, parseWholeNumber } from '../options.js';
import { emit, type OutputOptions } from '../output.js';
import { SIMULATE_SD_PCT } from '../defaults.js';

export interface SimulateRawOptions extends DatasetOptions, HorizonRaw {
  growth?: string | undefined;
  growthSd?: string | undefined;
  importGrowth?: string | undefined;
  importGrowthSd?: string | undefined;
  correlation?: string | undefined;
  runs?: string | undefined;
  seed?: string | undefined;
}

/** Below this much work (run-years × passes, about half a second) no progress bar is drawn. */
export const PROGRESS_MIN_UNITS = 10_000_000;

export function resolveSimulation(dataset: Dataset, opts: SimulateRawOptions): SimulationAssumptions {
  const h = resolveHorizon(dataset, opts);
  const sd = (key: string, option: string, raw: string | undefined) => {
    h.origins[key] = raw === undefined ? 'default' : 'option';
    return raw === undefined ? new Decimal(SIMULATE_SD_PCT) : parseSd(option, raw);
  };
  const exportGrowthPct = horizonRate(h, 'exportGrowthPct', '--growth', opts.growth);
  const exportGrowthSdPct = sd('exportGrowthSdPct', '--growth-sd', opts.growthSd);
  const importGrowthPct = horizonRate(h, 'importGrowthPct', '--import-growth', opts.importGrowth);
  const importGrowthSdPct = sd('importGrowthSdPct', '--import-growth-sd', opts.importGrowthSd);
  const correlation = opts.correlation === undefined ? new Decimal(0) : parseCorrelation('--correlation', opts.correlation);
  const runs = opts.runs === undefined ? DEFAULT_RUNS : parseWholeNumber('--runs', opts.runs, 1, RUNS_MAX, 'a number of runs');
  const seed = opts.seed === undefined ? DEFAULT_SEED : parseWholeNumber('--seed', opts.seed, 0, Number.MAX_SAFE_INTEGER, 'a seed');
  return {
    years: h.years,
    threshold: h.threshold,
    exportGrowthPct,
    exportGrowthSdPct,
    importGrowthPct,
    importGrowthSdPct,
    correlation,
    runs,
    seed,
    baseYear: h.baseYear,
    origins: h.origins,
  };
}

interface Progress {
  update(done: number): void;
  stop(): void;
}

async function progressBar(io: IO, total: number): Promise<Progress | null> {
  if (io.stderr.isTTY !== true || total < PROGRESS_MIN_UNITS) return null;
  const mod = await import('cli-progress');
  const cp = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const bar = new cp.SingleBar(
    {
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format: 'simulating [{bar}] {percentage}% | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cp.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export async function runSimulate(opts: SimulateRawOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts, io);
  const assumptions = resolveSimulation(dataset, opts);
  const sim = createSimulation(dataset, assumptions);
  let interrupted = false;
  const unsubscribe = io.onInterrupt?.(() => {
    interrupted = true;
  });
  const progress = await progressBar(io, sim.totalUnits);
  try {
    while (!sim.done) {
      sim.step();
      progress?.update(sim.doneUnits);
      // Let signals and the progress bar's timer through between steps of a few milliseconds.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (interrupted) throw new InterruptedError();
    }
  } catch (err) {
    if (err instanceof RangeError && err.message === SIMULATION_OVERFLOW) {
      throw new UsageError('the simulated balances grow beyond what a double can hold (use smaller growth rates, deviations or fewer --years)');
    }
    throw err;
  } finally {
    progress?.stop();
    unsubscribe?.();
  }
  const report = sim.result();
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.simulationToJson(report)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.simulationToGrid(report)),
    text: async (ctx) => (await import('../../render/simulation-text.js')).renderSimulationAsText(report, ctx),
  });
  return 0;
}
