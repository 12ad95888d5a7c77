/**
 * Receiver duty: Graph expects a notification POST to be answered quickly (202), the work done
 * after; a slow callback gets retries and, in time, no more notifications. Every POST of a run is
 * timed (Session.latencies); the run reports p50/p99/max, and `receiver.latency` fails when a POST
 * took longer than the budget (run --max-latency).
 */
import { kindDoc } from "./check-registry.js";
import { failed, passed, type CheckBase, type CheckResult } from "./checks.js";

export const DEFAULT_MAX_LATENCY_MS = 3_000;
export const LATENCY_CHECK = "receiver.latency";

export interface LatencySummary {
  posts: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  budgetMs: number;
  /** POSTs answered later than the budget. */
  overBudget: number;
  /**
   * Every POST's time as [ms, how many POSTs took it], by ms (times are in tenths of a ms, so the
   * list stays short however many POSTs a soak makes): what merge-reports joins the shards' figures from.
   */
  histogram?: Array<[number, number]>;
}

/** Nearest-rank percentile of sorted samples (0 when there are none). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarizeLatency(latencies: readonly number[], budgetMs: number): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const histogram: Array<[number, number]> = [];
  for (const ms of sorted) {
    const last = histogram.at(-1);
    if (last && last[0] === ms) last[1]++;
    else histogram.push([ms, 1]);
  }
  return { posts: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? 0, budgetMs, overBudget: sorted.filter((ms) => ms > budgetMs).length, histogram };
}

/** The figures of several parts of a run (shards) as one: exactly those of all their POSTs together. */
export function mergeLatency(parts: readonly LatencySummary[], budgetMs: number): LatencySummary {
  return summarizeLatency(parts.flatMap((p) => (p.histogram ?? []).flatMap(([ms, n]) => Array<number>(n).fill(ms))), budgetMs);
}

export function describeLatency(s: LatencySummary): string {
  return `${s.posts} notification POST${s.posts === 1 ? "" : "s"}: p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms (budget ${s.budgetMs} ms each)`;
}

/** The line every report gives about the run's notification POSTs, the same in each; none when nothing was POSTed. */
export function latencyLine(latency: LatencySummary | undefined): string | undefined {
  return latency && latency.posts > 0 ? `latency: ${describeLatency(latency)}` : undefined;
}

/** The same figures as named numbers (junit properties, CTRF extra): none when nothing was POSTed. */
export function latencyFigures(latency: LatencySummary | undefined): Record<`latency.${string}`, number> {
  if (!latency || latency.posts === 0) return {};
  return { "latency.posts": latency.posts, "latency.p50Ms": latency.p50Ms, "latency.p99Ms": latency.p99Ms, "latency.maxMs": latency.maxMs, "latency.budgetMs": latency.budgetMs, "latency.overBudget": latency.overBudget };
}

export function latencyCheckBase(): CheckBase {
  return { id: LATENCY_CHECK, group: "receiver", subject: "receiver", title: kindDoc(LATENCY_CHECK) };
}

export function latencyCheck(summary: LatencySummary): CheckResult {
  const base = latencyCheckBase();
  if (summary.overBudget === 0) return passed({ ...base, message: describeLatency(summary) });
  return failed(base, `${summary.overBudget} of ${summary.posts} POSTs answered later than ${summary.budgetMs} ms (slowest ${summary.maxMs} ms); ${describeLatency(summary)}`);
}
