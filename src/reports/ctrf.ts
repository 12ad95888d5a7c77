/**
 * ctrf.json: the run in the Common Test Report Format (CTRF, specVersion 0.0.0), which CTRF's
 * GitHub, GitLab and Slack reporters read. A check is a test: passed, failed (failed or error;
 * rawStatus keeps which), skipped (blocked, with the check that blocked it; or a known defect).
 * The root causes lead, in results.extra.rootCauses, and the roots come first among the tests.
 * A partial run is marked in results.extra (partial, stopped) and by one more failed test,
 * run/partial; the notification POSTs' latency is in results.extra.latency.
 * A view of the result like every other report: nothing here that results.json does not know.
 */
import type { CheckResult } from "../harness/checks.js";
import type { RunResult } from "../harness/run.js";
import { catalogLink } from "./check-catalog.js";
import { evidenceLines } from "./evidence.js";
import { checkKind, countChecks, partialNote } from "./model.js";
import { latencyLine } from "../harness/latency.js";
import { causeHeadline, rootCausesOf, type RootCause } from "./root-causes.js";
import { rootCausesV2, toolVersion } from "./results-json.js";
import { replayLines, timelineLines } from "./timeline-text.js";

export const CTRF_FILE = "ctrf.json";

type CtrfStatus = "passed" | "failed" | "skipped" | "pending" | "other";

const STATUS: Record<CheckResult["status"], CtrfStatus> = { passed: "passed", failed: "failed", error: "failed", blocked: "skipped", known: "skipped" };

function message(check: CheckResult, cause: RootCause | undefined): string | undefined {
  if (check.status === "passed") return undefined;
  if (check.status === "blocked") return `blocked by ${check.blockedBy ?? "?"}${cause && !cause.outside ? ` (root cause ${cause.number})` : ""}: ${check.message ?? ""}`;
  if (check.status === "known") return `known defect: ${check.knownDefect ?? ""}`;
  return `${cause ? `root cause ${cause.number}: ` : ""}${check.message ?? "failed"}`;
}

/** The details, the evidence and the timeline of a root: what CTRF's reporters show under a failure. */
function trace(check: CheckResult): string | undefined {
  if (check.status !== "failed" && check.status !== "error") return undefined;
  const lines = [
    ...(check.details ?? []),
    ...evidenceLines(check),
    ...replayLines(check),
    ...(check.timeline?.length ? ["timeline:", ...timelineLines(check.timeline).map((l) => `  ${l}`)] : []),
  ];
  return lines.length > 0 ? lines.join("\n") : undefined;
}

function test(check: CheckResult, cause: RootCause | undefined) {
  const msg = message(check, cause);
  const tr = trace(check);
  return {
    name: check.id,
    status: STATUS[check.status],
    duration: Math.max(0, Math.round(check.durationMs)),
    ...(msg !== undefined ? { message: msg } : {}),
    ...(tr !== undefined ? { trace: tr } : {}),
    rawStatus: check.status,
    suite: [check.group, check.subject],
    type: "conformance",
    ...(check.file ? { filePath: check.file } : {}),
    extra: {
      kind: checkKind(check),
      title: check.title,
      ...(check.blockedBy ? { blockedBy: check.blockedBy } : {}),
      ...(check.errorKind ? { errorKind: check.errorKind } : {}),
      ...(check.knownDefect ? { knownDefect: check.knownDefect } : {}),
      ...(cause ? { rootCause: cause.number } : {}),
      ...(check.seed !== undefined ? { seed: check.seed } : {}),
      ...(check.replay ? { replay: check.replay } : {}),
    },
  };
}

/** A partial run is one more failed test, run/partial, first, as in junit.xml: every CTRF reporter shows it. */
function partialTest(result: RunResult) {
  const note = partialNote(result);
  if (!note) return [];
  return [{ name: "run/partial", status: "failed" as CtrfStatus, duration: 0, message: note, rawStatus: "partial", suite: ["run", "partial"], type: "conformance", extra: { kind: "partial", stopped: result.stopped } }];
}

export function renderCtrf(result: RunResult): string {
  const { causes } = rootCausesOf(result.checks);
  const causeOf = new Map(causes.flatMap((c) => [...c.roots, ...c.blocked].map((check) => [check.id, c] as const)));
  const roots = causes.flatMap((c) => c.roots);
  const rootSet = new Set(roots);
  const ordered = [...roots, ...result.checks.filter((c) => !rootSet.has(c))];
  const tests = [...partialTest(result), ...ordered.map((c) => test(c, causeOf.get(c.id)))];
  const counts = countChecks(result.checks);
  const partial = result.stopped ? 1 : 0;
  const start = Date.parse(result.startedAt);
  const report = {
    reportFormat: "CTRF",
    specVersion: "0.0.0",
    timestamp: new Date(start + result.durationMs).toISOString(),
    generatedBy: "graph-calls-contract",
    results: {
      tool: { name: "graph-calls-contract", version: toolVersion() },
      summary: {
        tests: tests.length,
        passed: counts.passed,
        failed: counts.failed + counts.errors + partial,
        skipped: counts.blocked + counts.known,
        pending: 0,
        other: 0,
        suites: new Set(result.checks.map((c) => `${c.group}\u0000${c.subject}`)).size,
        start,
        stop: start + Math.round(result.durationMs),
      },
      tests,
      environment: { extra: { adapter: result.adapter, seed: result.seed, runs: result.runs, ...(result.observationVersion ? { observationVersion: result.observationVersion } : {}) } },
      extra: {
        catalog: catalogLink(),
        rootCauses: rootCausesV2(result.checks).map((c, i) => ({ headline: causeHeadline(causes[i]!), ...c })),
        partial: result.stopped !== undefined,
        ...(result.stopped ? { stopped: result.stopped } : {}),
        ...(result.latency && result.latency.posts > 0 ? { latency: { ...result.latency, line: latencyLine(result.latency) } } : {}),
      },
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
