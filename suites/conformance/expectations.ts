/** Whether a variant's run fails what its catalog entry says it must fail, in the words it says. */
import type { CheckResult } from "../../src/harness/checks.js";
import { selector } from "../../src/harness/run.js";
import type { FaultyVariant } from "../../implementations/faulty/index.js";

/** What is wrong with the run against the variant's expectations, one line each (none: as expected). */
export function unmetExpectations(variant: FaultyVariant, checks: readonly CheckResult[]): string[] {
  const problems: string[] = [];
  for (const pattern of variant.expectedFailures) {
    const matched = matching(pattern, checks);
    if (matched.length === 0) problems.push(`${pattern}: names no check of the run`);
    for (const c of matched) if (!own(c)) problems.push(`${c.id}: ${c.status}${c.status === "blocked" ? ` by ${c.blockedBy}` : ""}, expected a failure of its own`);
  }
  for (const [pattern, says] of Object.entries(variant.messages ?? {})) {
    const matched = matching(pattern, checks);
    if (matched.length === 0) problems.push(`${pattern} (messages): names no check of the run`);
    for (const c of matched) {
      const text = [c.message ?? "", ...(c.details ?? [])].join("\n");
      if (!own(c) || !says.test(text)) problems.push(`${c.id}: ${own(c) ? `says ${JSON.stringify(c.message)}` : c.status}, expected a failure saying ${says}`);
    }
  }
  return problems;
}

/** A failure (or an error) the check found itself: blocked checks are not proof of anything. */
const own = (c: CheckResult) => c.status === "failed" || c.status === "error";

function matching(pattern: string, checks: readonly CheckResult[]): CheckResult[] {
  const wanted = selector(pattern);
  return checks.filter((c) => wanted(c.id));
}
