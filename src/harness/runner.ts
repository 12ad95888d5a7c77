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
import type { Session } from "./session.js";
import type { TimelineEntry } from "./checks.js";

/** One POST of a plan: the notification steps it carries (in order, repeats allowed), or one action. */
export type Delivery =
  | { kind: "post"; steps: string[]; /** Rewrites of the body before it is sent (unknown properties, new enum values). */ alter?: (body: JsonValue) => JsonValue; label?: string }
  | { kind: "action"; step: string };

export interface PlanResult {
  callId?: string;
  /** Why the run could not go on (the call could not be created, a transfer failed). */
  aborted?: string;
  timeline: TimelineEntry[];
  final?: unknown;
  finalError?: string;
}

/** The documented order: one POST per notification step, actions in place. */
export function documentedPlan(sequence: Sequence): Delivery[] {
  return sequence.steps.map((s) => (isNotificationStep(s) ? { kind: "post" as const, steps: [s.id] } : { kind: "action" as const, step: s.id }));
}

export async function executePlan(session: Session, sequence: Sequence, plan: readonly Delivery[], expectAfter?: (delivery: Delivery) => ExpectedObservation | undefined): Promise<PlanResult> {
  const created = await session.createCall(sequence.call);
  if (!created.callId) return { aborted: `the bot could not create the call of scenario ${sequence.call}: ${created.error}`, timeline: [] };
  const callId = created.callId;
  const timeline: TimelineEntry[] = [];
  const byId = new Map<string, Step>(sequence.steps.map((s) => [s.id, s]));

  for (const delivery of plan) {
    const entry: TimelineEntry = { post: timeline.length + 1, steps: delivery.kind === "post" ? [...delivery.steps] : [`${delivery.step} (action)`], status: null };
    if (delivery.kind === "action") {
      const result = await session.transfer(callId, sequence.transfer ?? "");
      if (result.error) {
        entry.error = result.error;
        timeline.push(entry);
        return { callId, aborted: `step ${delivery.step}: ${result.error}`, timeline };
      }
      entry.status = 202;
    } else {
      const body = batchBody(delivery.steps.map((id) => {
        const step = byId.get(id);
        if (!step || !isNotificationStep(step)) throw new Error(`sequence ${sequence.id}: plan names ${id}, which is not a notification step`);
        return bindNotification(stepBody(step, session.notifications, sequence.id), { callId, callbackUri: session.options.callbackUri });
      }));
      const sent = await session.deliver(delivery.alter ? delivery.alter(body) : body);
      entry.status = sent.status;
      if (sent.error) entry.error = sent.error;
      if (delivery.label) entry.steps.push(`(${delivery.label})`);
    }
    const observed = await session.observe(callId);
    if (observed.error) entry.error = [entry.error, observed.error].filter(Boolean).join("; ");
    else entry.observed = observed.observed;
    const expected = expectAfter?.(delivery);
    if (expected) {
      entry.expected = expected;
      entry.mismatches = observed.error ? [observed.error] : mismatchLines(expected, observed.observed);
    }
    timeline.push(entry);
  }
  const final = await session.observe(callId);
  return { callId, timeline, ...(final.error ? { finalError: final.error } : { final: final.observed }) };
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
