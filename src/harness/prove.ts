/**
 * Proving the checks: run a catalog of faulty implementations (each one documented bug) and see
 * which checks catch something. A check no variant fails is a check nobody has proven can fail;
 * the reports list those.
 */
import type { BotUnderTest } from "./adapter.js";
import { createDeliveryChecks } from "./delivery.js";
import { killMatrix, type KillMatrix } from "./kill-matrix.js";
import { runConformance, type RunOptions, type RunResult } from "./run.js";

export interface ProvingVariant {
  id: string;
  bug: string;
  /** A short step timeout for a variant whose bug is a hang. */
  stepTimeoutMs?: number;
  createBot(): BotUnderTest | Promise<BotUnderTest>;
}

export interface Proof extends KillMatrix {
  variants: Array<{ id: string; bug: string; failing: string[] }>;
}

export interface ProveOptions {
  seed: number;
  /** Delivery plans per sequence and variant: a few are enough to show the catalog's delivery bugs. */
  runs: number;
  stepTimeoutMs: number;
  onVariant?: (done: number, total: number, id: string) => void;
}

/** One run per variant, one at a time (each run installs its own interception of fetch). */
export async function runVariants(variants: readonly ProvingVariant[], options: ProveOptions): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const [i, v] of variants.entries()) {
    const stepTimeoutMs = v.stepTimeoutMs ?? options.stepTimeoutMs;
    const run: RunOptions = {
      adapter: { createBot: () => v.createBot() },
      adapterName: v.id,
      seed: options.seed,
      runs: options.runs,
      stepTimeoutMs,
      // A hanging variant's plans each cost a step timeout: give it a budget of a few.
      ...(options.runs > 0 ? { deliveries: createDeliveryChecks({ budgetMs: v.stepTimeoutMs ? 4 * v.stepTimeoutMs : 5_000 }) } : {}),
    };
    results.push(await runConformance(run));
    options.onVariant?.(i + 1, variants.length, v.id);
  }
  return results;
}

export async function proveChecks(variants: readonly ProvingVariant[], options: ProveOptions): Promise<Proof> {
  const results = await runVariants(variants, options);
  const matrix = killMatrix(results);
  const bugOf = new Map(variants.map((v) => [v.id, v.bug]));
  return { ...matrix, variants: matrix.variants.map((row) => ({ ...row, bug: bugOf.get(row.id) ?? "" })) };
}
