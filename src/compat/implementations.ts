/**
 * The implementations the compatibility table compares: a data file (implementations/compatibility.json),
 * one entry per column, either an adapter module or a command speaking the process protocol.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../util/paths.js";

export interface CompatImplementation {
  /** Stable, [a-z0-9-]: names its reports folder and its anchors. */
  id: string;
  /** The column's heading. */
  label: string;
  /** An ES module exporting createBot() (a path relative to the working directory). */
  adapter?: string;
  /** Or a shell command speaking the process protocol (PROTOCOL.md). */
  command?: string;
  /** An executable the command needs: without it on PATH, the column is skipped with a note. */
  requires?: string;
  /**
   * A known-defects file (relative to the working directory) for an implementation that cannot export them,
   * such as a command: its checks show as known defects, and one that passes fails as an unexpected pass.
   */
  knownDefects?: string;
}

export const DEFAULT_IMPLEMENTATIONS_FILE = path.join(PROJECT_ROOT, "implementations", "compatibility.json");

/** Read and check the list; a malformed entry is an error that names the file, the entry and what is wrong. */
export function readImplementations(file: string): CompatImplementation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const list = (parsed as { implementations?: unknown } | null)?.implementations;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${file}: expected { "implementations": [ ... ] } with at least one entry`);
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const problem = entryProblem(entry, seen);
    if (problem) throw new Error(`${file}: implementations[${i}]: ${problem}`);
    seen.add((entry as CompatImplementation).id);
    return entry as CompatImplementation;
  });
}

function entryProblem(entry: unknown, seen: ReadonlySet<string>): string | undefined {
  if (typeof entry !== "object" || entry === null) return "not an object";
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(e.id)) return `"id" must be lower-case letters, digits and dashes (got ${JSON.stringify(e.id)})`;
  if (seen.has(e.id)) return `"id" ${e.id} is used twice`;
  if (typeof e.label !== "string" || e.label.trim() === "") return `"label" must be a non-empty string`;
  if ((typeof e.adapter === "string") === (typeof e.command === "string")) return `give either "adapter" (a module) or "command" (a shell command), not ${e.adapter === undefined ? "neither" : "both"}`;
  if (e.requires !== undefined && typeof e.requires !== "string") return `"requires" must be the name of an executable`;
  if (e.knownDefects !== undefined && typeof e.knownDefects !== "string") return `"knownDefects" must be the path of a known-defects file`;
  const unknown = Object.keys(e).filter((k) => !["id", "label", "adapter", "command", "requires", "knownDefects"].includes(k));
  return unknown.length > 0 ? `unknown field(s) ${unknown.join(", ")}` : undefined;
}
