/**
 * junit.xml for CI test reporters. The first <testsuite>, "root causes", holds the checks that
 * failed or errored on their own, each cause's first root saying what the cause blocked; then one
 * <testsuite> per subject (a documented scenario or a sequence, within its group) with the rest:
 * GitLab and Jenkins list test cases by classname (= the subject) and name (= the kind of check,
 * so it does not repeat the class), and the GitHub reporters (dorny/test-reporter,
 * action-junit-report) show one section per testsuite. A blocked check is <skipped> naming the
 * check and the root cause that blocked it; an error is <error>; `file` is the scenario or
 * sequence fixture. Every check is one test case, once. Each suite's properties carry the run's
 * notification POST latency (latency.p50Ms, ...), numbers a CI dashboard can chart.
 */
import type { CheckResult } from "../harness/checks.js";
import { latencyFigures } from "../harness/latency.js";
import type { RunResult } from "../harness/run.js";
import { escapeAttribute, escapeMarkup } from "./markup.js";
import { catalogLink } from "./check-catalog.js";
import { evidenceLines } from "./evidence.js";
import { checkKind, countChecks, partialNote, subjectsOf, type SubjectChecks } from "./model.js";
import { blockedSummary, causeHeadline, rootCausesOf, type RootCause } from "./root-causes.js";
import { oneLine } from "./text.js";
import { replayLines, timelineLines } from "./timeline-text.js";

const seconds = (ms: number) => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values).map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`).join("");
}

/** Everything a reader needs to act on a failure without opening another file: its cause, the errors beside the evidence, the timeline. */
export function failureText(check: CheckResult, cause?: RootCause): string {
  const lines = [check.title, ""];
  if (cause) {
    lines.push(`root cause ${cause.number}: ${causeHeadline(cause)}`);
    if (cause.roots[0] === check) {
      const blocked = blockedSummary(cause, 20);
      if (blocked) lines.push(`  ${blocked}`);
    }
    lines.push(`  what this check judges: ${catalogLink(checkKind(check))}`, "");
  }
  lines.push(`message: ${check.message ?? "(none)"}`);
  if (check.details && check.details.length > 0) lines.push("", "details:", ...check.details.map((d) => `  ${d}`));
  const evidence = evidenceLines(check);
  if (evidence.length > 0) lines.push("", ...evidence);
  const replay = replayLines(check);
  if (replay.length > 0) lines.push("", ...replay);
  if (check.timeline && check.timeline.length > 0) lines.push("", "timeline:", ...timelineLines(check.timeline).map((l) => `  ${l}`));
  return lines.join("\n");
}

/** Which cause each root and blocked check belongs to. */
type CauseOf = ReadonlyMap<string, RootCause>;

function testcase(check: CheckResult, causeOf: CauseOf): string {
  const head = `    <testcase${attributes({ classname: check.subject, name: checkKind(check), time: seconds(check.durationMs), ...(check.file ? { file: check.file } : {}) })}`;
  const cause = causeOf.get(check.id);
  if (check.status === "passed") return `${head}/>`;
  if (check.status === "known") return `${head}>\n      <skipped${attributes({ message: oneLine(`known defect: ${check.knownDefect ?? ""}`) })}/>\n    </testcase>`;
  if (check.status === "blocked") {
    const why = `blocked by ${check.blockedBy ?? "?"}${cause && !cause.outside ? ` (root cause ${cause.number}: ${cause.kind})` : ""}: ${check.message ?? ""}`;
    return `${head}>\n      <skipped${attributes({ message: oneLine(why) })}/>\n    </testcase>`;
  }
  const element = check.status === "error" ? "error" : "failure";
  const failure = `<${element}${attributes({ message: oneLine(`${cause ? `root cause ${cause.number}: ` : ""}${check.message ?? "failed"}`), type: check.errorKind ?? checkKind(check) })}>${escapeMarkup(failureText(check, cause))}</${element}>`;
  return `${head}>\n      ${failure}\n    </testcase>`;
}

function properties(values: Record<string, string | number>): string[] {
  return ["    <properties>", ...Object.entries(values).map(([name, value]) => `      <property${attributes({ name, value })}/>`), "    </properties>"];
}

/** The roots, cause by cause, the cause that explains the most checks first. */
function rootCausesSuite(causes: readonly RootCause[], causeOf: CauseOf, result: RunResult): string[] {
  const roots = causes.flatMap((c) => c.roots);
  if (roots.length === 0) return [];
  const counts = countChecks(roots);
  return [
    `  <testsuite${attributes({ name: "root causes", tests: counts.checks, failures: counts.failed, errors: counts.errors, skipped: 0, time: seconds(roots.reduce((n, r) => n + r.durationMs, 0)), timestamp: result.startedAt })}>`,
    ...properties({ ...Object.fromEntries(causes.map((c) => [`root cause ${c.number}`, causeHeadline(c)])), ...latencyFigures(result.latency) }),
    ...roots.map((r) => testcase(r, causeOf)),
    "  </testsuite>",
  ];
}

function testsuite(subject: SubjectChecks, result: RunResult, causeOf: CauseOf): string {
  // Each check carries its own time (a blocked one 0): the suite took their sum.
  const elapsed = subject.checks.reduce((n, c) => n + c.durationMs, 0);
  return [
    `  <testsuite${attributes({ name: `${subject.group}/${subject.subject}`, tests: subject.counts.checks, failures: subject.counts.failed, errors: subject.counts.errors, skipped: subject.counts.known + subject.counts.blocked, time: seconds(elapsed), timestamp: result.startedAt, ...(subject.checks[0]?.file ? { file: subject.checks[0].file } : {}) })}>`,
    ...properties({ group: subject.group, adapter: result.adapter, seed: result.seed, runs: result.runs, ...latencyFigures(result.latency) }),
    ...subject.checks.map((c) => testcase(c, causeOf)),
    "  </testsuite>",
  ].join("\n");
}

/** A partial run is one more error, in a suite of its own, so that every CI reporter shows it. */
function partialSuite(result: RunResult): string[] {
  const note = partialNote(result);
  if (!note) return [];
  return [
    `  <testsuite${attributes({ name: "run/partial", tests: 1, failures: 0, errors: 1, skipped: 0, time: 0, timestamp: result.startedAt })}>`,
    `    <testcase${attributes({ classname: "run", name: "run/partial", time: 0 })}>`,
    `      <error${attributes({ message: oneLine(note), type: "partial" })}>${escapeMarkup(note)}</error>`,
    "    </testcase>",
    "  </testsuite>",
  ];
}

export function renderJunit(result: RunResult): string {
  const totals = countChecks(result.checks);
  const { causes } = rootCausesOf(result.checks);
  const causeOf = new Map(causes.flatMap((c) => [...c.roots, ...c.blocked].map((check) => [check.id, c] as const)));
  // The roots are in the first suite; each subject's suite has the rest of its checks.
  const roots = new Set(causes.flatMap((c) => c.roots));
  const rest = subjectsOf(result.checks.filter((c) => !roots.has(c)));
  const partial = result.stopped ? 1 : 0;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: `graph-calls-contract conformance: ${result.adapter}`, tests: totals.checks + partial, failures: totals.failed, errors: totals.errors + partial, skipped: totals.known + totals.blocked, time: seconds(result.durationMs), timestamp: result.startedAt })}>`,
    ...partialSuite(result),
    ...rootCausesSuite(causes, causeOf, result),
    ...rest.map((subject) => testsuite(subject, result, causeOf)),
    "</testsuites>",
    "",
  ].join("\n");
}
