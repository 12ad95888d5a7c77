/**
 * GitHub-flavoured Markdown from untrusted text: a bot's message must not open HTML, close the
 * report's <details>, split a table cell, or mention a GitHub user ("@odata.type" would).
 */
import { oneLine } from "./text.js";

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Inline text: HTML characters as entities, emphasis and link punctuation escaped, @words as code. */
export function mdText(text: string, max = Infinity): string {
  return oneLine(text, max)
    .split(/(@[\w.-]+)/)
    .map((part, i) => (i % 2 === 1 ? mdCode(part) : part.replace(/[&<>]/g, (ch) => HTML[ch]!).replace(/[\\`*_[\]~]/g, "\\$&")))
    .join("");
}

/** An inline code span that survives backticks in the text. */
export function mdCode(text: string, max = Infinity): string {
  const content = oneLine(text, max);
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function mdFence(lines: readonly string[], info = "text"): string {
  const body = lines.join("\n");
  const longestRun = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}

/** A table row; pipes in cells are escaped (GFM splits cells before it reads code spans). */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
}

/** A table's header (two lines) and rows, apart so a caller can cut rows. */
export function mdTableParts(header: readonly string[], align: ReadonlyArray<"left" | "right">, rows: ReadonlyArray<readonly string[]>): { head: string; rows: string[] } {
  return { head: `${mdRow(header)}\n|${align.map((a) => (a === "right" ? "---:" : "---")).join("|")}|`, rows: rows.map(mdRow) };
}

export function mdTable(header: readonly string[], align: ReadonlyArray<"left" | "right">, rows: ReadonlyArray<readonly string[]>): string {
  const parts = mdTableParts(header, align, rows);
  return [parts.head, ...parts.rows].join("\n");
}
