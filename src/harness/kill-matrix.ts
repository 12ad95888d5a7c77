/**
 * The kill matrix: which checks each faulty variant fails, which checks no variant fails or blocks
 * ("unproven": nothing shows they can catch a bug), and which ones variants only ever block (a
 * precondition failed before them), so nothing shows they catch a bug on their own.
 * Reports and the README show it. Checks about the run itself (group "run") are not conformance
 * checks and are left out.
 */
import type { CheckResult } from "./checks.js";
import type { RunResult } from "./run.js";

export interface KillMatrix {
  /** One row per variant: the ids of the checks it fails (or errors) on their own, in run order. */
  variants: Array<{ id: string; failing: string[] }>;
  /** Check ids that some run has and no variant fails or blocks, sorted. */
  unproven: string[];
  /** Check ids that variants only ever block, never fail on their own, sorted. */
  collateralOnly: string[];
}

const conformance = (c: CheckResult) => c.group !== "run";
const own = (c: CheckResult) => c.status === "failed" || c.status === "error";

/**
 * `results`: one conformance run per faulty variant, named (RunResult.adapter) by the variant's id.
 * `checks`: the checks to prove (every conformance check of a full run); by default those the runs have.
 */
export function killMatrix(results: readonly RunResult[], checkIds?: readonly string[]): KillMatrix {
  const variants = results.map((r) => ({ id: r.adapter, failing: r.checks.filter((c) => conformance(c) && own(c)).map((c) => c.id) }));
  const killedOnItsOwn = new Set(variants.flatMap((v) => v.failing));
  const touched = new Set(results.flatMap((r) => r.checks.filter((c) => c.status === "blocked").map((c) => c.id)));
  const checks = [...new Set([...(checkIds ?? []), ...results.flatMap((r) => r.checks.filter(conformance).map((c) => c.id))])].sort();
  return {
    variants,
    unproven: checks.filter((id) => !killedOnItsOwn.has(id) && !touched.has(id)),
    collateralOnly: checks.filter((id) => !killedOnItsOwn.has(id) && touched.has(id)),
  };
}
