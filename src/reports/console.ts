/**
 * What `run` prints on stdout when the run ends: the root causes first (each with what it blocked
 * and the evidence of its first root), then the counts per group, then one summary line, which a CI
 * log ends with. Progress goes to stderr; this is a view of the result like every other report.
 */
import type { RunResult } from "../harness/run.js";
import { catalogLink } from "./check-catalog.js";
import { countChecks, countsByGroup, GROUPS, rootCount } from "./model.js";
import { causeLines, rootCausesOf } from "./root-causes.js";
import { formatDuration, plural } from "./text.js";

/** A body on a terminal: long enough for a create-call request, short enough for a CI log. */
const CONSOLE_BODY_MAX = 2_500;

/** How long the command took (ms since it started) and its phases, for the summary line; without it, the run's own time. */
export interface CommandTiming {
  elapsedMs: number;
  phases: ReadonlyArray<readonly [string, number]>;
}

export function renderConsoleSummary(result: RunResult, timing?: CommandTiming): string[] {
  const { causes, blockedByKnown } = rootCausesOf(result.checks);
  const lines: string[] = [];
  if (causes.length > 0) {
    lines.push(`Root causes (${causes.length}), the one that explains the most checks first:`);
    for (const cause of causes) lines.push(...causeLines(cause, { bodyMax: CONSOLE_BODY_MAX }), "");
    lines.push(`What each check judges, and what counts as one root cause: ${catalogLink()}`, "");
  }
  if (blockedByKnown.length > 0) lines.push(`${plural(blockedByKnown.length, "check")} blocked by known defects`, "");
  const byGroup = countsByGroup(result);
  for (const group of GROUPS) {
    const c = byGroup[group];
    if (group === "run" || c.checks === 0) continue;
    lines.push(`${group.padEnd(10)} ${String(c.passed).padStart(4)} passed  ${String(rootCount(c)).padStart(4)} failed${c.blocked > 0 ? `  ${String(c.blocked).padStart(4)} blocked` : ""}${c.known > 0 ? `  ${String(c.known).padStart(4)} known defects` : ""}`);
  }
  if (result.stopped) lines.push(`stopped early: ${result.stopped.reason}; ${result.stopped.subjectsNotRun} ${result.stopped.subjectsNotRun === 1 ? "scenario or sequence" : "scenarios or sequences"} not run`);
  const t = countChecks(result.checks);
  const real = causes.filter((c) => !c.outside).length;
  lines.push(
    `${t.passed} passed, ${t.failed} failed${t.errors > 0 ? `, ${plural(t.errors, "error")}` : ""}${real > 0 ? ` (${plural(real, "root cause")})` : ""}${t.blocked > 0 ? `, ${t.blocked} blocked by them` : ""}${t.known > 0 ? `, ${t.known} known defects` : ""} in ${took(result, timing)} (seed ${result.seed})`,
  );
  return lines;
}

/** "38.2 s: checks 12.5 s, proof 24.9 s" (the rest is start-up and the build), or the run's own "12.5 s". */
function took(result: RunResult, timing: CommandTiming | undefined): string {
  if (!timing) return `${(result.durationMs / 1000).toFixed(1)} s`;
  return `${formatDuration(timing.elapsedMs)}: ${timing.phases.map(([phase, ms]) => `${phase} ${formatDuration(ms)}`).join(", ")}`;
}
