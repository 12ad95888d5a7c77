/**
 * Delivery plans of a sequence that stay within what the docs allow: an allowed order, some
 * duplicates (order.ts says where they may land), consecutive notifications batched into one POST,
 * and alterations a tolerant bot must ignore (alterations.ts).
 *
 * A plan is built from choices (numbers and flags) so that fast-check shrinks the choices and
 * every shrunk value is still an allowed plan. Each choice shrinks towards the documented
 * delivery: the documented order, no duplicate, one notification per POST, no alteration.
 */
import fc from "fast-check";
import { stepBody } from "../../sequences/load.js";
import { isNotificationStep, type Sequence } from "../../sequences/model.js";
import { isObject, type JsonValue } from "../../util/json.js";
import type { Delivery } from "../runner.js";
import { alterationChoiceArbitrary, applyAlterations, defaultVocabulary, resolveAlteration, type Alteration, type AlterationChoice, type Vocabulary } from "./alterations.js";
import { allowedOrder, DeliveryRules, duplicateSlots } from "./order.js";

export interface PlanChoices {
  /** One sort key per step, documented order (see allowedOrder; all 0: the documented order). */
  order: number[];
  /** Per notification step, whether its delivery joins the POST before it (when that one carries notifications). */
  joins: boolean[];
  /**
   * Notification steps delivered twice (index among the notification steps, modulo), how far past
   * its original the copy lands (0: right after it; clamped to the last slot the rule allows), and
   * whether it joins the POST before it.
   */
  duplicates: Array<{ step: number; landing: number; joins: boolean }>;
  /** Alterations of the notification of a step (index among the notification steps, modulo), in the POST carrying its first delivery. */
  alterations: Array<{ step: number; change: AlterationChoice }>;
}

/** Keeps every plan small: a sequence's steps, at most this many copies, at most this many alterations. */
export interface PlanLimits {
  maxDuplicates: number;
  maxAlterations: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = { maxDuplicates: 2, maxAlterations: 2 };

export interface PlanContext {
  /** The documented notifications by fixture id (the session's), to find where alterations may go. */
  notifications: ReadonlyMap<string, JsonValue>;
  vocabulary?: Vocabulary;
  limits?: Partial<PlanLimits>;
}

/** Plans of `sequence` the docs allow, for fast-check. */
export function planArbitrary(sequence: Sequence, context: PlanContext): fc.Arbitrary<Delivery[]> {
  return planChoicesArbitrary(sequence, context).map((choices) => buildPlan(sequence, choices, context.notifications));
}

/**
 * Each choice keeps its meaning when the others change (a key orders its own step, a flag joins its
 * own delivery, an alteration targets its own step), so that fast-check can shrink them one at a time.
 */
export function planChoicesArbitrary(sequence: Sequence, context: Omit<PlanContext, "notifications">): fc.Arbitrary<PlanChoices> {
  const { maxDuplicates, maxAlterations } = { ...DEFAULT_PLAN_LIMITS, ...context.limits };
  const rules = new DeliveryRules(sequence);
  const steps = rules.steps.length;
  const notifications = rules.notifications.length;
  const stepIndex = fc.nat(Math.max(notifications - 1, 0));
  const vocabulary = context.vocabulary ?? defaultVocabulary();
  return fc.record({
    order: fc.array(fc.nat(steps), { minLength: steps, maxLength: steps }),
    joins: fc.array(fc.boolean(), { minLength: notifications, maxLength: notifications }),
    duplicates: fc.uniqueArray(fc.record({ step: stepIndex, landing: fc.nat(steps), joins: fc.boolean() }), { maxLength: notifications === 0 ? 0 : maxDuplicates, selector: (d) => d.step }),
    alterations: fc.array(fc.record({ step: stepIndex, change: alterationChoiceArbitrary(vocabulary) }), { maxLength: notifications === 0 ? 0 : maxAlterations }),
  });
}

/** One delivery of a step: the original or its copy, and whether it shares the POST before it. */
interface Scheduled {
  id: string;
  joins: boolean;
}

/** The plan the choices describe; every plan it returns is one the docs allow, whatever the numbers. */
export function buildPlan(sequence: Sequence, choices: PlanChoices, notifications: ReadonlyMap<string, JsonValue>): Delivery[] {
  const rules = new DeliveryRules(sequence);
  const notificationAt = (i: number) => rules.notifications[i % Math.max(rules.notifications.length, 1)];
  const deliveries: Scheduled[] = allowedOrder(rules, choices.order).map((id) => ({ id, joins: choices.joins[rules.notifications.indexOf(id)] ?? false }));
  const duplicated = new Set<string>();
  for (const { step, landing, joins } of choices.duplicates) {
    const id = notificationAt(step);
    if (id === undefined || duplicated.has(id)) continue; // "delivered twice": one copy per step at most
    duplicated.add(id);
    const { first, last } = duplicateSlots(rules, deliveries.map((d) => d.id), id);
    deliveries.splice(Math.min(first + landing, last), 0, { id, joins });
  }
  const plan = batched(rules, deliveries);
  const altered = choices.alterations.flatMap(({ step, change }) => {
    const id = notificationAt(step);
    return id === undefined ? [] : [{ id, change }];
  });
  return withAlterations(plan, altered, (id) => bodyOfStep(sequence, id, notifications));
}

/**
 * One POST per notification delivery, except where a delivery joins the POST before it; an action is
 * never batched, nor are notifications about different calls: Graph notifies each call on its own,
 * and a POST's token carries one tenant, that of every call it is about (PROTOCOL.md, Notification tokens).
 */
function batched(rules: DeliveryRules, deliveries: readonly Scheduled[]): Delivery[] {
  const plan: Delivery[] = [];
  for (const { id, joins } of deliveries) {
    const previous = plan.at(-1);
    if (!rules.isNotification(id)) plan.push({ kind: "action", step: id });
    else if (joins && previous?.kind === "post" && rules.callOf(previous.steps[0]!) === rules.callOf(id)) previous.steps.push(id);
    else plan.push({ kind: "post", steps: [id] });
  }
  return plan;
}

/** Each alteration goes to the POST carrying the first delivery of its step, aimed at that step's notifications within the batch. */
function withAlterations(plan: Delivery[], choices: ReadonlyArray<{ id: string; change: AlterationChoice }>, bodyOf: (step: string) => JsonValue): Delivery[] {
  const byPost = new Map<Delivery, Alteration[]>();
  for (const { id, change } of choices) {
    const post = plan.find((d): d is Extract<Delivery, { kind: "post" }> => d.kind === "post" && d.steps.includes(id));
    if (!post) continue;
    const before = post.steps.slice(0, post.steps.indexOf(id)).map(bodyOf);
    const resolved = resolveAlteration(bodyOf(id), change, notificationCount(before));
    if (resolved) byPost.set(post, [...(byPost.get(post) ?? []), resolved]);
  }
  return plan.map((d) => {
    const alterations = byPost.get(d);
    if (d.kind !== "post" || !alterations) return d;
    return { ...d, alter: (body: JsonValue) => applyAlterations(body, alterations), label: alterations.map((a) => a.label).join("; ") };
  });
}

/** How many notifications these bodies put in a batch before the next one's (batchBody concatenates their value arrays). */
function notificationCount(bodies: readonly JsonValue[]): number {
  return bodies.reduce<number>((n, b) => n + (isObject(b) && Array.isArray(b.value) ? b.value.length : 0), 0);
}

/** A step's body as documented (unbound: binding changes strings, never where things are). */
function bodyOfStep(sequence: Sequence, id: string, notifications: ReadonlyMap<string, JsonValue>): JsonValue {
  const step = sequence.steps.find((s) => s.id === id);
  if (!step || !isNotificationStep(step)) throw new Error(`sequence ${sequence.id}: ${id} is not a notification step`);
  return stepBody(step, notifications, sequence.id);
}

/** A plan on one line: "[established] -> transfer (action) -> [transferring, transferring] (unknown property /value/0/x)". */
export function describePlan(plan: readonly Delivery[]): string {
  return plan.map((d) => (d.kind === "action" ? `${d.step} (action)` : `[${d.steps.join(", ")}]${d.label ? ` (${d.label})` : ""}`)).join(" -> ");
}
