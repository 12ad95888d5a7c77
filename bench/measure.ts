/**
 * Timing for benchmarks: run a function repeatedly within a count and a time bound, and report the
 * median time per call. Results are only ever shown as ratios to a baseline measured in the same run,
 * so a slow or busy machine shifts both sides alike.
 */
import { performance } from "node:perf_hooks";

export interface Measurement {
  name: string;
  /** Median milliseconds per call over the samples. */
  medianMs: number;
  calls: number;
}

export interface Bounds {
  /** At most this many calls... */
  maxCalls: number;
  /** ...and at most this long (the first call always runs). */
  maxMs: number;
  /** Calls per sample: several fast calls are timed together so the clock's resolution does not dominate. */
  batch: number;
}

export async function measure(name: string, fn: () => unknown | Promise<unknown>, bounds: Bounds): Promise<Measurement> {
  for (let i = 0; i < Math.min(3, bounds.maxCalls); i++) await fn(); // warm-up: JIT, caches
  const samples: number[] = [];
  const start = performance.now();
  let calls = 0;
  while (calls < bounds.maxCalls && (calls === 0 || performance.now() - start < bounds.maxMs)) {
    const t0 = performance.now();
    for (let i = 0; i < bounds.batch; i++) await fn();
    samples.push((performance.now() - t0) / bounds.batch);
    calls += bounds.batch;
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)]!, calls };
}
