/** What the Markdown and the HTML of the compatibility table say alike: symbols, anchors, known defects numbered. */
import type { CheckResult } from "../harness/checks.js";
import { anchorId } from "../reports/markup.js";
import type { CellState, CompatTable } from "./table.js";

export interface CompatContext {
  seed: number;
  /** Property-based deliveries per sequence. */
  runs: number;
}

/** In Markdown (GitHub draws emoji). */
export const SYMBOLS: Record<CellState, string> = { pass: "✅", fail: "❌", blocked: "⛔", known: "⚠️", none: "➖" };
/** In HTML: the conformance report's marks, which any text font has (no emoji font needed). */
export const MARKS: Record<CellState, string> = { pass: "✓", fail: "✗", blocked: "⊘", known: "⚠", none: "–" };

/** How a check that did not pass is marked in the lists under the table. */
export const checkState = (c: Pick<CheckResult, "status">): CellState => (c.status === "known" ? "known" : c.status === "blocked" ? "blocked" : "fail");

/** A check that did not pass, in one line: a blocked one names what blocked it. */
export const whyNot = (c: CheckResult): string => (c.status === "blocked" ? `blocked by ${c.blockedBy ?? "?"}: ${c.message ?? ""}` : c.message ?? "");

/** The anchor of an implementation's check in the list of what did not pass. */
export const checkAnchorIn = (columnId: string, check: Pick<CheckResult, "id">): string => anchorId(columnId, check.id);

/** Every check of one column that did not pass, in the table's order. */
export function notPassingOf(table: CompatTable, column: number): CheckResult[] {
  return table.sections.flatMap((s) => s.rows.flatMap((r) => r.cells[column]!.notPassing));
}

/** The reasons of an implementation's known defects, numbered in order of first use, by reason. */
export function numberedKnownDefects(columnId: string, checks: readonly CheckResult[]): Map<string, { number: number; reason: string; anchor: string }> {
  const numbered = new Map<string, { number: number; reason: string; anchor: string }>();
  for (const c of checks) {
    const reason = c.status === "known" ? c.knownDefect ?? "" : undefined;
    if (reason === undefined || numbered.has(reason)) continue;
    const number = numbered.size + 1;
    numbered.set(reason, { number, reason, anchor: anchorId(columnId, `known-defect-${number}`) });
  }
  return numbered;
}
