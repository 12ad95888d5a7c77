/**
 * The pass/fail matrix: a row per scenario or sequence, a column per check kind. Rows with the same
 * columns share a table (create-call and transfer scenarios have different checks), so no table is
 * mostly empty; a sequence's per-step checks share one "steps" column of labelled chips. Every cell
 * says its verdict in text ("✓", "✗ FAIL") and links to the check.
 */
import type { CheckGroup, CheckResult } from "../harness/checks.js";
import { anchorId, escapeAttribute, escapeMarkup } from "./markup.js";
import { countChecks, isBlocked, isFailure, matrixColumn, isKnownDefect, rootCount, statusLabel } from "./model.js";
import { oneLine } from "./text.js";

interface MatrixRow {
  subject: string;
  cells: Map<string, CheckResult[]>;
  checks: CheckResult[];
}

interface Matrix {
  title: string;
  columns: string[];
  rows: MatrixRow[];
}

const SECTIONS: Array<{ title: string; groups: CheckGroup[] }> = [
  { title: "Scenarios (requests)", groups: ["requests"] },
  { title: "Sequences (documented order and property-based deliveries)", groups: ["sequences", "deliveries"] },
  { title: "Receiver (notification tokens, latency)", groups: ["receiver"] },
];

/** Where a check's details are: its failure card, or its line in the list of every check. */
export const checkAnchor = (check: Pick<CheckResult, "id">): string => anchorId("check", check.id);

function rowsOf(checks: readonly CheckResult[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const check of checks) {
    let row = rows.get(check.subject);
    if (!row) rows.set(check.subject, (row = { subject: check.subject, cells: new Map(), checks: [] }));
    const { column } = matrixColumn(check);
    row.cells.set(column, [...(row.cells.get(column) ?? []), check]);
    row.checks.push(check);
  }
  return [...rows.values()];
}

/** "create-call." from create-call.v1.0.ex01 ... create-call.v1.0.ex10: what names a partition. */
function commonPrefix(ids: string[]): string {
  let prefix = ids[0] ?? "";
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.indexOf(".") + 1);
}

export function matricesOf(checks: readonly CheckResult[]): Matrix[] {
  const matrices: Matrix[] = [];
  for (const section of SECTIONS) {
    const partitions = new Map<string, MatrixRow[]>();
    for (const row of rowsOf(checks.filter((c) => section.groups.includes(c.group)))) {
      const signature = [...row.cells.keys()].join("\u0000");
      partitions.set(signature, [...(partitions.get(signature) ?? []), row]);
    }
    for (const rows of partitions.values()) {
      const prefix = partitions.size > 1 ? commonPrefix(rows.map((r) => r.subject)) : "";
      matrices.push({ title: prefix ? `${section.title}: ${prefix}*` : section.title, columns: [...rows[0]!.cells.keys()], rows });
    }
  }
  return matrices;
}

const verdict = (failed: boolean) => (failed ? "fail" : "pass");
/** A cell is red if any check fails or errors, grey if blocked, amber if the rest include a known defect, green otherwise. */
const cellState = (checks: readonly CheckResult[]) => (checks.some(isFailure) ? "fail" : checks.some(isBlocked) ? "blocked" : checks.some(isKnownDefect) ? "known" : "pass");

function tooltip(check: CheckResult): string {
  const { word } = statusLabel(check);
  const why = check.status === "known" ? check.knownDefect ?? "" : check.status === "blocked" ? `by ${check.blockedBy ?? "?"}: ${check.message ?? ""}` : check.message ?? "";
  return oneLine(`${check.id}: ${word}${why ? `: ${why}` : ""} (${check.title})`, 400);
}

function link(check: CheckResult, label: string, css: string): string {
  const state = cellState([check]); // data-status names the same state as the class, as on every other element of the page
  return `<a class="${css} ${state}" data-status="${state}" data-check="${escapeAttribute(check.id)}" href="#${checkAnchor(check)}" title="${escapeAttribute(tooltip(check))}">${escapeMarkup(label)}</a>`;
}

function cell(checks: CheckResult[] | undefined, column: string): string {
  if (!checks || checks.length === 0) return `<td class="cell none">–</td>`;
  const state = cellState(checks);
  const content = column === "steps"
    ? checks.map((c) => link(c, `${statusLabel(c).mark} ${matrixColumn(c).label ?? ""}`, "chip-link")).join(" ")
    : checks.map((c) => link(c, c.status === "passed" ? "✓" : `${statusLabel(c).mark} ${c.status === "known" ? "known" : statusLabel(c).word}`, "cell-link")).join(" ");
  return `<td class="cell ${state}" data-status="${state}">${content}</td>`;
}

function columnHeader(column: string): string {
  const dot = column.indexOf(".");
  const label = dot > 0 ? `<span class="kind-prefix">${escapeMarkup(column.slice(0, dot + 1))}</span>${escapeMarkup(column.slice(dot + 1))}` : escapeMarkup(column);
  return `<th scope="col" class="${column === "steps" ? "kind kind-steps" : "kind"}"><div>${label}</div></th>`;
}

function row(r: MatrixRow, columns: string[], timelineOf: ReadonlyMap<string, string>): string {
  const counts = countChecks(r.checks);
  const state = verdict(rootCount(counts) > 0);
  const timeline = timelineOf.get(r.subject);
  const name = timeline ? `<a href="#${timeline}" title="its timeline">${escapeMarkup(r.subject)}</a>` : escapeMarkup(r.subject);
  const badge = rootCount(counts) > 0
    ? `<span class="badge fail">✗ ${rootCount(counts)} failed</span>${counts.blocked > 0 ? ` <span class="badge blocked">⊘ ${counts.blocked} blocked</span>` : ""}`
    : counts.blocked > 0
      ? `<span class="badge blocked">⊘ ${counts.blocked} blocked</span>`
      : `<span class="badge pass">✓ ${counts.passed}</span>${counts.known > 0 ? ` <span class="badge known">⚠ ${counts.known} known</span>` : ""}`;
  return `<tr class="row ${state}" data-status="${state}"><th scope="row" class="subject">${name} ${badge}</th>${columns.map((c) => cell(r.cells.get(c), c)).join("")}</tr>`;
}

/** `timelineOf`: subject -> the anchor of its (first) timeline picture, which its row name links to. */
export function renderMatrices(checks: readonly CheckResult[], timelineOf: ReadonlyMap<string, string>): string {
  const matrices = matricesOf(checks);
  if (matrices.length === 0) return `<p class="empty">No checks ran.</p>`;
  return matrices.map((m) => {
    const counts = countChecks(m.rows.flatMap((r) => r.checks));
    return [
      `<h3>${escapeMarkup(m.title)} <span class="badge ${verdict(rootCount(counts) > 0)}">${rootCount(counts) > 0 ? `✗ ${rootCount(counts)} failed` : counts.blocked > 0 ? `⊘ ${counts.blocked} blocked` : "✓ all pass"}</span></h3>`,
      `<div class="matrix-wrap"><table class="matrix"><thead><tr><th scope="col" class="subject-head">subject</th>${m.columns.map(columnHeader).join("")}</tr></thead>`,
      `<tbody>${m.rows.map((r) => row(r, m.columns, timelineOf)).join("")}</tbody></table></div>`,
    ].join("\n");
  }).join("\n");
}
