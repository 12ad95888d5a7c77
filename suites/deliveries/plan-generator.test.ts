/**
 * The delivery plan generator on its own: every plan it makes is one the docs allow (the
 * unordered groups, the duplicate rule, batching of consecutive notifications, actions in place,
 * alterations that keep the body valid and its meaning), it does make each kind of plan, and a few
 * exact plans from given choices.
 *
 * The rules are checked here from the sequence data directly, not with the generator's own helpers.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildPlan, describePlan, planArbitrary, type PlanChoices } from "../../src/harness/delivery.js";
import { batchBody, documentedPlan, type Delivery } from "../../src/harness/runner.js";
import { loadContract } from "../../src/index.js";
import { stepBody } from "../../src/sequences/load.js";
import { callOf, isNotificationStep, type Sequence } from "../../src/sequences/model.js";
import { getAtPointer, walkJson, type JsonValue } from "../../src/util/json.js";
import { flatten, notifications, sequenceNamed, sequences } from "./helpers.js";

const contract = loadContract();
const PLANS_PER_SEQUENCE = 150;
const check = (property: fc.IProperty<[Delivery[]]>) => fc.assert(property, { numRuns: PLANS_PER_SEQUENCE, seed: 7 });

/** Pairs (earlier, later) of step ids whose documented order the docs require to keep. */
function requiredOrder(sequence: Sequence): Array<[string, string]> {
  const groupOf = (id: string) => (sequence.unordered ?? []).findIndex((g) => g.steps.includes(id));
  const ids = sequence.steps.map((s) => s.id);
  return ids.flatMap((a, i) => ids.slice(i + 1).filter((b) => (groupOf(a) === -1 || groupOf(a) !== groupOf(b)) && !ofOtherCalls(sequence, a, b)).map((b): [string, string] => [a, b]));
}

/** Two notifications about different calls: Graph orders nothing between calls. */
function ofOtherCalls(sequence: Sequence, a: string, b: string): boolean {
  const [x, y] = [a, b].map((id) => sequence.steps.find((s) => s.id === id)!);
  return isNotificationStep(x!) && isNotificationStep(y!) && callOf(x!) !== callOf(y!);
}

function bodyOf(sequence: Sequence, id: string): JsonValue {
  const step = sequence.steps.find((s) => s.id === id);
  if (!step || !isNotificationStep(step)) throw new Error(`${id} is not a notification step`);
  return stepBody(step, notifications, sequence.id);
}

const posts = (plan: readonly Delivery[]) => plan.filter((d): d is Extract<Delivery, { kind: "post" }> => d.kind === "post");
const NO_CHOICES: PlanChoices = { order: [], joins: [], duplicates: [], alterations: [] };
const plan = (id: string, choices: Partial<PlanChoices>) => describePlan(buildPlan(sequenceNamed(id), { ...NO_CHOICES, ...choices }, notifications));

describe.each(sequences.map((s) => [s.id, s] as const))("plans of %s", (_id, sequence) => {
  const plans = planArbitrary(sequence, { notifications });
  const notificationIds = sequence.steps.filter(isNotificationStep).map((s) => s.id);
  const actionIds = sequence.steps.filter((s) => !isNotificationStep(s)).map((s) => s.id);

  test("every notification step is delivered once or twice, every action once and alone", () => {
    check(fc.property(plans, (p) => {
      const delivered = flatten(p);
      for (const id of notificationIds) expect([1, 2]).toContain(delivered.filter((d) => d === id).length);
      for (const id of actionIds) expect(p.filter((d) => d.kind === "action" && d.step === id)).toHaveLength(1);
      for (const post of posts(p)) {
        expect(post.steps.length).toBeGreaterThan(0);
        for (const id of post.steps) expect(notificationIds).toContain(id);
      }
      expect(delivered.length - sequence.steps.length).toBeLessThanOrEqual(2); // at most maxDuplicates copies: plans stay small
    }));
  });

  test("order and duplicates: whenever the docs put a before b, every delivery of a (copies too) comes before every delivery of b", () => {
    const pairs = requiredOrder(sequence);
    check(fc.property(plans, (p) => {
      const delivered = flatten(p);
      for (const [a, b] of pairs) expect(delivered.lastIndexOf(a), `${a} after ${b} in ${describePlan(p)}`).toBeLessThan(delivered.indexOf(b));
    }));
  });

  test("batching keeps the delivery order: the POSTs' steps, concatenated, are the order the rules allow (checked above), and an action splits batches", () => {
    check(fc.property(plans, (p) => {
      for (const [i, d] of p.entries()) {
        if (d.kind !== "action") continue;
        const before = flatten(p.slice(0, i));
        const stepIndex = sequence.steps.findIndex((s) => s.id === d.step);
        expect(new Set(before)).toEqual(new Set(sequence.steps.slice(0, stepIndex).map((s) => s.id)));
      }
    }));
  });

  test("alterations are labelled, keep the body valid (receive profile), and change neither the call state nor the change type", () => {
    check(fc.property(plans, (p) => {
      for (const post of posts(p)) {
        expect(Boolean(post.alter)).toBe(Boolean(post.label));
        if (!post.alter) continue;
        const body = batchBody(post.steps.map((id) => bodyOf(sequence, id)));
        const before = JSON.stringify(body);
        const altered = post.alter(body);
        expect(JSON.stringify(body)).toBe(before); // alter works on a copy
        expect(contract.validate("notification", altered).errors).toEqual([]);
        for (const label of post.label!.split("; ")) {
          const pointer = /^(?:unknown property|new \S+ value) (\/\S*)/.exec(label)?.[1];
          expect(pointer, label).toBeDefined();
          expect(getAtPointer(altered, pointer!), label).toBeDefined();
        }
        const meaning = (b: JsonValue) => [...walkJson(b)].filter(([ptr]) => /\/(state|changeType|resourceUrl|@odata\.type)$/.test(ptr));
        expect(meaning(altered)).toEqual(meaning(body));
      }
    }));
  });
});

describe("the generator makes every kind of plan", () => {
  const sample = (id: string) => fc.sample(planArbitrary(sequenceNamed(id), { notifications }), { numRuns: 300, seed: 11 });
  const labels = (plans: Delivery[][]) => plans.flatMap((p) => posts(p).flatMap((d) => d.label?.split("; ") ?? []));

  test("reorderings within a group, duplicates, a step batched with its copy, several steps per POST", () => {
    const plans = sample("delta-roster");
    const orders = new Set(plans.map((p) => flatten(p).filter((id, i, all) => all.indexOf(id) === i).join(",")));
    expect(orders.size).toBeGreaterThan(10);
    expect(plans.some((p) => flatten(p).length > 5)).toBe(true);
    expect(plans.some((p) => posts(p).some((d) => d.steps.length > 1 && new Set(d.steps).size < d.steps.length))).toBe(true);
    expect(plans.some((p) => posts(p).some((d) => d.steps.length >= 3))).toBe(true);
  });

  test("unknown properties at each level and new values of evolvable enums", () => {
    const all = labels(sample("join-meeting-full-roster"));
    expect(all.some((l) => /^unknown property \/[^/]+$/.test(l))).toBe(true); // the body
    expect(all.some((l) => /^unknown property \/value\/\d+\/[^/]+$/.test(l))).toBe(true); // a notification
    expect(all.some((l) => /^unknown property \/value\/\d+\/resourceData(\/\d+)?\/[^/]+$/.test(l))).toBe(true); // a resource
    expect(all.some((l) => l.includes("x-conformance-extra"))).toBe(true);
    for (const slot of ["mediaType", "endpointType", "activeModalities"]) expect(all.some((l) => l.startsWith("new ") && l.includes(`/${slot} = `))).toBe(true);
    expect(all.some((l) => l.includes('"unknownFutureValue"'))).toBe(true);
  });
});

describe("exact plans", () => {
  test("all-zero choices are the documented delivery", () => {
    for (const s of sequences) expect(describePlan(buildPlan(s, NO_CHOICES, notifications))).toBe(describePlan(documentedPlan(s)));
  });

  test("a group may be reversed by the steps' keys; keys cannot move steps outside a group", () => {
    expect(plan("outgoing-call-lifecycle", { order: [1, 0] })).toBe("[established] -> [establishing]");
    expect(plan("join-meeting-full-roster", { order: [1, 0, 0] })).toBe("[established] -> [establishing] -> [roster]");
    expect(plan("content-sharing", { order: [3, 2, 1, 0] })).toBe("[established] -> [created] -> [updated] -> [deleted]");
    expect(plan("delta-roster", { order: [0, 4, 3, 2, 1] })).toBe("[established] -> [delta-4] -> [delta-3] -> [delta-2] -> [delta-1]");
  });

  test("notifications of different calls may arrive in any order relative to each other; each call's keep theirs, and actions keep their place", () => {
    // two-calls-interleaved: establishing, meeting.establishing, established, meeting.roster, sharing, meeting.established, terminated
    expect(plan("two-calls-interleaved", { order: [9, 0, 9, 0, 9, 0, 9] })).toBe("[meeting.establishing] -> [meeting.roster] -> [meeting.established] -> [establishing] -> [established] -> [sharing] -> [terminated]");
    expect(plan("two-calls-interleaved", { order: [0, 9, 0, 9, 0, 9, 0] })).toBe("[establishing] -> [established] -> [sharing] -> [terminated] -> [meeting.establishing] -> [meeting.roster] -> [meeting.established]");
    // consultative-transfer: established, consultation.established, transfer (action), transferring, accepted, completed
    expect(plan("consultative-transfer", { order: [9, 0, 0, 0, 0, 0] })).toBe("[consultation.established] -> [established] -> transfer (action) -> [transferring] -> [accepted] -> [completed]");
    expect(plan("consultative-transfer", { order: [0, 9, 0, 0, 0, 0] })).toBe("[established] -> [consultation.established] -> transfer (action) -> [transferring] -> [accepted] -> [completed]");
  });

  test("a copy of a step outside any group can only land right after it, before the next step or the action", () => {
    expect(plan("transfer-1-failed", { duplicates: [{ step: 0, landing: 9, joins: false }] })).toBe("[established] -> [established] -> transfer (action) -> [transferring] -> [failed]");
    expect(plan("transfer-1-failed", { duplicates: [{ step: 1, landing: 9, joins: false }] })).toBe("[established] -> transfer (action) -> [transferring] -> [transferring] -> [failed]");
  });

  test("within a group, a copy may land after the group's later steps (landing counts deliveries past the original, clamped)", () => {
    const copyOfDelta1 = (landing: number) => plan("delta-roster", { duplicates: [{ step: 1, landing, joins: false }] });
    expect(copyOfDelta1(0)).toBe("[established] -> [delta-1] -> [delta-1] -> [delta-2] -> [delta-3] -> [delta-4]");
    expect(copyOfDelta1(2)).toBe("[established] -> [delta-1] -> [delta-2] -> [delta-3] -> [delta-1] -> [delta-4]");
    expect(copyOfDelta1(3)).toBe("[established] -> [delta-1] -> [delta-2] -> [delta-3] -> [delta-4] -> [delta-1]");
    expect(copyOfDelta1(9)).toBe(copyOfDelta1(3));
    expect(plan("group-call", { duplicates: [{ step: 0, landing: 1, joins: false }] })).toBe("[establishing] -> [established] -> [establishing] -> [roster]");
  });

  test("one copy per step: a second duplicate choice for the same step is ignored", () => {
    expect(plan("call-terminated", { duplicates: [{ step: 1, landing: 0, joins: false }, { step: 3, landing: 0, joins: false }] })).toBe("[established] -> [terminated] -> [terminated]");
  });

  test("a delivery may join the POST before it, a step with its copy included, never across an action", () => {
    expect(plan("outgoing-call-lifecycle", { joins: [false, true] })).toBe("[establishing, established]");
    expect(plan("outgoing-call-lifecycle", { joins: [true, false] })).toBe("[establishing] -> [established]"); // nothing before the first POST to join
    expect(plan("call-terminated", { duplicates: [{ step: 1, landing: 0, joins: true }] })).toBe("[established] -> [terminated, terminated]");
    expect(plan("transfer-1-completed", { joins: [true, true, true, true] })).toBe("[established] -> transfer (action) -> [transferring, accepted, completed]");
  });

  test("an alteration targets its step's notification at an exact pointer, wherever batching puts it", () => {
    expect(plan("join-meeting-full-roster", { alterations: [{ step: 2, change: { kind: "new-enum-value", at: 1, value: "unknownFutureValue" } }] }))
      .toBe('[establishing] -> [established] -> [roster] (new modality value /value/0/resourceData/0/mediaStreams/0/mediaType = "unknownFutureValue")');
    const extra = { step: 1, change: { kind: "unknown-property" as const, level: "notification" as const, at: 0, name: "x-conformance-extra", value: { a: 1 } } };
    expect(plan("outgoing-call-lifecycle", { alterations: [extra] })).toBe("[establishing] -> [established] (unknown property /value/0/x-conformance-extra)");
    expect(plan("outgoing-call-lifecycle", { joins: [false, true], alterations: [extra] })).toBe("[establishing, established] (unknown property /value/1/x-conformance-extra)");
    expect(plan("content-sharing", { alterations: [{ step: 1, change: { kind: "new-enum-value", at: 0, value: "hologram" } }] })).toBe("[established] -> [created] -> [updated] -> [deleted]"); // no evolvable enum in a content sharing session: nothing to alter
  });
});
