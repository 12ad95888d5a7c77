/**
 * junit.xml for CI test reporters. One <testsuite> per subject (a documented scenario or a
 * sequence, within its group): GitLab and Jenkins list test cases by classname (= the subject),
 * and the GitHub reporters (dorny/test-reporter, action-junit-report) show one section per
 * testsuite, so per-subject suites read as "create-call.v1.0.ex01: 1 of 14 failed" everywhere,
 * where three per-group suites would be 200-line lists. The group is the suite name's prefix.
 */
import type { CheckResult } from "../harness/checks.js";
import type { RunResult } from "../harness/run.js";
import { escapeAttribute, escapeMarkup } from "./markup.js";
import { checkKind, countChecks, subjectsOf, type SubjectChecks } from "./model.js";
import { oneLine } from "./text.js";
import { replayLines, timelineLines } from "./timeline-text.js";

const seconds = (ms: number) => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values).map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`).join("");
}

/** Everything a reader needs to act on a failure without opening another file. */
export function failureText(check: CheckResult): string {
  const lines = [check.title, "", `message: ${check.message ?? "(none)"}`];
  if (check.details && check.details.length > 0) lines.push("", "details:", ...check.details.map((d) => `  ${d}`));
  const replay = replayLines(check);
  if (replay.length > 0) lines.push("", ...replay);
  if (check.timeline && check.timeline.length > 0) lines.push("", "timeline:", ...timelineLines(check.timeline).map((l) => `  ${l}`));
  return lines.join("\n");
}

function testcase(check: CheckResult): string {
  const head = `    <testcase${attributes({ classname: check.subject, name: check.id, time: seconds(check.durationMs) })}`;
  if (check.status === "passed") return `${head}/>`;
  if (check.status === "known") return `${head}>\n      <skipped${attributes({ message: oneLine(`known defect: ${check.knownDefect ?? ""}`) })}/>\n    </testcase>`;
  if (check.status === "blocked") return `${head}>\n      <skipped${attributes({ message: oneLine(`blocked by ${check.blockedBy ?? "?"}: ${check.message ?? ""}`) })}/>\n    </testcase>`;
  const element = check.status === "error" ? "error" : "failure";
  const failure = `<${element}${attributes({ message: oneLine(check.message ?? "failed"), type: check.errorKind ?? checkKind(check) })}>${escapeMarkup(failureText(check))}</${element}>`;
  return `${head}>\n      ${failure}\n    </testcase>`;
}

function testsuite(subject: SubjectChecks, result: RunResult): string {
  // Checks of one subject are timed together (each carries the subject's elapsed time): the suite took the longest of them.
  const elapsed = Math.max(0, ...subject.checks.map((c) => c.durationMs));
  const properties = { group: subject.group, adapter: result.adapter, seed: result.seed, runs: result.runs };
  return [
    `  <testsuite${attributes({ name: `${subject.group}/${subject.subject}`, tests: subject.counts.checks, failures: subject.counts.failed, errors: subject.counts.errors, skipped: subject.counts.known + subject.counts.blocked, time: seconds(elapsed), timestamp: result.startedAt })}>`,
    "    <properties>",
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    "    </properties>",
    ...subject.checks.map(testcase),
    "  </testsuite>",
  ].join("\n");
}

export function renderJunit(result: RunResult): string {
  const totals = countChecks(result.checks);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: `graph-calls-contract conformance: ${result.adapter}`, tests: totals.checks, failures: totals.failed, errors: totals.errors, skipped: totals.known + totals.blocked, time: seconds(result.durationMs), timestamp: result.startedAt })}>`,
    ...subjectsOf(result.checks).map((subject) => testsuite(subject, result)),
    "</testsuites>",
    "",
  ].join("\n");
}
