/**
 * The sequence runner: creates the call, then executes a delivery plan (which POST carries which
 * steps), observing the bot after every POST, and keeps the timeline. The documented order is one
 * plan; the property-based deliveries are others.
 */
import { isObject, type JsonValue } from "../util/json.js";
import { bindNotification } from "../sequences/bind.js";
import { stepBody } from "../sequences/load.js";
import { isNotificationStep, type Sequence, type Step } from "../sequences/model.js";
import { compareObservation, describeExpected, observationProblems, type ExpectedObservation } from "./observation.js";
import type { CallFailure, Session } from "./session.js";
import { createCallFor, transferFor, type Blocker } from "./preconditions.js";
import type { DeliveredNotification, TimelineEntry } from "./checks.js";

/** One POST of a plan: the notification steps it carries (in order, repeats allowed), or one action. */
export type Delivery =
  | { kind: "post"; steps: string[]; /** Rewrites of the body before it is sent (unknown properties, new enum values). */ alter?: (body: JsonValue) => JsonValue; label?: string }
  | { kind: "action"; step: string };

export interface PlanResult {
  callId?: string;
  /** The call could not be created, so nothing was delivered: the check that says why. */
  notCreated?: Blocker;
  /**
   * The plan stopped before its end, at the last timeline entry: the transfer action failed (the
   * check of the transfer scenario that says why), or the bot could not answer at all (that entry's errorKind).
   */
  stopped?: { reason: string; blocker?: Blocker };
  timeline: TimelineEntry[];
  /** The body of each POST, by POST number (an action has none). */
  bodies: ReadonlyMap<number, JsonValue>;
  final?: unknown;
  finalError?: CallFailure & { error: string };
}

/** The documented order: one POST per notification step, actions in place. */
export function documentedPlan(sequence: Sequence): Delivery[] {
  return sequence.steps.map((s) => (isNotificationStep(s) ? { kind: "post" as const, steps: [s.id] } : { kind: "action" as const, step: s.id }));
}

export async function executePlan(session: Session, sequence: Sequence, plan: readonly Delivery[], expectAfter?: (delivery: Delivery) => ExpectedObservation | undefined): Promise<PlanResult> {
  const created = await createCallFor(session, sequence.call);
  const bodies = new Map<number, JsonValue>();
  if ("blocker" in created) return { notCreated: created.blocker, timeline: [], bodies };
  const callId = created.callId;
  const timeline: TimelineEntry[] = [];
  const byId = new Map<string, Step>(sequence.steps.map((s) => [s.id, s]));
  const bound = (step: Extract<Step, { notification: string }>) => bindNotification(stepBody(step, session.notifications, sequence.id), { callId, callbackUri: session.options.callbackUri });
  // Graph knows the history of the call's roster before it notifies any of it (mock-graph/rosters.ts).
  session.graph.rosters.plan(sequence.steps.filter(isNotificationStep).map(bound));

  for (const delivery of plan) {
    const entry: TimelineEntry = { post: timeline.length + 1, steps: delivery.kind === "post" ? [...delivery.steps] : [`${delivery.step} (action)`], status: null };
    const started = Date.now();
    if (delivery.kind === "action") {
      const result = await transferFor(session, callId, sequence.transfer ?? "");
      entry.latencyMs = Date.now() - started;
      if (result.error) {
        entry.error = result.error;
        if (result.errorKind) entry.errorKind = result.errorKind;
        timeline.push(entry);
        return { callId, stopped: { reason: `step ${delivery.step}: ${result.error}`, ...(result.blocker ? { blocker: result.blocker } : {}) }, timeline, bodies };
      }
      entry.status = 202;
    } else {
      const steps = delivery.steps.map((id) => {
        const step = byId.get(id);
        if (!step || !isNotificationStep(step)) throw new Error(`sequence ${sequence.id}: plan names ${id}, which is not a notification step`);
        return { step, body: bound(step) };
      });
      const batch = batchBody(steps.map((s) => s.body));
      const body = delivery.alter ? delivery.alter(batch) : batch;
      entry.notifications = steps.map(({ step, body }) => delivered(step.id, step.notification, body));
      bodies.set(entry.post, body);
      const sent = await session.deliver(body);
      entry.latencyMs = Date.now() - started;
      entry.status = sent.status;
      if (sent.error) entry.error = sent.error;
      if (sent.errorKind) entry.errorKind = sent.errorKind;
      if (delivery.label) entry.steps.push(`(${delivery.label})`);
    }
    const observed = await session.observe(callId);
    if (observed.error) {
      entry.error = [entry.error, observed.error].filter(Boolean).join("; ");
      if (observed.errorKind) entry.errorKind ??= observed.errorKind;
    } else {
      entry.observed = observed.observed;
      // An observation outside the model is a broken adapter contract, not a belief to compare.
      const malformed = observationProblems(observed.observed);
      if (malformed.length > 0) {
        entry.error = [entry.error, `observe() answered a malformed observation: ${malformed.join("; ")}`].filter(Boolean).join("; ");
        entry.errorKind ??= "protocol";
      }
    }
    const expected = expectAfter?.(delivery);
    if (expected) {
      entry.expected = expected;
      entry.mismatches = observed.error ? [observed.error] : mismatchLines(expected, observed.observed);
    }
    timeline.push(entry);
    // A bot that could not answer at all would cost a timeout per remaining POST, and judge nothing more.
    if (entry.errorKind) return { callId, stopped: { reason: `POST ${entry.post}: ${entry.error ?? "no answer"}` }, timeline, bodies };
  }
  const final = await session.observe(callId);
  if (final.error) return { callId, timeline, bodies, finalError: { ...final, error: final.error } };
  const malformed = observationProblems(final.observed);
  if (malformed.length > 0) return { callId, timeline, bodies, finalError: { error: `observe() answered a malformed observation: ${malformed.join("; ")}`, errorKind: "protocol" } };
  return { callId, timeline, bodies, final: final.observed };
}

/** A notification as the timeline names it: its step, its documented fixture, and its delta roster sequence numbers. */
function delivered(step: string, fixture: string, body: JsonValue): DeliveredNotification {
  const numbers = (isObject(body) && Array.isArray(body.value) ? body.value : [])
    .flatMap((item) => (isObject(item) && Array.isArray(item.resourceData) ? item.resourceData : isObject(item) && isObject(item.resourceData) ? [item.resourceData] : []))
    .flatMap((data) => (isObject(data) && typeof data.sequenceNumber === "number" ? [data.sequenceNumber] : []));
  return { step, fixture, ...(numbers.length > 0 ? { sequenceNumbers: numbers } : {}) };
}

/** Several notifications in one POST: their value arrays concatenated (Graph batches this way). */
export function batchBody(bodies: JsonValue[]): JsonValue {
  if (bodies.length === 1) return bodies[0]!;
  const first = bodies[0];
  const value = bodies.flatMap((b) => (isObject(b) && Array.isArray(b.value) ? b.value : []));
  return { ...(isObject(first) ? first : {}), value };
}

export function mismatchLines(expected: ExpectedObservation, observed: unknown): string[] {
  const problems = observationProblems(observed);
  if (problems.length > 0) return problems.map((p) => `malformed observation: ${p}`);
  return compareObservation(expected, observed).map((m) => `${m.field}: expected ${describeExpected(m.expected)}, observed ${JSON.stringify(m.actual)}`);
}
