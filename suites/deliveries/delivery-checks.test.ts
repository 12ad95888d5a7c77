/**
 * The delivery checks against bots: the reference passes every sequence; a time budget stops the
 * search without failing; and small faulty bots, which pass the documented-order checks, are
 * caught with a shrunk plan whose timeline shows the cause, the seed and the replay command.
 */
import { describe, expect, test } from "vitest";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import type { CheckResult } from "../../src/harness/checks.js";
import { createDeliveryChecks } from "../../src/harness/delivery.js";
import { FAULTY_BOTS } from "./faulty-bots.js";
import { conformanceChecks, RUNS, SEED, sequenceNamed, sequences } from "./helpers.js";
import { unhurriedDeliveryChecks } from "../hang-detectors.js";

const reference = () => new ReferenceBot();
const stepsOf = (check: CheckResult) => check.timeline?.map((t) => t.steps) ?? [];

/**
 * The delivery check of one sequence for a faulty bot, after asserting that the documented-order checks do not see the fault.
 * With no time budget to speak of: the default one, run out on a loaded machine, would stop the search or the shrinking early.
 */
async function caught(bot: keyof typeof FAULTY_BOTS, sequenceId: string): Promise<CheckResult> {
  const checks = await conformanceChecks(FAULTY_BOTS[bot], unhurriedDeliveryChecks, `sequence.${sequenceId},delivery.${sequenceId}`);
  const documented = checks.filter((c) => c.group === "sequences");
  expect(documented.length).toBeGreaterThan(0);
  for (const c of documented) expect(c.status, `${c.id}: ${c.message}`).toBe("passed");
  const delivery = checks.find((c) => c.id === `delivery.${sequenceId}`)!;
  expect(delivery).toMatchObject({ status: "failed", group: "deliveries", subject: sequenceId, seed: SEED, replay: `npx graph-calls-contract run --only delivery.${sequenceId} --seed ${SEED} --runs ${RUNS}` });
  expect(delivery.details?.[0]).toMatch(/^found after \d+ plan\(s\), shrunk \d+ time\(s\)$/);
  expect(delivery.message).not.toContain("\n");
  return delivery;
}

/** The label of the one POST answered 400 (its alteration, last in its steps). */
function refusedAlteration(check: CheckResult): string | undefined {
  const refused = check.timeline!.filter((t) => t.status === 400);
  expect(refused).toHaveLength(1);
  return refused[0]!.steps.at(-1);
}

describe("the reference", () => {
  test(`passes the delivery check of every sequence (${RUNS} plans each, seed ${SEED})`, async () => {
    // Every plan runs (the message counts them): the default budget, not the bot, could stop them on a loaded machine.
    const checks = (await conformanceChecks(reference, unhurriedDeliveryChecks, "delivery.*")).filter((c) => c.group === "deliveries");
    expect(checks.map((c) => c.subject).sort()).toEqual(sequences.map((s) => s.id).sort());
    for (const check of checks) {
      expect(check, `${check.id}: ${check.message}`).toMatchObject({ status: "passed", id: `delivery.${check.subject}`, seed: SEED });
      expect(check.message).toBe(`${RUNS} delivery plans ran: each ended in the documented state with every POST answered 2xx`);
      expect(check.title).toContain(sequenceNamed(check.subject).from[0]!);
      expect(check.title).not.toContain("\n");
    }
  });

  test("an exhausted time budget stops the search between plans, passes, and says how many plans ran", async () => {
    const [check] = (await conformanceChecks(reference, createDeliveryChecks({ budgetMs: 0 }), "delivery.delta-roster")).filter((c) => c.group === "deliveries");
    expect(check).toMatchObject({ status: "passed", message: `0 of ${RUNS} delivery plans ran before the time budget (0 ms) ran out: each ended in the documented state with every POST answered 2xx` });
  });
});

describe("faulty bots are caught, shrunk to the delivery that shows the fault", () => {
  test("a bot that handles only the first notification of a batch: one POST with two notifications", async () => {
    const check = await caught("firstOfBatchOnly", "outgoing-call-lifecycle");
    expect(stepsOf(check)).toEqual([["establishing", "established"]]);
    expect(check.timeline![0]!.mismatches).toEqual(['state: expected "established", observed "establishing"']);
    expect(check.message).toBe('end state: expected "established", observed "establishing", delivering [establishing, established]');
  });

  test("a bot that applies delta rosters in arrival order: an older update of John arrives after his removal", async () => {
    const check = await caught("deltaInArrivalOrder", "delta-roster");
    const delivered = stepsOf(check).flat();
    const removal = delivered.indexOf("delta-4");
    expect(removal).toBeGreaterThan(-1);
    expect(delivered.slice(removal + 1).some((s) => s === "delta-1" || s === "delta-2")).toBe(true);
    expect(check.timeline!.at(-1)!.mismatches?.[0]).toMatch(/^participants: expected \["7a1c4e2b-9d3f-4b6a-8c5e-1f2a3b4c5d6e"\], observed .*0d7664b6/);
  });

  test("a bot where a late establishing overrides established: the two, swapped", async () => {
    const check = await caught("lateEstablishingWins", "outgoing-call-lifecycle");
    expect(stepsOf(check)).toEqual([["established"], ["establishing"]]);
  });

  test("a bot that refuses a property it does not know: one labelled unknown property, answered 400", async () => {
    const check = await caught("strictProperties", "call-terminated");
    expect(refusedAlteration(check)).toMatch(/^\(unknown property \/\S+\)$/);
    expect(check.message).toMatch(/^POST \d+ \(.*\) answered 400, delivering /);
  });

  test("a bot that refuses enum values it does not know: one labelled new enum value, answered 400", async () => {
    const check = await caught("strictEnums", "join-meeting-full-roster");
    expect(refusedAlteration(check)).toMatch(/^\(new (endpointType|modality) value \/value\/0\/resourceData\/\S+ = "unknownFutureValue"\)$/);
  });

  test("a bot that answers 409 to a repeated notification: a step delivered twice", async () => {
    const check = await caught("refusesRepeats", "transfer-1-completed");
    const conflict = check.timeline!.find((t) => t.status === 409)!;
    expect(conflict).toBeDefined();
    const delivered = stepsOf(check).flat();
    expect(delivered.filter((s) => s === conflict.steps.at(-1))).toHaveLength(2);
    expect(check.message).toContain("answered 409");
  });

  test("the same seed and runs find and shrink the same plan again (what the replay command relies on)", async () => {
    const again = await caught("deltaInArrivalOrder", "delta-roster");
    const once = await caught("deltaInArrivalOrder", "delta-roster");
    expect(again.message).toBe(once.message);
    expect(stepsOf(again)).toEqual(stepsOf(once));
  });
});
