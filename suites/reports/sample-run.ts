/**
 * A small hand-made run with a passing and a failing check in each group, a timeline with every
 * kind of POST (batched, duplicated, altered, an action, a 500, an error, a mismatch), and a
 * message full of characters that break markup.
 */
import type { CheckResult, TimelineEntry } from "../../src/harness/checks.js";
import type { RunResult } from "../../src/harness/run.js";

/** Markup characters, C0 controls, DEL, a lone surrogate, a CDATA end and a closing tag. */
export const NASTY_MESSAGE = `Authorization is "Bearer <x>" & 'y' \u0000\u0007\u001b[31m\u007f \uD800 ]]> </details> | \`code\` @odata.type`;

/** A check blocked by FAILING.request, and one that could not run (the bot timed out). */
export const BLOCKED = "create-call.v1.0.ex01/result.call-id";
export const ERRORED = "sequence.call-terminated/acks";

export const FAILING = {
  request: "create-call.v1.0.ex01/http.authorization",
  nasty: "create-call.v1.0.ex01/schema",
  sequence: "sequence.delta-roster/step.delta-1",
  acks: "sequence.delta-roster/acks",
  delivery: "delivery.delta-roster",
} as const;

const observed = (participants: string[]) => ({ state: "established", participants, contentSharingSessions: [], transfer: "none", result: null, terminationReason: null });

export const DOCUMENTED_TIMELINE: TimelineEntry[] = [
  { post: 1, steps: ["established"], status: 202, observed: observed([]), expected: { state: "established" }, mismatches: [] },
  { post: 2, steps: ["delta-1"], status: 202, observed: observed([]), expected: { participants: ["p-1"] }, mismatches: ['participants: expected ["p-1"], observed []'] },
  { post: 3, steps: ["delta-2"], status: 500, observed: observed(["p-1"]) },
];

/** The property-based delivery's failing plan: a batch, a duplicate, an alteration, an action, an error. */
export const DELIVERY_TIMELINE: TimelineEntry[] = [
  { post: 1, steps: ["established", "delta-1", "delta-2"], status: 202, observed: observed(["p-1"]) },
  { post: 2, steps: ["delta-1", "(unknown properties)"], status: 202, observed: observed(["p-1"]) },
  { post: 3, steps: ["transfer (action)"], status: 202, observed: observed(["p-1"]) },
  { post: 4, steps: ["delta-3", "delta-3"], status: null, error: "handleNotification() failed: TimeoutError: handleNotification did not finish within 2000 ms" },
];

/** What the run measured of its notification POSTs (every report gives it). */
export const SAMPLE_LATENCY = { posts: 9, p50Ms: 12, p99Ms: 140, maxMs: 140, budgetMs: 3000, overBudget: 0 };
export const SAMPLE_LATENCY_LINE = "latency: 9 notification POSTs: p50 12 ms, p99 140 ms, max 140 ms (budget 3000 ms each)";

const check = (c: Omit<CheckResult, "durationMs"> & { durationMs?: number }): CheckResult => ({ durationMs: 12, ...c });

export function sampleRun(): RunResult {
  const title = 'create-call example 1 (v1.0) "Create peer-to-peer VoIP call"';
  const sequenceTitle = "Delta roster updates (create-call.fr.v1.0 example 5)";
  return {
    adapter: "sample-bot",
    startedAt: "2026-11-23T09:40:12.345Z",
    durationMs: 2345,
    seed: 42,
    runs: 25,
    latency: SAMPLE_LATENCY,
    checks: [
      check({ id: "create-call.v1.0.ex01/http.sent", group: "requests", subject: "create-call.v1.0.ex01", title: `${title}: the bot sends exactly one request`, status: "passed" }),
      check({ id: FAILING.request, group: "requests", subject: "create-call.v1.0.ex01", title: `${title}: Authorization: Bearer <the token it was given>`, status: "failed", message: "no Authorization header" }),
      check({
        id: FAILING.nasty, group: "requests", subject: "create-call.v1.0.ex01", title: `${title}: the body validates`, status: "failed",
        message: NASTY_MESSAGE, details: ["/callbackUri: missing required property \"callbackUri\" (required)", "/tenantId: must be a valid uuid <format>"],
      }),
      check({ id: BLOCKED, group: "requests", subject: "create-call.v1.0.ex01", title: `${title}: the bot reports the id Graph gave the call in its 201 response`, status: "blocked", blockedBy: FAILING.request, message: "Graph answered 401: no Authorization header" }),
      check({ id: "call-transfer.v1.0.ex01/http.sent", group: "requests", subject: "call-transfer.v1.0.ex01", title: "call-transfer example 1 (v1.0): the bot sends exactly one request", status: "passed" }),
      check({ id: "sequence.delta-roster/step.established", group: "sequences", subject: "delta-roster", title: `${sequenceTitle}: after step established, the bot believes what the docs say`, status: "passed", timeline: DOCUMENTED_TIMELINE }),
      check({ id: FAILING.sequence, group: "sequences", subject: "delta-roster", title: `${sequenceTitle}: after step delta-1, the bot believes what the docs say`, status: "failed", message: 'after POST 2 (delta-1): participants: expected ["p-1"], observed []', timeline: DOCUMENTED_TIMELINE }),
      check({ id: FAILING.acks, group: "sequences", subject: "delta-roster", title: `${sequenceTitle}: every notification POST is answered with a 2xx`, status: "failed", message: "POST 3 (delta-2) answered 500", timeline: DOCUMENTED_TIMELINE }),
      check({ id: "sequence.call-terminated/end", group: "sequences", subject: "call-terminated", title: "An established call ends: the bot ends in the documented state", status: "passed", timeline: [{ post: 1, steps: ["terminated"], status: 202, observed: { state: "terminated" }, expected: { state: "terminated" }, mismatches: [] }] }),
      check({ id: ERRORED, group: "sequences", subject: "call-terminated", title: "An established call ends: every notification POST is answered with a 2xx", status: "error", errorKind: "timeout", message: "POST 1 (terminated) answered handleNotification() failed: handleNotification did not finish within 2000 ms" }),
      check({
        id: FAILING.delivery, group: "deliveries", subject: "delta-roster", title: `${sequenceTitle}: any allowed delivery ends in the documented state`, status: "failed",
        message: "after 4 POSTs (batched, duplicated): handleNotification() failed", timeline: DELIVERY_TIMELINE, seed: 1234, replay: "npx graph-calls-contract conformance --only delivery.delta-roster --seed 1234",
      }),
      check({ id: "delivery.call-terminated", group: "deliveries", subject: "call-terminated", title: "An established call ends: any allowed delivery ends in the documented state", status: "passed", seed: 1234 }),
    ],
  };
}
