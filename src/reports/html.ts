/**
 * index.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) that opens
 * from a CI artifact: the verdict, the pass/fail matrix, every failure with its evidence, and a
 * timeline picture per sequence. "Show only failures" is a checkbox read by CSS alone.
 */
import type { CheckResult } from "../harness/checks.js";
import { latencyLine } from "../harness/latency.js";
import type { RunResult } from "../harness/run.js";
import { checkAnchor, renderMatrices } from "./html-matrix.js";
import { REPORT_CSS } from "./html-style.js";
import { renderTimelineSvg } from "./html-timeline.js";
import { anchorId, escapeAttribute, escapeMarkup } from "./markup.js";
import { proofHtml } from "./proof.js";
import { checkKind, countChecks, countsByGroup, GROUP_TITLES, GROUPS, isFailure, rootCount, splitTitles, subjectsOf, timelinesOf, type SubjectChecks, type TimelineView, knownDefectsOf, partialNote, statusLabel } from "./model.js";
import { catalogLink } from "./check-catalog.js";
import { evidenceLines } from "./evidence.js";
import { bySubject, causeHeadline, countByGroup, rootCausesOf, ROOT_CAUSE_RULE, type RootCause } from "./root-causes.js";
import { formatDuration, plural } from "./text.js";
import { replayLines } from "./timeline-text.js";

function header(result: RunResult): string {
  const totals = countChecks(result.checks);
  const failed = rootCount(totals) > 0;
  const partial = partialNote(result);
  const latency = latencyLine(result.latency);
  const state = failed || totals.checks === 0 || partial ? "fail" : "pass"; // a run that checked nothing, or not everything, is not a pass
  const known = totals.known > 0 ? ` (${totals.known} known defect${totals.known === 1 ? "" : "s"})` : "";
  const blockedNote = totals.blocked > 0 ? `, ${totals.blocked} blocked` : "";
  const verdict = totals.checks === 0 ? "NO CHECKS RAN" : partial && !failed ? `PARTIAL: ${totals.passed} of ${plural(totals.checks, "check")} passed` : failed ? `✗ FAILED: ${rootCount(totals)} of ${plural(totals.checks, "check")}${blockedNote}` : totals.known > 0 ? `✓ PASSED${known}: ${totals.passed} of ${plural(totals.checks, "check")}` : `✓ PASSED: all ${plural(totals.checks, "check")}`;
  const byGroup = countsByGroup(result);
  const groups = GROUPS.filter((g) => g !== "run").map((g) => `${GROUP_TITLES[g]} ${byGroup[g].checks === 0 ? "not run" : `${byGroup[g].passed}/${byGroup[g].checks}`}`).join(" · ");
  return [
    `<header class="verdict ${state}" data-status="${state}">`,
    `<h1>${escapeMarkup(verdict)}: conformance of <code>${escapeMarkup(result.adapter)}</code></h1>`,
    `<p>${escapeMarkup(groups)}</p>`,
    `<p>${escapeMarkup(`${formatDuration(result.durationMs)} · seed ${result.seed} · ${result.runs} property-based runs per sequence${result.observationVersion ? ` · observation version ${result.observationVersion}` : ""} · started ${result.startedAt}`)}</p>`,
    ...(partial ? [`<p class="partial" data-partial="${escapeAttribute(result.stopped!.kind)}">⚠ ${escapeMarkup(partial)}</p>`] : []),
    ...(latency ? [`<p class="latency">${escapeMarkup(latency)}</p>`] : []),
    `</header>`,
  ].join("\n");
}

function toolbar(failures: number): string {
  return [
    `<nav class="toolbar" aria-label="report">`,
    `<span><input type="checkbox" id="only-failures"><label for="only-failures">Show only failures</label></span>`,
    `<a href="#root-causes">Root causes</a>`,
    `<a href="#matrix">Matrix</a>`,
    `<a href="#failures">Failures (${failures})</a>`,
    `<a href="#timelines">Timelines</a>`,
    `<a href="#all-checks">All checks</a>`,
    `</nav>`,
  ].join("\n");
}

function replayBlock(check: CheckResult): string {
  const lines = replayLines(check);
  return lines.length === 0 ? "" : `<p class="replay">${lines.map((l) => `<code>${escapeMarkup(l)}</code>`).join(" ")}</p>`;
}

/** What a check was judged on (the request the bot sent, the notification delivered), beside its errors. */
function evidenceBlock(check: CheckResult, open: boolean): string {
  const lines = evidenceLines(check);
  if (lines.length === 0) return "";
  const body = lines.slice(1).map((l) => l.replace(/^ {2}/, "")).join("\n");
  return `<details class="evidence"${open ? " open" : ""}><summary>${escapeMarkup(lines[0]!.replace(/:$/, ""))}</summary><pre>${escapeMarkup(body)}</pre></details>`;
}

function failingCheck(check: CheckResult, ownTitle: string, timeline: string | undefined): string {
  const details = check.details && check.details.length > 0 ? `<ul class="details">${check.details.map((d) => `<li><code>${escapeMarkup(d)}</code></li>`).join("")}</ul>` : "";
  return [
    `<li class="check fail" id="${checkAnchor(check)}" data-status="fail" data-check="${escapeAttribute(check.id)}">`,
    `<h4><span class="marker">${escapeMarkup(`${statusLabel(check).mark} ${statusLabel(check).word}`)}</span> <code>${escapeMarkup(check.id)}</code>${timeline ? ` <a class="to-timeline" href="#${timeline}">timeline ↓</a>` : ""}</h4>`,
    `<p class="title">${escapeMarkup(ownTitle)}</p>`,
    `<p class="message">${escapeMarkup(check.message ?? "failed")}</p>`,
    details,
    evidenceBlock(check, false),
    replayBlock(check),
    `</li>`,
  ].filter(Boolean).join("\n");
}

/** A card per failing subject: what it is once, then each failing check with its evidence. */
function failureCard(subject: SubjectChecks, timelineOfCheck: ReadonlyMap<string, string>): string {
  const titles = splitTitles(subject.checks);
  const failing = subject.checks.filter(isFailure);
  return [
    `<article class="subject-card fail" data-status="fail">`,
    `<h3><span class="marker">✗</span> ${escapeMarkup(subject.subject)} <span class="badge fail">${escapeMarkup(`${subject.group}: ${rootCount(subject.counts)} of ${plural(subject.counts.checks, "check")} failed`)}</span></h3>`,
    titles.shared ? `<p class="title">${escapeMarkup(titles.shared)}</p>` : "",
    `<ul class="checks">${failing.map((c) => failingCheck(c, titles.own(c), timelineOfCheck.get(c.id))).join("\n")}</ul>`,
    `</article>`,
  ].filter(Boolean).join("\n");
}

function failuresSection(checks: readonly CheckResult[], timelineOfCheck: ReadonlyMap<string, string>): string {
  const failing = checks.filter(isFailure);
  const body = failing.length === 0
    ? `<p class="empty">No check failed.</p>`
    : [
        `<ol class="failure-index">${failing.map((c) => `<li><a href="#${checkAnchor(c)}"><code>${escapeMarkup(c.id)}</code></a></li>`).join("")}</ol>`,
        ...subjectsOf(checks).filter((s) => rootCount(s.counts) > 0).map((s) => failureCard(s, timelineOfCheck)),
      ].join("\n");
  return `<section id="failures"><h2>Failures (${failing.length})</h2>\n${body}\n</section>`;
}

/** A root cause: what its roots found, which they are, the evidence of the first, what they blocked (folded). */
function causeCard(cause: RootCause): string {
  const first = cause.roots[0];
  const blockedList = bySubject(cause.blocked)
    .map((s) => `<li><code>${escapeMarkup(s.subject)}</code> (${escapeMarkup(s.group)}): ${s.checks.map((c) => `<code title="${escapeAttribute(`blocked by ${c.blockedBy ?? "?"}`)}">${escapeMarkup(checkKind(c))}</code>`).join(" ")}</li>`)
    .join("");
  return [
    `<article class="root-cause subject-card ${cause.outside ? "blocked" : "fail"}" data-status="${cause.outside ? "blocked" : "fail"}" id="cause-${cause.number}">`,
    `<h3><span class="marker">${cause.number}.</span> ${escapeMarkup(causeHeadline(cause))}</h3>`,
    `<p class="title"><a href="${escapeAttribute(catalogLink(cause.kind))}">what <code>${escapeMarkup(cause.kind)}</code> checks</a></p>`,
    cause.roots.length > 0 ? `<p>${cause.status === "error" ? "Errored" : "Failed"}: ${cause.roots.map((r) => `<a href="#${checkAnchor(r)}"><code>${escapeMarkup(r.id)}</code></a>`).join(", ")}</p>` : "",
    first?.message ? `<p class="message">${escapeMarkup(first.message)}</p>` : "",
    first?.details?.length ? `<ul class="details">${first.details.map((d) => `<li><code>${escapeMarkup(d)}</code></li>`).join("")}</ul>` : "",
    first ? evidenceBlock(first, true) : "",
    first ? replayBlock(first) : "",
    cause.blocked.length > 0 ? `<details class="blocked-list"><summary>${escapeMarkup(`${cause.blocked.length} blocked: ${countByGroup(cause.blocked)}`)}</summary><ul>${blockedList}</ul></details>` : "",
    `</article>`,
  ].filter(Boolean).join("\n");
}

/** First on the page: the root causes, the one that explains the most checks first. */
function rootCausesSection(checks: readonly CheckResult[]): string {
  const { causes } = rootCausesOf(checks);
  const body = causes.length === 0 ? `<p class="empty">No check failed.</p>` : causes.map(causeCard).join("\n");
  return `<section id="root-causes"><h2>Root causes (${causes.length})</h2>\n<p class="rule">${escapeMarkup(ROOT_CAUSE_RULE)} <a href="${escapeAttribute(catalogLink())}">The check catalog</a>.</p>\n${body}\n</section>`;
}

const LEGEND = [
  `<div class="legend">`,
  `<span><span class="key">step</span> a notification step</span>`,
  `<span><span class="key key-batch">batch of N</span> steps sent in one POST</span>`,
  `<span><span class="key key-dup">↻ step (dup)</span> delivered again</span>`,
  `<span><span class="key key-action">▶ step</span> an action the bot was asked to take</span>`,
  `<span><span class="key key-altered">✎ label</span> the body was altered</span>`,
  `<span><span class="key key-fail">✗</span> a non-2xx answer, an error, or a mismatch</span>`,
  `</div>`,
].join("");

/** A timeline picture with where it is: the anchor links from the matrix and the failure cards point to. */
interface PlacedTimeline {
  subject: string;
  group: CheckResult["group"];
  view: TimelineView;
  anchor: string;
}

function placeTimelines(checks: readonly CheckResult[]): PlacedTimeline[] {
  return subjectsOf(checks).flatMap((s) => timelinesOf(s).map((view, i) => ({ subject: s.subject, group: s.group, view, anchor: anchorId("timeline", `${s.group}/${s.subject}/${i + 1}`) })));
}

function timelineSection({ subject, group, view, anchor }: PlacedTimeline): string {
  const state = view.failed ? "fail" : "pass";
  const replay = group === "deliveries" ? view.checks.map(replayBlock).join("") : "";
  const label = `${subject}: ${view.label}`;
  return [
    `<section class="timeline ${state}" data-status="${state}" id="${anchor}">`,
    `<h3>${view.failed ? "✗ " : "✓ "}${escapeMarkup(label)} <span class="badge ${state}">${escapeMarkup(plural(view.timeline.length, "POST"))}</span></h3>`,
    replay,
    `<div class="timeline-scroll">${renderTimelineSvg(view.timeline, `Timeline of ${label}`)}</div>`,
    `</section>`,
  ].filter(Boolean).join("\n");
}

function knownDefectsHtml(checks: readonly CheckResult[]): string {
  const known = knownDefectsOf(checks);
  if (known.length === 0) return "";
  return [
    `<section id="known-defects"><h2>Known defects (${known.reduce((n, k) => n + k.checks.length, 0)})</h2>`,
    `<p>Checks this implementation is known to fail. They do not fail the run; if one starts passing, the run fails with "unexpected pass" so the entry gets removed.</p>`,
    ...known.map((k) => `<div class="known-defect"><p><strong>⚠ ${escapeMarkup(k.reason)}</strong></p><ul>${k.checks.map((c) => `<li class="check known" data-status="known"><code>${escapeMarkup(c.id)}</code>: ${escapeMarkup(c.message ?? "")}</li>`).join("")}</ul></div>`),
    `</section>`,
  ].join("\n");
}

function allChecks(checks: readonly CheckResult[]): string {
  const rows = checks.map((c) => {
    const anchor = isFailure(c) ? "" : ` id="${checkAnchor(c)}"`;
    const id = isFailure(c) ? `<a href="#${checkAnchor(c)}"><code>${escapeMarkup(c.id)}</code></a>` : `<code>${escapeMarkup(c.id)}</code>`;
    const seed = c.seed === undefined ? "" : ` <code>seed ${c.seed}</code>`;
    const about = c.status === "blocked" ? `${c.title} (blocked by ${c.blockedBy ?? "?"})` : c.status === "passed" && c.message ? `${c.title}: ${c.message}` : c.title;
    return `<tr class="${c.status}"${anchor}><td class="status">${statusLabel(c).mark} ${statusLabel(c).word}</td><td>${id}${seed}</td><td>${escapeMarkup(about)}</td><td class="mono">${escapeMarkup(formatDuration(c.durationMs))}</td></tr>`;
  });
  return [
    `<section id="all-checks"><h2>All checks (${checks.length})</h2>`,
    `<details><summary>Every check with its title, in run order</summary>`,
    `<table class="all-checks"><thead><tr><th>status</th><th>check</th><th>title</th><th>time</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    `</details></section>`,
  ].join("\n");
}

export function renderHtml(result: RunResult): string {
  const timelines = placeTimelines(result.checks);
  const timelineOfSubject = new Map<string, string>();
  const timelineOfCheck = new Map<string, string>();
  for (const t of timelines) {
    if (!timelineOfSubject.has(t.subject)) timelineOfSubject.set(t.subject, t.anchor);
    for (const c of t.view.checks) timelineOfCheck.set(c.id, t.anchor);
  }
  const totals = countChecks(result.checks);
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeMarkup(`${rootCount(totals) > 0 ? "✗" : "✓"} ${result.adapter}: ${rootCount(totals)} failed, ${totals.passed} passed · graph-calls-contract`)}</title>`,
    `<style>${REPORT_CSS}</style></head>`,
    `<body>`,
    header(result),
    toolbar(rootCount(totals)),
    `<main>`,
    rootCausesSection(result.checks),
    `<section id="matrix"><h2>Pass/fail matrix</h2>`,
    `<p>A row per scenario or sequence, a column per kind of check; a cell links to its check, a subject to its timeline.</p>`,
    renderMatrices(result.checks, timelineOfSubject),
    `</section>`,
    failuresSection(result.checks, timelineOfCheck),
    knownDefectsHtml(result.checks),
    ...(result.proof ? [proofHtml(result.proof)] : []),
    `<section id="timelines"><h2>Timelines</h2>`,
    timelines.length === 0 ? `<p class="empty">No sequence ran.</p>` : `${LEGEND}\n${timelines.map(timelineSection).join("\n")}`,
    `</section>`,
    allChecks(result.checks),
    `<footer>graph-calls-contract conformance report. Machine-readable: results.json (schema: results.schema.json); CI: junit.xml; pull requests: summary.md. What each check judges: <a href="${escapeAttribute(catalogLink())}">the check catalog</a>.</footer>`,
    `</main>`,
    `</body></html>`,
    "",
  ].join("\n");
}
