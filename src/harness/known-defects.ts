/**
 * Known defects: checks an implementation (typically a Graph client library) is known to fail,
 * each with the reason. A run keeps them visible without turning red while the defect exists, and
 * turns red the day the defect goes away (an unexpected pass), so the list never goes stale.
 */
import fs from "node:fs";
import { failed, type CheckResult } from "./checks.js";
import { selector } from "./select.js";

export interface KnownDefect {
  /** Check ids, as a glob in the syntax of `run --only`. */
  checks: string;
  /** Why the implementation fails them: the defect, where it is, and since which version. */
  reason: string;
}

/** `partial`: the run checked only some checks (--only), so an entry matching none of them is no error. */
export function applyKnownDefects(checks: readonly CheckResult[], defects: readonly KnownDefect[], partial = false): CheckResult[] {
  const matchers = defects.map((d) => ({ defect: d, matches: selector(d.checks) }));
  const used = new Set<KnownDefect>();
  const blockedOnly = new Map<KnownDefect, string>();
  const out = checks.map((check) => {
    const hit = matchers.find((m) => m.matches(check.id));
    if (!hit) return check;
    // Only a verdict can be known: a blocked check was not judged, an error could not run.
    if (check.status === "blocked") {
      blockedOnly.set(hit.defect, check.blockedBy ?? "?");
      return { ...check, knownDefect: hit.defect.reason };
    }
    used.add(hit.defect);
    if (check.status === "failed") return { ...check, status: "known" as const, knownDefect: hit.defect.reason };
    if (check.status !== "passed") return { ...check, knownDefect: hit.defect.reason };
    return { ...check, status: "failed" as const, message: `unexpected pass: this known defect no longer happens (${hit.defect.reason}); remove it from the known defects`, knownDefect: hit.defect.reason };
  });
  // An entry that matches no check of the run is a typo or a renamed check: say so rather than hide
  // nothing. One that matches only blocked checks excuses what nothing judged: it must name the root.
  for (const d of partial ? [] : defects.filter((x) => !used.has(x))) {
    const by = blockedOnly.get(d);
    out.push(failed(
      { id: `known-defects/${d.checks}`, group: "run", subject: "known-defects", title: `the known defect "${d.reason}" names checks of this run` },
      by === undefined
        ? `no check of this run matches ${JSON.stringify(d.checks)}`
        : `${JSON.stringify(d.checks)} matches only checks that were not judged (blocked by ${by}): name the check that fails instead, and what it blocks follows`,
    ));
  }
  return out;
}

/** A known-defects file (`[{ "checks": "<glob>", "reason": "..." }]`); an unreadable or malformed one is an error naming it. */
export function readKnownDefectsFile(file: string): KnownDefect[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const ok = Array.isArray(parsed) && parsed.every((d) => typeof d === "object" && d !== null && typeof (d as KnownDefect).checks === "string" && typeof (d as KnownDefect).reason === "string");
  if (!ok) throw new Error(`${file}: expected an array of { "checks": "<glob>", "reason": "..." }`);
  return parsed as KnownDefect[];
}
