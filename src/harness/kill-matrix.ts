/**
 * The kill matrix: which checks each faulty variant fails, which checks no variant fails ("unproven":
 * nothing shows they can catch a bug), and which ones variants fail only as collateral damage.
 * Reports and the README show it.
 */
import type { CheckResult } from "./checks.js";
import type { RunResult } from "./run.js";

export interface KillMatrix {
  /** One row per variant: the ids of the checks it fails, in run order. */
  variants: Array<{ id: string; failing: string[] }>;
  /** Check ids that some run has and no variant fails, sorted. */
  unproven: string[];
  /**
   * Check ids that variants fail only when their whole scenario or sequence could not run (no
   * request was sent, the call could not be created): such a failure says nothing about the check.
   */
  collateralOnly: string[];
}

/** `results`: one conformance run per faulty variant, named (RunResult.adapter) by the variant's id. */
export function killMatrix(results: readonly RunResult[]): KillMatrix {
  const variants = results.map((r) => ({ id: r.adapter, failing: r.checks.filter((c) => c.status === "fail").map((c) => c.id) }));
  const killed = new Set(variants.flatMap((v) => v.failing));
  const killedOnItsOwn = new Set(results.flatMap((r) => ownFailures(r.checks)));
  const checks = [...new Set(results.flatMap((r) => r.checks.map((c) => c.id)))].sort();
  return {
    variants,
    unproven: checks.filter((id) => !killed.has(id)),
    collateralOnly: checks.filter((id) => killed.has(id) && !killedOnItsOwn.has(id)),
  };
}

/**
 * The failures of a run that are verdicts of their own check. When a scenario's request was never
 * sent or a sequence was aborted, the harness fails all its checks with one message: only the
 * check that judges that (http.sent) has a verdict of its own.
 */
function ownFailures(checks: readonly CheckResult[]): string[] {
  const bySubject = new Map<string, CheckResult[]>();
  for (const c of checks) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  return [...bySubject.values()].flatMap((group) => {
    const messages = new Set(group.map((c) => (c.status === "fail" ? c.message : undefined)));
    const collapsed = messages.size === 1 && !messages.has(undefined);
    return group.filter((c) => c.status === "fail" && (!collapsed || c.id.endsWith("/http.sent"))).map((c) => c.id);
  });
}
