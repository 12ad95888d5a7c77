/**
 * Timing for benchmarks: a subject and its baseline, alternated sample by sample (A B, B A, A B...)
 * so that whatever else loads the machine loads both alike, each sample a batch of calls long
 * enough for the clock. Results are reported as min / median / max per call, and compared only as
 * the ratio of the medians, never as absolute times.
 *
 * Two clocks. In-process work is timed in CPU time of this process (process.cpuUsage): on a machine
 * shared with other jobs, wall time mostly measures who else was running, CPU time the work itself.
 * Whatever spans processes or waits (a CLI start, a conformance run, the proof's workers) is timed
 * in wall time, the cost a user waits for.
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
  clock: "cpu" | "wall";
}

export const FULL: Bounds = { minSamples: 9, maxMs: 3_000, sampleMs: 20, warmupMs: 300, clock: "cpu" };
export const QUICK: Bounds = { minSamples: 7, maxMs: 500, sampleMs: 10, warmupMs: 200, clock: "cpu" };
/** For sides that take a second or more, or span processes: one call per sample (one untimed first), wall time. */
export const ONE_CALL: Partial<Bounds> = { maxMs: 0, sampleMs: 0, warmupMs: 0, clock: "wall" };

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
  // Warm-up, then a batch size per side so each sample lasts sampleMs.
  const batches = [await calibrate(subject.run, bounds, now), await calibrate(baseline.run, bounds, now)] as const;
  const samples: [number[], number[]] = [[], []];
  const sides = [subject.run, baseline.run] as const;
  const started = performance.now();
  for (let i = 0; samples[0].length < bounds.minSamples || performance.now() - started < bounds.maxMs; i++) {
    const order = i % 2 === 0 ? [0, 1] as const : [1, 0] as const;
    for (const side of order) samples[side].push(await timeBatch(sides[side], batches[side], now) / batches[side]);
    if (samples[0].length >= 1_000) break;
  }
  return { subject: stats(subject.name, samples[0], batches[0], bounds.clock), baseline: stats(baseline.name, samples[1], batches[1], bounds.clock) };
}

function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/** Calls per sample: grow the batch until it takes a quarter of a sample (the least of 3 tries, so one preemption cannot fool it), then scale. */
async function calibrate(fn: Fn, { sampleMs, warmupMs }: Bounds, now: () => number): Promise<number> {
  const warm = now();
  do await timeBatch(fn, 1, now); while (now() - warm < warmupMs);
  if (sampleMs <= 0) return 1;
  for (let batch = 1; ; batch *= 8) {
    const ms = Math.min(await timeBatch(fn, batch, now), await timeBatch(fn, batch, now), await timeBatch(fn, batch, now));
    if (ms >= sampleMs / 4 || batch >= 1 << 20) return Math.max(1, Math.ceil((batch * sampleMs) / Math.max(ms, 1e-3)));
  }
}

async function timeBatch(fn: Fn, batch: number, now: () => number): Promise<number> {
  const t0 = now();
  for (let i = 0; i < batch; i++) {
    const out = fn();
    if (out instanceof Promise) await out;
  }
  return now() - t0;
}

export function stats(name: string, samples: number[], batch: number, clock: Bounds["clock"]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { name, minMs: sorted[0]!, medianMs: median, maxMs: sorted[sorted.length - 1]!, samples: sorted.length, batch, clock };
}
