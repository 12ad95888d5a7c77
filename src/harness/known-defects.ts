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

/** `partial`: the run checked only some checks (--only, a shard), so an entry matching none of them is no error. */
export function applyKnownDefects(checks: readonly CheckResult[], defects: readonly KnownDefect[], partial = false): CheckResult[] {
  const marked = markKnownDefects(checks, defects);
  return partial ? marked : [...marked, ...unusedKnownDefects(marked, defects)];
}

/** The first entry naming a check, if any: each check is excused by one entry. */
function matcherOf(defects: readonly KnownDefect[]): (id: string) => KnownDefect | undefined {
  const matchers = defects.map((d) => ({ defect: d, matches: selector(d.checks) }));
  return (id) => matchers.find((m) => m.matches(id))?.defect;
}

/** Each check an entry names, judged as known: a failure is known, a pass is an unexpected pass (a failure). */
export function markKnownDefects(checks: readonly CheckResult[], defects: readonly KnownDefect[]): CheckResult[] {
  const hitOf = matcherOf(defects);
  return checks.map((check) => {
    const hit = hitOf(check.id);
    if (!hit) return check;
    // Only a verdict can be known: a blocked check was not judged, an error could not run.
    if (check.status === "blocked" || (check.status !== "failed" && check.status !== "passed")) return { ...check, knownDefect: hit.reason };
    if (check.status === "failed") return { ...check, status: "known" as const, knownDefect: hit.reason };
    return { ...check, status: "failed" as const, message: `unexpected pass: this known defect no longer happens (${hit.reason}); remove it from the known defects`, knownDefect: hit.reason };
  });
}

/** A check's own verdict, before markKnownDefects: what a check that needs it to pass saw (a merge of shards judges receiver.latency again from it). */
export function unmarked(check: CheckResult): CheckResult {
  if (check.knownDefect === undefined) return check;
  if (check.status === "known") return { ...check, status: "failed" };
  // An unexpected pass is the only failure a known defect makes.
  if (check.status === "failed") return { ...check, status: "passed" };
  return check;
}

/**
 * An entry that matches no check of the run is a typo or a renamed check: a failed check says so
 * rather than hide nothing. One that matches only blocked checks excuses what nothing judged: it
 * must name the root. Read from the checks markKnownDefects made (a merge of shards does it over
 * the whole run).
 */
export function unusedKnownDefects(marked: readonly CheckResult[], defects: readonly KnownDefect[]): CheckResult[] {
  const hitOf = matcherOf(defects);
  const used = new Set<KnownDefect>();
  const blockedOnly = new Map<KnownDefect, string>();
  for (const check of marked) {
    const hit = hitOf(check.id);
    if (!hit) continue;
    if (check.status === "blocked") blockedOnly.set(hit, check.blockedBy ?? "?");
    else used.add(hit);
  }
  return defects.filter((d) => !used.has(d)).map((d) => {
    const by = blockedOnly.get(d);
    return failed(
      { id: `known-defects/${d.checks}`, group: "run", subject: "known-defects", title: `the known defect "${d.reason}" names checks of this run` },
      by === undefined
        ? `no check of this run matches ${JSON.stringify(d.checks)}`
        : `${JSON.stringify(d.checks)} matches only checks that were not judged (blocked by ${by}): name the check that fails instead, and what it blocks follows`,
    );
  });
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
