/**
 * The compatibility table's model, shared by the Markdown and the HTML: a row per scenario or
 * sequence, a column per implementation, and in each cell the verdict and the checks that did not
 * pass (failed, or failed as a known defect).
 */
import { isRoot, rootOf, type CheckResult } from "../harness/checks.js";
import { countChecks, type Counts } from "../reports/model.js";
import { loadScenarios, loadSequences } from "../sequences/load.js";
import type { CompatRun, TypingDefect } from "./run-implementations.js";

/**
 * "fail": a check failed or errored. "blocked": none did, but some could not be judged (a check
 * elsewhere they depend on did not pass). "known": every check that did not pass is a known defect
 * of the implementation. "none": it has no check here (skipped).
 */
export type CellState = "pass" | "fail" | "blocked" | "known" | "none";

export interface CompatCell {
  state: CellState;
  /** The checks that failed or are known defects, in run order. */
  notPassing: CheckResult[];
}

export interface CompatColumn {
  id: string;
  label: string;
  /** What the implementation calls itself: a package and its version, or the command. */
  name: string;
  /** How it ran: "adapter <module>" or "command <cmd>". */
  source: string;
  /** Its checks, counted: absent when it was skipped. */
  counts?: Counts;
  typingDefects: TypingDefect[];
  skipped?: string;
}

export interface CompatRow {
  subject: string;
  description: string;
  cells: CompatCell[];
}

export interface CompatSection {
  title: string;
  rows: CompatRow[];
}

export interface CompatTable {
  columns: CompatColumn[];
  sections: CompatSection[];
}

const SECTIONS = [
  { title: "Scenarios: the create call and transfer requests", groups: ["requests"] },
  { title: "Sequences: the notifications, in their documented order and in property-based deliveries", groups: ["sequences", "deliveries"] },
  { title: "Receiver: notification tokens and answer latency", groups: ["receiver"] },
] as const;

export function compatTable(runs: readonly CompatRun[], describe: (subject: string) => string = documentedDescription()): CompatTable {
  const columns = runs.map(({ implementation: i, name, result, skipped, typingDefects }): CompatColumn => ({
    id: i.id,
    label: i.label,
    name,
    source: i.command !== undefined ? `command ${i.command}` : `adapter ${i.adapter}`,
    typingDefects: typingDefects ?? [],
    ...(result ? { counts: countChecks(result.checks) } : {}),
    ...(skipped ? { skipped } : {}),
  }));
  const checksOf = runs.map((run) => bySubject(run.result?.checks ?? []));
  const indexOf = runs.map((run) => new Map((run.result?.checks ?? []).map((c) => [c.id, c])));
  const sections = SECTIONS.map(({ title, groups }) => {
    const subjects = new Set<string>();
    for (const run of runs) for (const c of run.result?.checks ?? []) if ((groups as readonly string[]).includes(c.group)) subjects.add(c.subject);
    const rows = [...subjects].map((subject) => ({ subject, description: describe(subject), cells: checksOf.map((of, i) => cellOf(of.get(subject) ?? [], indexOf[i]!)) }));
    return { title, rows };
  });
  return { columns, sections: sections.filter((s) => s.rows.length > 0) };
}

function bySubject(checks: readonly CheckResult[]): Map<string, CheckResult[]> {
  const map = new Map<string, CheckResult[]>();
  for (const c of checks) map.set(c.subject, [...(map.get(c.subject) ?? []), c]);
  return map;
}

/** `byId`: the implementation's checks, to see what a blocked check leads back to (a known defect blocks nothing that matters). */
function cellOf(checks: readonly CheckResult[], byId: ReadonlyMap<string, CheckResult>): CompatCell {
  const notPassing = checks.filter((c) => c.status !== "passed");
  const blockedByFailure = notPassing.some((c) => c.status === "blocked" && rootOf(c, byId)?.status !== "known");
  const state: CellState = checks.length === 0 ? "none" : notPassing.some(isRoot) ? "fail" : blockedByFailure ? "blocked" : notPassing.length > 0 ? "known" : "pass";
  return { state, notPassing };
}

/**
 * What a scenario or sequence is, in a few words: a scenario's intent ("call a user, app-hosted
 * media, audio", after its example's title), a sequence's first sentence.
 */
export function documentedDescription(): (subject: string) => string {
  const descriptions = new Map<string, string>([...loadScenarios(), ...loadSequences()].map((s) => [s.id, s.description]));
  descriptions.set("receiver", "Notification tokens checked (auth.*) and every POST answered within the budget (receiver.latency)");
  return (subject) => {
    const text = descriptions.get(subject) ?? "";
    const intent = /^(?:create-call|call-transfer) example .*?(?:\)|") ?: (.*)$/.exec(text);
    return intent ? intent[1]! : text.split(/(?<=[.:]) /)[0]!.replace(/[.:]$/, "");
  };
}
