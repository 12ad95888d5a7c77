/**
 * What ends a run before its end (src/harness/run-limits.ts): the circuit breaker, the deadline, an
 * interrupt. Each still gives a result, marked partial (`stopped`), in which the checks not made
 * are errors (deadline, breaker: the implementation's doing) or left out (interrupt). In process,
 * with the reference bot slowed or hung, so that no process and little time is spent.
 */
import { describe, expect, test } from "vitest";
import type { AdapterModule, BotUnderTest } from "../../src/harness/adapter.js";
import { runConformance, type RunOptions, type RunResult } from "../../src/harness/run.js";
import { createBot as reference } from "../../implementations/reference/index.js";
import { parseXml, elementsNamed } from "../reports/xml.js";
import { renderJunit } from "../../src/reports/junit.js";
import { renderSummaryMarkdown } from "../../src/reports/markdown.js";
import { renderHtml } from "../../src/reports/html.js";
import { renderCtrf } from "../../src/reports/ctrf.js";
import { renderConsoleSummary } from "../../src/reports/console.js";
import { toResultsV2 } from "../../src/reports/results-json.js";
import { resultsValidator } from "../reports/results-validator.js";

const never = () => new Promise<never>(() => {});

/** Starts, then never answers anything. */
const hanging: AdapterModule = {
  createBot: (): BotUnderTest => ({ start: async () => ({ callbackUrl: "http://bot.invalid/api/calls" }), createCall: never, transfer: never, handleNotification: never, observe: never, stop: async () => {} }),
};

/** The reference bot, each of whose calls waits `ms` first. */
function slowed(ms: number): AdapterModule {
  return {
    createBot: () => {
      const bot = reference();
      const later = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
        await new Promise((r) => setTimeout(r, ms));
        return f(...args);
      };
      return { ...bot, start: bot.start.bind(bot), stop: bot.stop.bind(bot), createCall: later(bot.createCall.bind(bot)), transfer: later(bot.transfer.bind(bot)), handleNotification: later(bot.handleNotification.bind(bot)), observe: later(bot.observe.bind(bot)) };
    },
  };
}

const run = (options: Partial<RunOptions> & Pick<RunOptions, "adapter">): Promise<RunResult> =>
  runConformance({ adapterName: "limited", seed: 1, runs: 0, stepTimeoutMs: 150, ...options });

const notRun = (r: RunResult) => r.checks.filter((c) => c.message?.startsWith("not run: "));
const timedOut = (r: RunResult, ms = 150) => r.checks.filter((c) => c.message?.includes(`did not finish within ${ms} ms`));

describe("the circuit breaker", () => {
  test("a bot that hangs on every call: 3 calls time out, then every check not made is an error (timeout), listed at once", async () => {
    const r = await run({ adapter: hanging, maxConsecutiveTimeouts: 3 });
    expect(r.stopped).toMatchObject({ kind: "circuit-breaker", reason: expect.stringContaining("3 calls in a row into the implementation timed out") });
    // Three subjects asked for a call (each timed out); none after them did.
    expect(new Set(timedOut(r).map((c) => c.subject)).size).toBe(3);
    expect(notRun(r).length).toBeGreaterThan(100);
    expect(notRun(r).every((c) => c.status === "error" && c.errorKind === "timeout")).toBe(true);
    expect(r.stopped!.subjectsNotRun).toBe(new Set(notRun(r).map((c) => c.subject)).size);
  });

  test("0 turns it off: every subject waits out its own timeout", async () => {
    const r = await run({ adapter: hanging, maxConsecutiveTimeouts: 0, only: "create-call.v1.0.ex0[1-4]" });
    expect(r.stopped).toBeUndefined();
    expect(new Set(timedOut(r).map((c) => c.subject)).size).toBe(4);
  });

  test("timeouts that are not in a row do not trip it: a bot that answers in between is judged in full", async () => {
    // Every other createCall hangs.
    const alternating: AdapterModule = {
      createBot: () => {
        const bot = reference();
        let calls = 0;
        return { ...bot, start: bot.start.bind(bot), stop: bot.stop.bind(bot), transfer: bot.transfer.bind(bot), handleNotification: bot.handleNotification.bind(bot), observe: bot.observe.bind(bot), createCall: (intent) => (++calls % 2 === 1 ? never() : bot.createCall(intent)) };
      },
    };
    const only = "create-call.v1.0.ex0[1-4]";
    // The calls that answer must answer within the step timeout on a loaded machine: the same run once
    // first takes the cold start (module loading) out of them, and 1 s leaves them room.
    await run({ adapter: slowed(0), stepTimeoutMs: 60_000, only });
    const r = await run({ adapter: alternating, maxConsecutiveTimeouts: 2, stepTimeoutMs: 1_000, only });
    expect(r.stopped).toBeUndefined();
    expect(new Set(timedOut(r, 1_000).map((c) => c.subject))).toEqual(new Set(["create-call.v1.0.ex01", "create-call.v1.0.ex03"]));
    expect(r.checks.filter((c) => (c.subject === "create-call.v1.0.ex02" || c.subject === "create-call.v1.0.ex04") && c.status !== "passed").map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });
});

describe("the run's deadline", () => {
  test("past it, the call in progress is cut short and every check not yet made is an error (timeout); what ran before keeps its verdict", async () => {
    // The reference bot until the first subject is judged, then a bot that never answers: the
    // deadline, not the speed of the machine, decides where the run stops.
    let hang = false;
    const untilFirst: AdapterModule = {
      createBot: () => {
        const bot = reference();
        const unless = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => (...args: A): Promise<R> => (hang ? never() : f(...args));
        return { ...bot, start: bot.start.bind(bot), stop: bot.stop.bind(bot), createCall: unless(bot.createCall.bind(bot)), transfer: unless(bot.transfer.bind(bot)), handleNotification: unless(bot.handleNotification.bind(bot)), observe: unless(bot.observe.bind(bot)) };
      },
    };
    const r = await run({ adapter: untilFirst, stepTimeoutMs: 60_000, deadlineMs: 5_000, maxConsecutiveTimeouts: 0, onProgress: () => { hang = true; } });
    expect(r.stopped).toMatchObject({ kind: "deadline", reason: "the run's deadline passed (5 s, run --deadline)" });
    expect(r.checks.filter((c) => c.group !== "run" && c.status === "passed").length).toBeGreaterThan(0);
    expect(notRun(r).length).toBeGreaterThan(0);
    // The subject in progress ended at the deadline, with it as its reason, not after its step timeout.
    expect(r.checks.some((c) => !c.message?.startsWith("not run: ") && /the run's deadline passed/.test(c.message ?? ""))).toBe(true);
    expect(r.durationMs).toBeLessThan(60_000);
  });
});

describe("an interrupt (the CLI aborts the run on SIGINT or SIGTERM)", () => {
  test("the subject in progress is dropped, the rest not made, and the result says how many were not judged", async () => {
    // Aborted as the second subject reports its progress: it is still in progress for the run, and dropped.
    const stop = new AbortController();
    let done = 0;
    // The step timeout is a hang detector here, not the subject: the first subject's first step
    // pays the cold start (validators, mock), which a loaded CI machine stretched past 2 s once.
    const r = await run({
      adapter: slowed(1),
      stepTimeoutMs: 30_000,
      signal: stop.signal,
      onProgress: () => { if (++done === 2) stop.abort({ kind: "interrupted", reason: "interrupted by SIGINT" }); },
    });
    expect(r.stopped).toMatchObject({ kind: "interrupted", reason: "interrupted by SIGINT" });
    const subjects = new Set(r.checks.filter((c) => c.group !== "run").map((c) => c.subject));
    expect(subjects.size).toBe(1);
    expect(r.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status} ${c.message ?? ""}`)).toEqual([]);
    expect(notRun(r)).toEqual([]);
    expect(r.stopped!.subjectsNotRun).toBeGreaterThan(30);
  });
});

describe("a partial run is marked partial in every format", () => {
  const partial: RunResult = { adapter: "x", startedAt: "2026-12-07T21:00:00.000Z", durationMs: 5, seed: 1, runs: 0, checks: [{ id: "implementation/start", group: "run", subject: "implementation", title: "starts", status: "passed", durationMs: 1 }], stopped: { kind: "interrupted", reason: "interrupted by SIGTERM", subjectsNotRun: 38 } };
  const note = "partial run (interrupted): interrupted by SIGTERM; 38 scenario(s) or sequence(s) not judged";

  test("results.json: partial and stopped, valid against its schema", () => {
    const json = toResultsV2(partial);
    expect(json).toMatchObject({ partial: true, stopped: { kind: "interrupted", reason: "interrupted by SIGTERM", subjectsNotRun: 38 } });
    expect(resultsValidator()(JSON.parse(JSON.stringify(json)))).toEqual([]);
    expect(toResultsV2({ ...partial, stopped: undefined! }).partial).toBe(false);
  });

  test("junit.xml: one more error, run/partial, in a suite of its own", () => {
    const root = parseXml(renderJunit(partial));
    expect(root.attributes).toMatchObject({ tests: "2", errors: "1" });
    const error = elementsNamed(root, "error");
    expect(error.map((e) => e.attributes)).toEqual([{ message: note, type: "partial" }]);
  });

  test("ctrf.json: partial and stopped in results.extra, and one more failed test, run/partial, first", () => {
    const ctrf = JSON.parse(renderCtrf(partial)) as { results: { summary: { tests: number; failed: number }; tests: Array<{ name: string; status: string; rawStatus: string; message: string }>; extra: { partial: boolean; stopped: unknown } } };
    expect(ctrf.results.extra).toMatchObject({ partial: true, stopped: partial.stopped });
    expect(ctrf.results.summary).toMatchObject({ tests: 2, failed: 1 });
    expect(ctrf.results.tests[0]).toMatchObject({ name: "run/partial", status: "failed", rawStatus: "partial", message: note });
    const whole = JSON.parse(renderCtrf({ ...partial, stopped: undefined! })) as typeof ctrf;
    expect(whole.results.extra.partial).toBe(false);
    expect(whole.results.tests.map((t) => t.name)).toEqual(["implementation/start"]);
  });

  test("stdout: the console summary says the run stopped early, and why", () => {
    expect(renderConsoleSummary(partial)).toContain("stopped early: interrupted by SIGTERM; 38 scenarios or sequences not run");
  });

  test("summary.md and index.html say it next to the verdict, and the HTML verdict is not a pass", () => {
    expect(renderSummaryMarkdown(partial)).toContain(`> ⚠️ **${note}**`);
    const html = renderHtml(partial);
    expect(html).toContain(`<p class="partial" data-partial="interrupted">⚠ ${note}</p>`);
    expect(html).toMatch(/<header class="verdict fail" data-status="fail">\n<h1>PARTIAL: 1 of 1 check passed/);
  });
});
