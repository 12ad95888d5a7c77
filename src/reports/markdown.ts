/**
 * summary.md, for a pull-request comment: the verdict, then the root causes (each with the
 * evidence of its first root and what it blocked, folded), the counts, each failing check with its
 * message and a short timeline, and only then the tables per group and the passing checks, folded.
 * Cut to a size GitHub accepts, saying what was left out.
 */
import { proofMarkdown } from "./proof.js";
import type { CheckResult } from "../harness/checks.js";
import { latencyLine } from "../harness/latency.js";
import type { RunResult } from "../harness/run.js";
import { mdCode, mdFence, mdRow, mdTable, mdTableParts, mdText } from "./markdown-syntax.js";
import { checkKind, countChecks, countsByGroup, failuresFirst, GROUP_TITLES, GROUPS, isFailure, rootCount, splitTitles, subjectsOf, timelinesOf, type Counts, type SubjectChecks, knownDefectsOf, partialNote } from "./model.js";
import { catalogLink } from "./check-catalog.js";
import { evidenceLines } from "./evidence.js";
import { bySubject, countByGroup, rootCausesOf, type RootCause } from "./root-causes.js";
import { formatDuration, plural } from "./text.js";
import { replayLines, timelineLines } from "./timeline-text.js";

/**
 * GitHub refuses comments over 65 536 characters; the rest is room for what a CI step wraps the
 * summary in (a heading, the hidden marker it finds its comment by).
 */
export const SUMMARY_MAX_CHARS = 64_000;
const MESSAGE_WIDTH = 300;
const DETAILS_SHOWN = 5;
const TIMELINE_LINES = 8;
const ROOT_IDS_SHOWN = 10;
/** A root's body in a pull-request comment: a whole create-call request fits. */
const MD_BODY_MAX = 3_000;
/** The same, folded under each failing check (the root cause above shows the first one whole). */
const EVIDENCE_FOLDED_MAX = 700;
const indent = (block: string) => block.split("\n").map((l) => `  ${l}`).join("\n");

const mark = (counts: Counts) => (counts.checks === 0 ? "➖" : rootCount(counts) > 0 ? "❌" : counts.blocked > 0 ? "⛔" : "✅");

function headline(result: RunResult): string[] {
  const totals = countChecks(result.checks);
  const verdict = totals.checks === 0 ? "no checks ran" : `${rootCount(totals)} failed, ${totals.passed} passed${totals.blocked > 0 ? `, ${totals.blocked} blocked` : ""}${totals.known > 0 ? `, ${totals.known} known defects` : ""}`;
  const runs = result.runs > 0 ? `${result.runs} property-based runs per sequence` : "no property-based runs";
  return [
    `## ${mark(totals)} Conformance of ${mdCode(result.adapter)}: ${verdict}`,
    "",
    `${plural(totals.checks, "check")} · ${formatDuration(result.durationMs)} · seed ${result.seed} · ${runs}${result.observationVersion ? ` · observation version ${result.observationVersion}` : ""} · started ${mdText(result.startedAt)}`,
    ...partialLines(result),
    ...latencyLines(result),
  ];
}

function latencyLines(result: RunResult): string[] {
  const line = latencyLine(result.latency);
  return line ? ["", mdText(line, 500)] : [];
}

function partialLines(result: RunResult): string[] {
  const note = partialNote(result);
  return note ? ["", `> ⚠️ **${mdText(note, 500)}**`] : [];
}

function knownDefectsMarkdown(result: RunResult): string[] {
  const known = knownDefectsOf(result.checks);
  if (known.length === 0) return [];
  return [[
    `### ⚠️ Known defects`,
    "",
    ...known.map((k) => `- ${mdText(k.reason, 300)}: ${k.checks.slice(0, 12).map((c) => mdCode(c.id)).join(", ")}${k.checks.length > 12 ? `, and ${k.checks.length - 12} more` : ""}`),
  ].join("\n")];
}

function overview(result: RunResult): string {
  const byGroup = countsByGroup(result);
  return mdTable(["group", "checks", "passed", "failed", "blocked"], ["left", "right", "right", "right", "right"], GROUPS.filter((g) => g !== "run").map((g) => {
    const c = byGroup[g];
    return [`${mark(c)} ${GROUP_TITLES[g]}`, String(c.checks), String(c.passed), c.checks === 0 ? "not run" : String(rootCount(c)), String(c.blocked)];
  }));
}

/** A group's heading and table of subjects (failing first), as rows a caller may cut. */
function groupTable(title: string, subjects: SubjectChecks[]): { head: string; rows: string[] } {
  const counts = countChecks(subjects.flatMap((s) => s.checks));
  const table = mdTableParts(["", "subject", "passed", "failed", "failing checks"], ["left", "left", "right", "right", "left"], failuresFirst(subjects, (s) => rootCount(s.counts) > 0).map((s) => [
    mark(s.counts),
    mdCode(s.subject),
    String(s.counts.passed),
    String(rootCount(s.counts)),
    s.checks.filter(isFailure).map((c) => mdCode(checkKind(c))).join(" "),
  ]));
  return { head: `### ${mark(counts)} ${title}: ${rootCount(counts)} failed of ${plural(counts.checks, "check")}\n\n${table.head}`, rows: table.rows };
}

/** Failing checks with the same message and evidence, as one item (a bot that cannot authenticate fails ten checks alike). */
function failingItems(checks: readonly CheckResult[], own: (check: CheckResult) => string): string[] {
  const alike = new Map<string, CheckResult[]>();
  for (const c of checks) {
    const key = JSON.stringify([c.message, c.details, c.seed, c.replay]);
    alike.set(key, [...(alike.get(key) ?? []), c]);
  }
  return [...alike.values()].flatMap((same) => {
    const first = same[0]!;
    const ids = same.map((c) => `**${mdCode(c.id)}**`).join(", ");
    const lines = [`- ${ids}${same.length > 1 ? ` (${same.length} checks)` : ""}: ${mdText(first.message ?? "failed", MESSAGE_WIDTH)}`];
    if (same.length === 1) lines.push(`  <br>${mdText(own(first), MESSAGE_WIDTH)}`);
    const details = first.details ?? [];
    for (const d of details.slice(0, DETAILS_SHOWN)) lines.push(`  - ${mdText(d, MESSAGE_WIDTH)}`);
    if (details.length > DETAILS_SHOWN) lines.push(`  - … ${details.length - DETAILS_SHOWN} more`);
    for (const r of replayLines(first)) lines.push(`  - ${mdText(r)}`);
    const evidence = evidenceLines(first, EVIDENCE_FOLDED_MAX);
    if (evidence.length > 0) lines.push(`  <details><summary>${mdText(evidence[0]!.replace(/:$/, ""))}</summary>`, "", indent(mdFence(evidence.slice(1).map((l) => l.replace(/^ {2}/, "")))), "", "  </details>");
    return lines;
  });
}

/** A failing subject: its failing checks, then each failing timeline once (a sequence's checks share theirs). */
function failureBlock(subject: SubjectChecks): string {
  const titles = splitTitles(subject.checks);
  const lines = [`#### ❌ ${mdCode(subject.subject)} (${subject.group}): ${plural(rootCount(subject.counts), "failing check")}`, ""];
  if (titles.shared) lines.push(`_${mdText(titles.shared, MESSAGE_WIDTH)}_`, "");
  lines.push(...failingItems(subject.checks.filter(isFailure), titles.own));
  for (const view of timelinesOf(subject).filter((v) => v.failed)) {
    const shown = timelineLines(view.timeline, { maxLines: TIMELINE_LINES, withObserved: false });
    lines.push("", `Timeline (${mdText(view.label)}), ${plural(view.timeline.length, "POST")}:`, "", mdFence(shown));
  }
  return lines.join("\n");
}

/** A root cause: its headline, its roots, the evidence of the first one open, what it blocked folded. */
function causeBlock(cause: RootCause): string {
  const first = cause.roots[0];
  const lines = [`#### ${cause.outside ? "⛔" : "❌"} ${cause.number}. ${mdCode(cause.kind)}: ${mdText(cause.diagnosis, MESSAGE_WIDTH)}`, ""];
  const what = cause.outside
    ? `blocked by ${mdCode(cause.outside)}, which is not in this report`
    : `${plural(cause.roots.length, "check")} ${cause.status === "error" ? `errored (${cause.errorKind ?? "error"})` : "failed"} on ${cause.roots.length === 1 ? "its" : "their"} own`;
  lines.push(`${what}${cause.blocked.length > 0 ? `, ${cause.blocked.length} blocked` : ""} · [what ${mdCode(cause.kind)} checks](${catalogLink(cause.kind)})`, "");
  if (cause.roots.length > 1) lines.push(`${cause.status === "error" ? "Errored" : "Failed"}: ${cause.roots.slice(0, ROOT_IDS_SHOWN).map((r) => mdCode(r.id)).join(", ")}${cause.roots.length > ROOT_IDS_SHOWN ? ` and ${cause.roots.length - ROOT_IDS_SHOWN} more` : ""}`, "");
  if (first) {
    lines.push(`${mdCode(first.id)}: ${mdText(first.message ?? "failed", MESSAGE_WIDTH)}`, "");
    const details = first.details ?? [];
    if (details.length > 0) lines.push(...details.slice(0, DETAILS_SHOWN).map((d) => `- ${mdText(d, MESSAGE_WIDTH)}`), ...(details.length > DETAILS_SHOWN ? [`- … ${details.length - DETAILS_SHOWN} more`] : []), "");
    const evidence = evidenceLines(first, MD_BODY_MAX);
    if (evidence.length > 0) lines.push(`${mdText(evidence[0]!.replace(/:$/, ""))}:`, "", mdFence(evidence.slice(1).map((l) => l.replace(/^ {2}/, ""))), "");
    const replay = replayLines(first);
    if (replay.length > 0) lines.push(...replay.map((r) => `- ${mdText(r)}`), "");
  }
  if (cause.blocked.length > 0) {
    lines.push(
      `<details><summary>${cause.blocked.length} blocked: ${mdText(countByGroup(cause.blocked))}</summary>`,
      "",
      ...bySubject(cause.blocked).map((s) => `- ${mdCode(s.subject)} (${s.group}): ${s.checks.map((c) => mdCode(checkKind(c))).join(" ")}`),
      "",
      "</details>",
    );
  }
  return lines.join("\n").replace(/\n+$/, "");
}

function passingLine(subject: SubjectChecks): string {
  return `- ${mdCode(subject.subject)} (${subject.group}): ${subject.checks.filter((c) => !isFailure(c)).map((c) => mdCode(checkKind(c))).join(" ")}`;
}

/** How many of `lines` (joined by newlines) fit in `room` characters. */
function countWithin(room: number, lines: readonly string[]): number {
  let size = 0;
  let count = 0;
  for (const line of lines) {
    size += line.length + 1;
    if (size > room) break;
    count++;
  }
  return count;
}

/** Appends blocks while they fit, keeping room for the closing note. */
class SizeBudget {
  readonly parts: string[] = [];
  private used = 0;
  constructor(private readonly limit: number) {}

  /** How many of `items` fit in one part, after `fixed` characters of that part. */
  howMany(fixed: number, items: readonly string[]): number {
    return countWithin(this.limit - this.used - 2 - fixed, items);
  }

  /** Would a part of this many characters fit? */
  fits(length: number): boolean {
    return this.used + length + 2 <= this.limit;
  }

  add(text: string, until = this.limit): boolean {
    if (!this.fits(text.length) || this.used + text.length + 2 > until) return false;
    this.parts.push(text);
    this.used += text.length + 2; // the blank line that joins parts
    return true;
  }

  /** The size the summary may grow to when a section may fill it up to `share` of the whole room. */
  upToTotal(share: number): number {
    return Math.floor(this.limit * share);
  }

  /** The size a section may grow the summary to, when it may take `share` of the whole room. */
  upTo(share: number): number {
    return this.used + Math.floor(this.limit * share);
  }
}

const NOTE_RESERVE = 400;
/** The parts of the summary the root causes, the failing checks and the subject tables may each take at most. */
const CAUSES_SHARE = 0.35;
const TABLES_SHARE = 0.2;
/** Room for the "… N more subjects" row of a cut table. */
const MORE_ROW_RESERVE = 60;

export function renderSummaryMarkdown(result: RunResult, maxChars = SUMMARY_MAX_CHARS): string {
  const budget = new SizeBudget(maxChars - NOTE_RESERVE);
  const subjects = subjectsOf(result.checks);
  const left: string[] = [];

  if (!budget.add(headline(result).join("\n"))) left.push("part of the overview");
  // The root causes lead: what a reader acts on, each with the evidence and what it blocked.
  const { causes } = rootCausesOf(result.checks);
  const causesUntil = budget.upTo(CAUSES_SHARE);
  const causesShown = causes.findIndex((c, i) => !budget.add(i === 0 ? `### Root causes (${causes.length})\n\n${causeBlock(c)}` : causeBlock(c), causesUntil));
  if (causesShown >= 0) left.push(`${plural(causes.length - causesShown, "root cause")} (of ${causes.length})`);
  const essentials = [overview(result), ...knownDefectsMarkdown(result)];
  for (const part of essentials) if (!budget.add(part)) left.push("part of the overview");

  // Failures before the passing tables.
  const failing = subjects.filter((s) => rootCount(s.counts) > 0);
  // The failing checks may take what is left, but for the tables' share.
  const failingUntil = budget.upToTotal(1 - TABLES_SHARE);
  const failingShown = failing.findIndex((s, i) => !budget.add(i === 0 ? `### Failing checks\n\n${failureBlock(s)}` : failureBlock(s), failingUntil));
  if (failingShown >= 0) left.push(`${plural(failing.length - failingShown, "failing subject")} (of ${failing.length})`);
  if (result.proof && !budget.add(proofMarkdown(result.proof))) left.push("the proof");

  // The tables may take a share of the room, so the passing checks still fit after a long table.
  const groups = GROUPS.map((g) => subjects.filter((s) => s.group === g)).filter((inGroup) => inGroup.length > 0);
  let tableRoom = Math.floor((maxChars - NOTE_RESERVE) * TABLES_SHARE);
  for (const [i, inGroup] of groups.entries()) {
    const { head, rows } = groupTable(GROUP_TITLES[inGroup[0]!.group], inGroup);
    const share = Math.floor(tableRoom / (groups.length - i));
    const shown = Math.min(budget.howMany(head.length + MORE_ROW_RESERVE, rows), countWithin(share - head.length - MORE_ROW_RESERVE, rows));
    const more = rows.length - shown;
    const table = [head, ...rows.slice(0, shown), ...(more > 0 ? [mdRow(["…", plural(more, "more subject"), "", "", ""])] : [])].join("\n");
    if (budget.add(table)) tableRoom -= table.length;
    if (more > 0) left.push(`${plural(more, "row")} of the ${inGroup[0]!.group} table`);
  }

  const passing = subjects.filter((s) => s.counts.passed > 0);
  const passedCount = passing.reduce((n, s) => n + s.counts.passed, 0);
  const open = `<details><summary>${plural(passedCount, "passing check")}</summary>\n`;
  const close = "</details>";
  const shownPassing = failingShown < 0 ? budget.howMany(open.length + close.length + 3, passing.map(passingLine)) : 0;
  if (shownPassing > 0) budget.add(`${open}\n${passing.slice(0, shownPassing).map(passingLine).join("\n")}\n\n${close}`);
  if (shownPassing < passing.length) left.push(shownPassing === 0 ? `the ${plural(passedCount, "passing check")}` : `the passing checks of ${plural(passing.length - shownPassing, "subject")}`);

  budget.add(`Check ids, what each judges and what counts as one root cause: [the check catalog](${catalogLink()}).`);
  const note = left.length === 0
    ? []
    : [`> [!NOTE]\n> Cut to stay under GitHub's comment limit (65 536 characters): ${mdText(left.join(", "), NOTE_RESERVE - 150)} not shown. The run's index.html and results.json have everything.`];
  return `${[...budget.parts, ...note].join("\n\n")}\n`;
}
