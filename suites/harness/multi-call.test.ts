/**
 * Sequences with several calls (Sequence.calls): what is checked before a run, how the runner binds
 * each step to its call's id, transfers one call replacing another by its real id, and judges the
 * end of every call.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { loadDocumentedFixtures } from "../../src/fixtures/load.js";
import { loadContract } from "../../src/index.js";
import { GraphMock } from "../../src/mock-graph/graph-mock.js";
import { NotificationIssuer, SAMPLES_ISSUER_ORIGIN } from "../../src/mock-graph/issuer.js";
import { APP_ID, TENANT_ID } from "../../src/harness/run.js";
import { setupServer } from "msw/node";
import { Session } from "../../src/harness/session.js";
import { documentedPlan, endProblems, executePlan } from "../../src/harness/runner.js";
import { endsOf, expectedOf } from "../../src/sequences/expectations.js";
import { loadScenarios, loadSequences, notificationIndex, sequenceProblems } from "../../src/sequences/load.js";
import type { Sequence } from "../../src/sequences/model.js";
import { ReferenceBot, REFERENCE_PARTS } from "../../implementations/reference/bot.js";
import type { BotUnderTest } from "../../src/harness/adapter.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const scenarios = loadScenarios();
const notifications = notificationIndex(loadDocumentedFixtures());
const sequenceNamed = (id: string) => loadSequences().find((s) => s.id === id)!;

describe("a sequence's calls are checked before a run", () => {
  const problems = (id: string, change: (s: Sequence) => void) => {
    const s = structuredClone(sequenceNamed(id));
    change(s);
    return sequenceProblems(s, scenarios, notifications);
  };

  test("the multi-call sequences as committed have none", () => {
    for (const id of ["two-calls-interleaved", "consultative-transfer", "call-never-created"]) expect(problems(id, () => {})).toEqual([]);
  });

  test("a further call named like the own call, created from a transfer scenario, without its reason or its end", () => {
    expect(problems("two-calls-interleaved", (s) => { s.calls = { call: { scenario: "create-call.v1.0.ex05", why: "the own call again" } }; s.ends = { call: {} }; })).toContain('calls: "call" names the sequence\'s own call and cannot name a further one');
    expect(problems("two-calls-interleaved", (s) => { s.calls!.meeting!.scenario = "call-transfer.beta.ex01"; })).toEqual(["call meeting: scenario call-transfer.beta.ex01 is not a create-call scenario"]);
    expect(problems("two-calls-interleaved", (s) => { s.calls!.meeting!.why = ""; })).toEqual(["call meeting must say why the sequence has it"]);
    expect(problems("two-calls-interleaved", (s) => { delete s.ends!.meeting; })).toEqual(["call meeting has no end expectation (ends.meeting)"]);
  });

  test("a step or an end naming a call the sequence does not have, a transfer replacing its own call", () => {
    expect(problems("two-calls-interleaved", (s) => { s.steps[1]!.call = "meating"; })).toEqual(["step meeting.establishing is about call meating, which the sequence does not have"]);
    expect(problems("two-calls-interleaved", (s) => { s.ends!.other = { state: null }; })).toEqual(["ends names other, which is not a call of the sequence"]);
    expect(problems("consultative-transfer", (s) => { (s.steps[2] as { replacesCall?: string }).replacesCall = "consultaton"; })).toEqual(["step transfer replaces call consultaton, which the sequence does not have"]);
    expect(problems("consultative-transfer", (s) => { (s.steps[2] as { replacesCall?: string }).replacesCall = "call"; })).toEqual(["step transfer transfers call call replacing itself"]);
  });

  test("an expectation about a further call is checked like any other", () => {
    expect(problems("two-calls-interleaved", (s) => { (s.ends!.meeting as Record<string, unknown>).roster = []; })).toEqual(["end of call meeting: roster is not a field of the observation"]);
  });
});

describe("the runner with several calls", () => {
  let server: ReturnType<typeof setupServer>;
  let graph: GraphMock;
  const contract = loadContract();
  const byId = new Map(scenarios.map((s) => [s.id, s]));

  beforeAll(async () => {
    // The bot checks every POST's token: the mock signs them, and serves its keys where the samples look.
    const issuer = await NotificationIssuer.create({ origin: SAMPLES_ISSUER_ORIGIN, appId: APP_ID });
    graph = new GraphMock({ contract, seed: 7, tenantId: TENANT_ID, issuer });
    server = setupServer(...graph.handlers);
    server.listen({ onUnhandledRequest: "bypass" });
    return () => server.close();
  });

  async function run(id: string, bot: BotUnderTest = new ReferenceBot()) {
    const session = new Session(bot, graph, contract, byId, notifications, { stepTimeoutMs: STEP_TIMEOUT_MS, accessToken: "token", callbackUri: "https://bot.example/cb", appId: APP_ID, tenantId: TENANT_ID });
    expect(await session.start()).toBeUndefined();
    const sequence = sequenceNamed(id);
    return { sequence, result: await executePlan(session, sequence, documentedPlan(sequence), (d) => expectedOf(sequence, d.kind === "post" ? d.steps[0]! : d.step, 2)) };
  }

  test("creates each further call with its scenario, gives a never-created call a fresh id, and binds each step to its call", async () => {
    const { result } = await run("call-never-created");
    const ids = result.callIds!;
    expect(Object.keys(ids).sort()).toEqual(["call", "stranger"]);
    expect(graph.calls.has(ids.call!)).toBe(true);
    expect(graph.calls.has(ids.stranger!)).toBe(false);
    expect(ids.stranger).not.toBe(ids.call);
    // The reference keeps a call it never created: the stranger's end is its own notifications'.
    expect((result.others!.stranger as { observed: unknown }).observed).toMatchObject({ state: "terminated", result: { code: 200, subcode: 5001 } });
    expect(result.final).toMatchObject({ state: "established", result: null });
  });

  test("transfers the own call replacing the consultation call by its real id, and the step judges the request", async () => {
    const { result } = await run("consultative-transfer");
    const transfer = graph.requests.filter((r) => r.path.endsWith("/transfer")).at(-1)!;
    expect(transfer.path).toBe(`/communications/calls/${result.callIds!.call}/transfer`);
    expect((transfer.body as { transferTarget: { replacesCallId: string } }).transferTarget.replacesCallId).toBe(result.callIds!.consultation);
    expect(result.timeline.find((t) => t.steps[0] === "transfer (action)")!.mismatches).toEqual([]);

    // A bot that sends the scenario's documented replacesCallId instead fails that step, saying why.
    const literal = new ReferenceBot({ ...REFERENCE_PARTS, transferBody: (intent) => REFERENCE_PARTS.transferBody({ ...intent, replacesCallId: "e5d39592-99bd-4db8-bca8-30fb894ec51d" }) });
    const wrong = await run("consultative-transfer", literal);
    expect(wrong.result.timeline.find((t) => t.steps[0] === "transfer (action)")!.mismatches).toEqual([
      `transferTarget.replacesCallId is "e5d39592-99bd-4db8-bca8-30fb894ec51d", not the consultation call's id ${JSON.stringify(wrong.result.callIds!.consultation)}`,
    ]);
  });

  test("each call's end is judged, a further call's mismatches named after it", async () => {
    const { sequence, result } = await run("two-calls-interleaved");
    expect(endProblems(endsOf(sequence, 2), result)).toEqual([]);
    const swapped = { ...result, final: (result.others!.meeting as { observed: unknown }).observed, others: { meeting: { observed: result.final } } };
    const lines = endProblems(endsOf(sequence, 2), swapped);
    expect(lines).toContain('state: expected "terminated", observed "established"');
    expect(lines).toContain('call meeting: state: expected "established", observed "terminated"');
  });
});
