/**
 * Timing for benchmarks: a subject and its baseline, alternated sample by sample (A B, B A, A B...)
 * so that whatever else loads the machine loads both alike, each sample a batch of calls long
 * enough for the clock. Results are reported as min / median / max per call, and compared only as
 * the ratio of the medians, never as absolute times.
 *
 * Three clocks. In-process work is timed in CPU time of this process (process.cpuUsage): on a machine
 * shared with other jobs, wall time mostly measures who else was running, CPU time the work itself.
 * A process started to be timed alone (a CLI start) reports its own CPU time ("child-cpu": each call
 * returns the milliseconds it measured, see bench/rows/support.ts runProcessCpu). Whatever spans
 * several processes or waits (a conformance run, the proof's workers) is timed in wall time, the
 * cost a user waits for.
 */
import { performance } from "node:perf_hooks";

export interface Bounds {
  /** At least this many samples per side (the median of at least 5 is what is compared)... */
  minSamples: number;
  /** ...and more while the samples took less than this (wall ms). */
  maxMs: number;
  /** Each sample is a batch of calls lasting at least this long on the row's clock (0: one call). */
  sampleMs: number;
  /** Untimed calls per side first, for at least this long on the row's clock (at least one call): JIT tiers, caches, modules loaded on first use. */
  warmupMs: number;
  /** "child-cpu": each call returns the CPU milliseconds it measured itself (a child process's getrusage). */
  clock: "cpu" | "wall" | "child-cpu";
}

export const FULL: Bounds = { minSamples: 9, maxMs: 3_000, sampleMs: 20, warmupMs: 300, clock: "cpu" };
export const QUICK: Bounds = { minSamples: 7, maxMs: 500, sampleMs: 10, warmupMs: 200, clock: "cpu" };
/** For sides that take a second or more, or span processes: one call per sample (one untimed first), wall time. */
export const ONE_CALL: Partial<Bounds> = { maxMs: 0, sampleMs: 0, warmupMs: 0, clock: "wall" };
/** For sides that each start one process which reports its own CPU time: one call per sample (one untimed first). */
export const ONE_PROCESS: Partial<Bounds> = { ...ONE_CALL, clock: "child-cpu" };

export interface Stats {
  name: string;
  /** Milliseconds per call, unless `unit` says bytes (a heap row: bench/rows/memory.ts). */
  minMs: number;
  medianMs: number;
  maxMs: number;
  samples: number;
  /** Calls per sample. */
  batch: number;
  clock: Bounds["clock"];
  unit?: "bytes";
}

type Fn = () => unknown | Promise<unknown>;

/** Time both functions alternately; per-call statistics for each. */
export async function alternate(subject: { name: string; run: Fn }, baseline: { name: string; run: Fn }, bounds: Bounds): Promise<{ subject: Stats; baseline: Stats }> {
  const now = bounds.clock === "cpu" ? cpuNow : () => performance.now();
  const reported = bounds.clock === "child-cpu";
  // Warm-up, then a batch size per side so each sample lasts sampleMs.
  const batches = [await calibrate(subject.run, bounds, now, reported), await calibrate(baseline.run, bounds, now, reported)] as const;
  const samples: [number[], number[]] = [[], []];
  const sides = [subject.run, baseline.run] as const;
  const started = performance.now();
  for (let i = 0; samples[0].length < bounds.minSamples || performance.now() - started < bounds.maxMs; i++) {
    const order = i % 2 === 0 ? [0, 1] as const : [1, 0] as const;
    for (const side of order) samples[side].push(await timeBatch(sides[side], batches[side], now, reported) / batches[side]);
    if (samples[0].length >= 1_000) break;
  }
  return { subject: stats(subject.name, samples[0], batches[0], bounds.clock), baseline: stats(baseline.name, samples[1], batches[1], bounds.clock) };
}

function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/** Calls per sample: grow the batch until it takes a quarter of a sample (the least of 3 tries, so one preemption cannot fool it), then scale. */
async function calibrate(fn: Fn, { sampleMs, warmupMs }: Bounds, now: () => number, reported: boolean): Promise<number> {
  const warm = now();
  do await timeBatch(fn, 1, now, reported); while (now() - warm < warmupMs);
  if (sampleMs <= 0) return 1;
  for (let batch = 1; ; batch *= 8) {
    const ms = Math.min(await timeBatch(fn, batch, now, reported), await timeBatch(fn, batch, now, reported), await timeBatch(fn, batch, now, reported));
    if (ms >= sampleMs / 4 || batch >= 1 << 20) return Math.max(1, Math.ceil((batch * sampleMs) / Math.max(ms, 1e-3)));
  }
}

/** The batch's time on the clock, or (`reported`) the sum of the milliseconds each call returned. */
async function timeBatch(fn: Fn, batch: number, now: () => number, reported: boolean): Promise<number> {
  const t0 = now();
  let sum = 0;
  for (let i = 0; i < batch; i++) {
    let out = fn();
    if (out instanceof Promise) out = await out;
    if (reported) {
      if (typeof out !== "number" || !Number.isFinite(out)) throw new Error(`a side timed by its own report returned ${String(out)}, not milliseconds`);
      sum += out;
    }
  }
  return reported ? sum : now() - t0;
}

export function stats(name: string, samples: number[], batch: number, clock: Bounds["clock"]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { name, minMs: sorted[0]!, medianMs: median, maxMs: sorted[sorted.length - 1]!, samples: sorted.length, batch, clock };
}
