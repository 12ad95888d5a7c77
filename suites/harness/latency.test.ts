/** receiver.latency: nearest-rank percentiles over every POST, and a failure that says how many were late. */
import { describe, expect, test } from "vitest";
import { latencyCheck, summarizeLatency } from "../../src/harness/latency.js";

describe("summarizeLatency", () => {
  test("nearest-rank p50 and p99, the max, and the POSTs over the budget", () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1); // 1..200 ms, shuffled below
    const summary = summarizeLatency([...samples].reverse(), 150);
    expect(summary).toEqual({ posts: 200, p50Ms: 100, p99Ms: 198, maxMs: 200, budgetMs: 150, overBudget: 50, histogram: samples.map((ms) => [ms, 1]) });
  });

  test("one sample is every percentile; none is zeros", () => {
    expect(summarizeLatency([7.5], 10)).toMatchObject({ posts: 1, p50Ms: 7.5, p99Ms: 7.5, maxMs: 7.5, overBudget: 0 });
    expect(summarizeLatency([], 10)).toMatchObject({ posts: 0, p50Ms: 0, p99Ms: 0, maxMs: 0, overBudget: 0 });
  });
});

describe("latencyCheck", () => {
  test("passes with the figures when every POST is within the budget (the budget itself included)", () => {
    const check = latencyCheck(summarizeLatency([1, 2, 3000], 3000));
    expect(check).toMatchObject({ id: "receiver.latency", group: "receiver", status: "passed" });
    expect(check.message).toBe("3 notification POSTs: p50 2 ms, p99 3000 ms, max 3000 ms (budget 3000 ms each)");
  });

  test("fails saying how many POSTs were late and the slowest", () => {
    const check = latencyCheck(summarizeLatency([1, 2, 3000.1], 3000));
    expect(check.status).toBe("failed");
    expect(check.message).toMatch(/^1 of 3 POSTs answered later than 3000 ms \(slowest 3000.1 ms\)/);
  });
});
