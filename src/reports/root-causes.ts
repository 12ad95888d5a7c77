/**
 * Root causes: what a reader acts on. A root is a check that failed or errored on its own; roots of
 * the same kind with the same diagnosis are one cause (one bug reported by ten scenarios reads as
 * one cause), and every blocked check is folded under the cause of the root it leads back to.
 * Every report leads with these, the cause that explains the most checks first.
 *
 * One cause = the same registry kind ("schema", "http.authorization", "step"...), the same status
 * (failed, or error of the same kind), and the same diagnosis: for a schema check its first error
 * (pointer and rule: the error Graph's 400 names), for any other its message; in both, ids that
 * differ from one scenario or sequence to the next (UUIDs, POST numbers, timeouts in ms) are made
 * generic. ROOT_CAUSE_RULE says the same for the reports and docs/checks.md.
 */
import { isRoot, rootOf, type CheckResult, type ErrorKind } from "../harness/checks.js";
import { registryKind } from "../harness/check-registry.js";
import { BODY_MAX_CHARS, evidenceLines } from "./evidence.js";
import { replayLines } from "./timeline-text.js";

export const ROOT_CAUSE_RULE =
  "Checks that failed or errored on their own (roots) are one root cause when they are the same kind of check with the same diagnosis: " +
  "for a schema check its first error (the JSON pointer and the rule: the error Graph's 400 names), for any other check its message, " +
  "with what differs from one scenario or sequence to the next (ids, POST numbers, durations) made generic. " +
  "A blocked check is folded under the cause of the root it leads back to. Causes are listed by how many checks they explain.";

export interface RootCause {
  /** 1-based, in report order. */
  number: number;
  /** The registry kind of its roots ("schema", "http.authorization", "step", "start"). */
  kind: string;
  status: "failed" | "error";
  errorKind?: ErrorKind;
  /** What its roots found, in one line, with what differs between subjects made generic. */
  diagnosis: string;
  /** The checks that failed (or errored) on their own with this diagnosis, in run order. */
  roots: CheckResult[];
  /** The checks they kept from being judged, directly or through another blocked check, in run order. */
  blocked: CheckResult[];
  /**
   * Set when the roots are not in these results (a report of part of a run): the id of the check
   * the blocked checks name, and its message as they quote it.
   */
  outside?: string;
}

export interface RootCauses {
  causes: RootCause[];
  /** Checks blocked by a known defect: nothing to fix beyond the defect, listed with it. */
  blockedByKnown: CheckResult[];
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** What differs from one subject to the next in a message, made generic. */
export function generic(text: string): string {
  return text
    .replace(UUID, "<id>")
    .replace(/\bPOST \d+\b/g, "POST <n>")
    .replace(/\b\d+ POSTs\b/g, "<n> POSTs")
    .replace(/\b\d+ ms\b/g, "<n> ms");
}

/** A root's diagnosis: what it found, comparable across subjects. */
export function diagnosisOf(check: CheckResult): string {
  const text = registryKind(check) === "schema" && check.details?.[0] ? check.details[0] : check.message ?? "";
  return generic(text);
}

export function rootCausesOf(checks: readonly CheckResult[]): RootCauses {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const causes = new Map<string, Omit<RootCause, "number"> & { first: number }>();
  const causeOfRoot = new Map<string, string>();
  checks.forEach((check, index) => {
    if (!isRoot(check)) return;
    const kind = registryKind(check);
    const status = check.status as "failed" | "error";
    const diagnosis = diagnosisOf(check);
    const key = JSON.stringify([kind, status, check.errorKind ?? null, diagnosis]);
    let cause = causes.get(key);
    if (!cause) causes.set(key, (cause = { kind, status, ...(check.errorKind ? { errorKind: check.errorKind } : {}), diagnosis, roots: [], blocked: [], first: index }));
    cause.roots.push(check);
    causeOfRoot.set(check.id, key);
  });
  const blockedByKnown: CheckResult[] = [];
  checks.forEach((check, index) => {
    if (check.status !== "blocked") return;
    const root = rootOf(check, byId);
    if (root) {
      const key = causeOfRoot.get(root.id);
      if (key) causes.get(key)!.blocked.push(check);
      else blockedByKnown.push(check);
      return;
    }
    // The root is not in these results (a shard, a report cut to part of a run): the blocked checks still say who blocked them.
    const id = check.blockedBy ?? "?";
    const key = JSON.stringify(["outside", id]);
    let cause = causes.get(key);
    if (!cause) causes.set(key, (cause = { kind: registryKind({ id }), status: "failed", diagnosis: generic(check.message ?? ""), roots: [], blocked: [], outside: id, first: index }));
    cause.blocked.push(check);
  });
  const ordered = [...causes.values()].sort((a, b) => b.roots.length + b.blocked.length - (a.roots.length + a.blocked.length) || a.first - b.first);
  return { causes: ordered.map(({ first: _first, ...cause }, i) => ({ number: i + 1, ...cause })), blockedByKnown };
}

/** How many checks a cause explains: its roots and what they blocked. */
export const causeSize = (cause: RootCause): number => cause.roots.length + cause.blocked.length;

/** "100 requests, 107 sequences, 20 deliveries": what a list of checks is made of, by group in run order. */
export function countByGroup(checks: readonly CheckResult[]): string {
  const counts = new Map<string, number>();
  for (const c of checks) counts.set(c.group, (counts.get(c.group) ?? 0) + 1);
  return [...counts].map(([group, n]) => `${n} ${group === "run" ? "run" : n === 1 ? group.replace(/ies$/, "y").replace(/s$/, "") : group}`).join(", ");
}

/** Checks by subject, in run order: what a folded list of blocked checks shows. */
export function bySubject(checks: readonly CheckResult[]): Array<{ subject: string; group: CheckResult["group"]; checks: CheckResult[] }> {
  const out = new Map<string, { subject: string; group: CheckResult["group"]; checks: CheckResult[] }>();
  for (const c of checks) {
    const key = `${c.group}\u0000${c.subject}`;
    if (!out.has(key)) out.set(key, { subject: c.subject, group: c.group, checks: [] });
    out.get(key)!.checks.push(c);
  }
  return [...out.values()];
}

/** The cause's one-line heading every format shares: "schema: /mediaConfig/@odata.type: missing … (10 checks failed, 227 blocked)". */
export function causeHeadline(cause: RootCause): string {
  const what = cause.outside ? `blocked by ${cause.outside}, which is not in this report` : `${cause.roots.length} ${cause.status === "error" ? (cause.roots.length === 1 ? "error" : "errors") : cause.roots.length === 1 ? "check failed" : "checks failed"}`;
  return `${cause.kind}: ${cause.diagnosis} (${what}${cause.blocked.length > 0 ? `, ${cause.blocked.length} blocked` : ""})`;
}

export interface CauseTextOptions {
  /** At most this many ids of roots, and of blocked subjects, are named (the rest are counted). */
  maxIds?: number;
  /** The evidence's body is cut at this many characters. */
  bodyMax?: number;
}

/** "a, b, c and 7 more". */
function someOf(names: readonly string[], max: number): string {
  return names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** What the cause blocked, in one line: "227 (100 requests, 107 sequences, 20 deliveries) of call-transfer.beta.ex01, … and 30 more subjects". */
export function blockedSummary(cause: RootCause, max = 6): string | undefined {
  if (cause.blocked.length === 0) return undefined;
  const subjects = bySubject(cause.blocked).map((s) => `${s.subject} (${s.checks.length})`);
  return `${cause.blocked.length} blocked (${countByGroup(cause.blocked)}) in ${subjects.length === 1 ? "" : `${subjects.length} subjects: `}${someOf(subjects, max)}`;
}

/**
 * A cause as plain lines, the same in every text format (stdout, junit, CTRF, GitHub annotations):
 * its headline, its roots, what it blocked, and the evidence of its first root (the request the bot
 * sent, or the notification it was judged after) with its replay.
 */
export function causeLines(cause: RootCause, { maxIds = 6, bodyMax = BODY_MAX_CHARS }: CauseTextOptions = {}): string[] {
  const first = cause.roots[0];
  const lines = [`${cause.number}. ${causeHeadline(cause)}`];
  if (cause.roots.length > 0) lines.push(`   ${cause.status === "error" ? "errored" : "failed"}: ${someOf(cause.roots.map((r) => r.id), maxIds)}`);
  const blockedLine = blockedSummary(cause, maxIds);
  if (blockedLine) lines.push(`   ${blockedLine}`);
  if (first) {
    if (registryKind(first) === "schema" && (first.details?.length ?? 0) > 1) lines.push(`   ${first.id}: ${first.message ?? ""}`, ...first.details!.map((d) => `     ${d}`));
    const evidence = evidenceLines(first, bodyMax);
    if (evidence.length > 0) lines.push(`   ${evidence[0]!.replace(/:$/, "")} (${first.id}):`, ...evidence.slice(1).map((l) => `   ${l}`.trimEnd()));
    lines.push(...replayLines(first).map((l) => `   ${l}`));
  }
  return lines;
}
