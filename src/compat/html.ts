/**
 * reports/compatibility/index.html: the same table as docs/COMPATIBILITY.md, one self-contained
 * page in the conformance report's style, whose cells link to the check in each implementation's
 * own report (reports/compatibility/<implementation>/latest/index.html).
 */
import type { CheckResult } from "../harness/checks.js";
import { checkAnchor } from "../reports/html-matrix.js";
import { REPORT_CSS } from "../reports/html-style.js";
import { escapeAttribute, escapeMarkup } from "../reports/markup.js";
import { oneLine } from "../reports/text.js";
import { checkState, MARKS, notPassingOf, numberedKnownDefects, whyNot, type CompatContext } from "./presentation.js";
import type { CompatColumn, CompatRow, CompatTable } from "./table.js";

export interface CompatHtmlContext extends CompatContext {
  /** The implementation's report, relative to the page. */
  reportOf(columnId: string): string;
}

const COMPAT_CSS = `
.compat th.impl { vertical-align: bottom; white-space: nowrap; }
.compat td.what { color: var(--muted); max-width: 360px; }
.compat .cell a { display: inline-block; min-width: 2.5em; }
.implementations td, .implementations th { border-bottom: 1px solid var(--line); padding: 2px 10px; text-align: left; }
.implementations td.num { text-align: right; font-variant-numeric: tabular-nums; }
.not-passing li { margin: 2px 0; }
.not-passing .known-reason { color: var(--known); }
`;

const checkLink = (context: CompatHtmlContext, column: CompatColumn, check: CheckResult): string => `${context.reportOf(column.id)}#${checkAnchor(check)}`;

function tooltip(checks: readonly CheckResult[]): string {
  return checks.map((c) => oneLine(`${c.id}: ${c.status === "known" ? `known defect: ${c.knownDefect ?? ""}` : c.status === "blocked" ? whyNot(c) : `FAIL: ${c.message ?? ""}`}`, 300)).join("\n");
}

function cell(context: CompatHtmlContext, column: CompatColumn, row: CompatRow, i: number): string {
  const { state, notPassing } = row.cells[i]!;
  if (state === "none") return `<td class="cell none" data-status="none" title="${escapeAttribute(column.skipped ?? "not run")}">${MARKS.none}</td>`;
  if (state === "pass") return `<td class="cell pass" data-status="pass"><a class="cell-link pass" href="${escapeAttribute(context.reportOf(column.id))}">${MARKS.pass}</a></td>`;
  const label = `${MARKS[state]} ${notPassing.length}`;
  return `<td class="cell ${state}" data-status="${state}"><a class="cell-link ${state}" data-check="${escapeAttribute(notPassing[0]!.id)}" href="${escapeAttribute(checkLink(context, column, notPassing[0]!))}" title="${escapeAttribute(tooltip(notPassing))}">${escapeMarkup(label)}</a></td>`;
}

function implementationsTable(table: CompatTable, context: CompatHtmlContext): string {
  const rows = table.columns.map((c) => {
    const counts = c.counts ? [c.counts.checks, c.counts.passed, c.counts.failed + c.counts.errors, c.counts.known].map((n) => `<td class="num">${n}</td>`).join("") : `<td colspan="4">not run: ${escapeMarkup(c.skipped ?? "")}</td>`;
    const name = c.counts ? `<a href="${escapeAttribute(context.reportOf(c.id))}"><code>${escapeMarkup(c.name)}</code></a>` : `<code>${escapeMarkup(c.name)}</code>`;
    return `<tr><th scope="row">${escapeMarkup(c.label)}</th><td>${name}</td><td><code>${escapeMarkup(c.source)}</code></td>${counts}</tr>`;
  });
  return `<table class="implementations"><thead><tr><th>column</th><th>implementation (its report)</th><th>how it runs</th><th>checks</th><th>passed</th><th>failed</th><th>known defects</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function sectionTable(table: CompatTable, context: CompatHtmlContext, title: string, rows: readonly CompatRow[]): string {
  const head = `<tr><th scope="col" class="subject-head">${title.startsWith("Scenarios") ? "scenario" : "sequence"}</th><th scope="col">what</th>${table.columns.map((c) => `<th scope="col" class="impl">${escapeMarkup(c.label)}</th>`).join("")}</tr>`;
  const body = rows.map((row) => {
    const state = row.cells.some((c) => c.state === "fail") ? "fail" : "pass";
    return `<tr class="row ${state}" data-status="${state}"><th scope="row" class="subject"><code>${escapeMarkup(row.subject)}</code></th><td class="what">${escapeMarkup(row.description)}</td>${table.columns.map((column, i) => cell(context, column, row, i)).join("")}</tr>`;
  });
  return `<h2>${escapeMarkup(title)}</h2>\n<div class="matrix-wrap"><table class="matrix compat"><thead>${head}</thead><tbody>${body.join("")}</tbody></table></div>`;
}

function notPassingSection(table: CompatTable, context: CompatHtmlContext): string {
  const parts = table.columns.map((column, i) => {
    const checks = notPassingOf(table, i);
    if (checks.length === 0) return "";
    const known = numberedKnownDefects(column.id, checks);
    const reasons = known.size === 0 ? "" : `<p>Known defects:</p><ol>${[...known.values()].map((k) => `<li id="${k.anchor}" class="known-reason">${escapeMarkup(k.reason)}</li>`).join("")}</ol>`;
    const items = checks.map((c) => {
      const k = c.status === "known" ? known.get(c.knownDefect ?? "") : undefined;
      return `<li data-status="${c.status}">${MARKS[checkState(c)]} <a href="${escapeAttribute(checkLink(context, column, c))}"><code>${escapeMarkup(c.id)}</code></a>: ${escapeMarkup(oneLine(whyNot(c), 300))}${k ? ` (known defect <a href="#${k.anchor}">${k.number}</a>)` : ""}</li>`;
    });
    return `<h3>${escapeMarkup(column.label)}: <code>${escapeMarkup(column.name)}</code></h3>\n${reasons}\n<ul class="not-passing">${items.join("")}</ul>`;
  }).filter(Boolean);
  return `<section id="what-did-not-pass"><h2>What did not pass</h2>\n${parts.length > 0 ? parts.join("\n") : `<p class="empty">Nothing: every implementation passes every check.</p>`}\n</section>`;
}

function typingDefectsSection(table: CompatTable): string {
  const columns = table.columns.filter((c) => c.typingDefects.length > 0);
  if (columns.length === 0) return "";
  const parts = columns.map((c) => `<h3>${escapeMarkup(c.label)}: <code>${escapeMarkup(c.name)}</code></h3><ul>${c.typingDefects.map((d) => `<li><code>${escapeMarkup(d.id)}</code> (rejects <code>${escapeMarkup(d.rejects)}</code>): ${escapeMarkup(d.reason)}</li>`).join("")}</ul>`);
  return `<section id="typing-defects"><h2>Typing defects</h2><p>What an implementation's declared types reject although the documentation sends it. The requests are right, so no check fails.</p>\n${parts.join("\n")}</section>`;
}

export function renderCompatHtml(table: CompatTable, context: CompatHtmlContext): string {
  const failing = table.columns.filter((c) => (c.counts?.failed ?? 0) + (c.counts?.errors ?? 0) > 0);
  const state = failing.length > 0 ? "fail" : "pass";
  const verdict = failing.length > 0 ? `✗ ${failing.length} of ${table.columns.length} implementations fail checks` : `✓ no implementation fails a check beyond its known defects`;
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeMarkup(`Compatibility: ${verdict} · graph-calls-contract`)}</title>`,
    `<style>${REPORT_CSS}${COMPAT_CSS}</style></head>`,
    `<body>`,
    `<header class="verdict ${state}" data-status="${state}"><h1>${escapeMarkup(`Compatibility: ${verdict}`)}</h1>`,
    `<p>${escapeMarkup(`Every documented scenario and notification sequence, against ${table.columns.length} implementations · seed ${context.seed} · ${context.runs} property-based deliveries per sequence`)}</p></header>`,
    `<main>`,
    `<p>${MARKS.pass} every check passes · ${MARKS.fail} a check fails · ${MARKS.blocked} checks blocked by a failure elsewhere · ${MARKS.known} a check fails as a known defect · ${MARKS.none} not run. A cell links to its first check that did not pass in the implementation's report; hover it for all of them.</p>`,
    `<section id="implementations"><h2>Implementations</h2>${implementationsTable(table, context)}</section>`,
    ...table.sections.map((s) => `<section>${sectionTable(table, context, s.title, s.rows)}</section>`),
    notPassingSection(table, context),
    typingDefectsSection(table),
    `<footer>graph-calls-contract compat. The same table: docs/COMPATIBILITY.md.</footer>`,
    `</main>`,
    `</body></html>`,
    "",
  ].join("\n");
}
