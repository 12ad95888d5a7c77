/**
 * What every report derives from a run, computed in one place so the formats agree: counts, the
 * kind of a check (a matrix column), subjects in run order, failures first, and how a POST of a
 * timeline reads (batched, duplicated, altered, failed).
 */
import { isRoot, type CheckGroup, type CheckResult, type TimelineEntry } from "../harness/checks.js";
import type { RunResult } from "../harness/run.js";
import { checkKind } from "../harness/check-registry.js";

export const GROUPS: readonly CheckGroup[] = ["run", "requests", "sequences", "deliveries", "receiver"];

export const GROUP_TITLES: Record<CheckGroup, string> = {
  run: "Run",
  requests: "Requests",
  sequences: "Sequences",
  deliveries: "Deliveries (property-based)",
  receiver: "Receiver (notification tokens, latency)",
};

export interface Counts {
  checks: number;
  passed: number;
  /** Failed on their own: roots. */
  failed: number;
  /** Could not be run: roots too. */
  errors: number;
  /** Not judged, because a root kept them from it. */
  blocked: number;
  /** Failed as a known defect says they would: neither passed nor failed. */
  known: number;
}

export function countChecks(checks: readonly CheckResult[]): Counts {
  const count = (status: CheckResult["status"]) => checks.filter((c) => c.status === status).length;
  return { checks: checks.length, passed: count("passed"), failed: count("failed"), errors: count("error"), blocked: count("blocked"), known: count("known") };
}

/**
 * A run that stopped before its end (deadline, circuit breaker, --max-failures, interrupt, crash)
 * is partial: every format says so in these words, near its verdict.
 */
export function partialNote(result: Pick<RunResult, "stopped">): string | undefined {
  const stopped = result.stopped;
  if (!stopped) return undefined;
  const notRun = stopped.subjectsNotRun === 0 ? "" : `; ${stopped.subjectsNotRun} scenario(s) or sequence(s) not judged`;
  return `partial run (${stopped.kind}): ${stopped.reason}${notRun}`;
}

/** Roots: the checks that failed or errored on their own, which the exit code and every verdict count. */
export const rootCount = (counts: Counts): number => counts.failed + counts.errors;

export function countsByGroup(result: RunResult): Record<CheckGroup, Counts> {
  return Object.fromEntries(GROUPS.map((g) => [g, countChecks(result.checks.filter((c) => c.group === g))])) as Record<CheckGroup, Counts>;
}

/** The kind of a check (the check registry's reading of its id): a matrix column, a junit test name, a root cause's kind. */
export { checkKind };

const STEP_PREFIX = "step.";

/** The matrix column of a check: the per-step checks of a sequence share one column, "steps". */
export function matrixColumn(check: Pick<CheckResult, "id">): { column: string; label?: string } {
  const kind = checkKind(check);
  return kind.startsWith(STEP_PREFIX) ? { column: "steps", label: kind.slice(STEP_PREFIX.length) } : { column: kind };
}

export interface SubjectChecks {
  group: CheckGroup;
  subject: string;
  checks: CheckResult[];
  counts: Counts;
}

/** Checks by (group, subject), in the order the run produced them. */
export function subjectsOf(checks: readonly CheckResult[]): SubjectChecks[] {
  const byKey = new Map<string, SubjectChecks>();
  for (const check of checks) {
    const key = `${check.group}\u0000${check.subject}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { group: check.group, subject: check.subject, checks: [], counts: countChecks([]) }));
    entry.checks.push(check);
  }
  for (const entry of byKey.values()) entry.counts = countChecks(entry.checks);
  return [...byKey.values()];
}

/**
 * The titles of one subject's checks share their beginning (the documented example or sequence):
 * say it once, and per check only what differs. Cut at a ": " so no word is split.
 */
export function splitTitles(checks: readonly CheckResult[]): { shared: string; own: (check: CheckResult) => string } {
  if (checks.length < 2) return { shared: "", own: (c) => c.title };
  let prefix = checks[0]!.title;
  for (const c of checks) while (!c.title.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = prefix.lastIndexOf(": ");
  return cut <= 0 ? { shared: "", own: (c) => c.title } : { shared: prefix.slice(0, cut), own: (c) => c.title.slice(cut + 2) };
}

/** A stable sort that puts what failed first and keeps the run's order otherwise. */
export function failuresFirst<T>(items: readonly T[], failed: (item: T) => boolean): T[] {
  return [...items.filter(failed), ...items.filter((item) => !failed(item))];
}

/** A root: failed or errored on its own (blocked checks are folded under their root). */
export const isFailure = (check: CheckResult): boolean => isRoot(check);
export const isBlocked = (check: CheckResult): boolean => check.status === "blocked";
export const isKnownDefect = (check: CheckResult): boolean => check.status === "known";

/** The known defects of a run, grouped by their reason, with the checks each explains. */
export function knownDefectsOf(checks: readonly CheckResult[]): Array<{ reason: string; checks: CheckResult[] }> {
  const byReason = new Map<string, CheckResult[]>();
  for (const c of checks.filter(isKnownDefect)) byReason.set(c.knownDefect ?? "", [...(byReason.get(c.knownDefect ?? "") ?? []), c]);
  return [...byReason].map(([reason, list]) => ({ reason, checks: list }));
}

const LABELS: Record<CheckResult["status"], { mark: string; word: string }> = {
  passed: { mark: "✓", word: "pass" },
  failed: { mark: "✗", word: "FAIL" },
  error: { mark: "‼", word: "ERROR" },
  blocked: { mark: "⊘", word: "blocked" },
  known: { mark: "⚠", word: "known defect" },
};

/** How a check reads in every format: a mark that does not rely on colour, and a word. */
export function statusLabel(check: Pick<CheckResult, "status">): { mark: string; word: string } {
  return LABELS[check.status];
}

/** One box in the picture of a POST. */
export interface StepMark {
  label: string;
  kind: "notification" | "action" | "alteration";
  /** Delivered before, in this POST or an earlier one. */
  duplicate: boolean;
}

export interface PostView {
  entry: TimelineEntry;
  marks: StepMark[];
  /** More than one notification in this POST. */
  batched: boolean;
  /** The bot answered something other than a 2xx, or nothing. */
  badStatus: boolean;
  failed: boolean;
}

const ACTION_SUFFIX = " (action)";
const ALTERATION = /^\((.*)\)$/s;

/** How each POST of a timeline reads: the runner writes actions as "id (action)" and alterations as "(label)". */
export function postViews(timeline: readonly TimelineEntry[]): PostView[] {
  const delivered = new Set<string>();
  return timeline.map((entry) => {
    const marks = entry.steps.map((step): StepMark => {
      if (step.endsWith(ACTION_SUFFIX)) return { label: step.slice(0, -ACTION_SUFFIX.length), kind: "action", duplicate: false };
      const altered = ALTERATION.exec(step);
      if (altered) return { label: altered[1]!, kind: "alteration", duplicate: false };
      const duplicate = delivered.has(step);
      delivered.add(step);
      return { label: step, kind: "notification", duplicate };
    });
    const badStatus = entry.status === null || entry.status < 200 || entry.status > 299;
    const failed = badStatus || Boolean(entry.error) || (entry.mismatches?.length ?? 0) > 0;
    return { entry, marks, batched: marks.filter((m) => m.kind === "notification").length > 1, badStatus, failed };
  });
}

export interface TimelineView {
  /** Stable within the subject: "documented order" or "property-based delivery". */
  label: string;
  timeline: TimelineEntry[];
  /** The checks that carry this timeline. */
  checks: CheckResult[];
  failed: boolean;
}

/** The distinct timelines of a subject's checks (every check of a sequence carries the same one). */
export function timelinesOf(subject: SubjectChecks): TimelineView[] {
  const byContent = new Map<string, TimelineView>();
  for (const check of subject.checks) {
    if (!check.timeline || check.timeline.length === 0) continue;
    const key = JSON.stringify(check.timeline.map((e) => [e.post, e.steps, e.status, e.error, e.mismatches]));
    let view = byContent.get(key);
    if (!view) byContent.set(key, (view = { label: timelineLabel(check), timeline: check.timeline, checks: [], failed: false }));
    view.checks.push(check);
    view.failed ||= isFailure(check);
  }
  return [...byContent.values()];
}

function timelineLabel(check: CheckResult): string {
  if (check.group === "deliveries") return check.seed === undefined ? "property-based delivery" : `property-based delivery, seed ${check.seed}`;
  return "documented order";
}
