/**
 * The sequence runner: creates the call, then executes a delivery plan (which POST carries which
 * steps), observing the bot after every POST, and keeps the timeline. The documented order is one
 * plan; the property-based deliveries are others.
 */
import { isObject, type JsonValue } from "../util/json.js";
import { bindNotification } from "../sequences/bind.js";
import { stepBody } from "../sequences/load.js";
import { callOf, isNotificationStep, OWN_CALL, type Sequence, type Step } from "../sequences/model.js";
import { compareObservation, describeExpected, observationProblems, type ExpectedObservation } from "./observation.js";
import type { CallFailure, Session } from "./session.js";
import { createCallFor, transferFor, type Blocker } from "./preconditions.js";
import type { DeliveredNotification, TimelineEntry } from "./checks.js";

/** One POST of a plan: the notification steps it carries (in order, repeats allowed), or one action. */
export type Delivery =
  | { kind: "post"; steps: string[]; /** Rewrites of the body before it is sent (unknown properties, new enum values). */ alter?: (body: JsonValue) => JsonValue; label?: string }
  | { kind: "action"; step: string };

export interface PlanResult {
  /** The sequence's own call. */
  callId?: string;
  /** Every call of the sequence by name (the own call is "call"). */
  callIds?: Record<string, string>;
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
  /** The end observation of the own call. */
  final?: unknown;
  finalError?: CallFailure & { error: string };
  /** The end observation of each further call, by name. */
  others?: Record<string, Observed>;
}

/** An observation, or why there is none. */
export type Observed = { observed: unknown } | (CallFailure & { error: string });

/** The documented order: one POST per notification step, actions in place. */
export function documentedPlan(sequence: Sequence): Delivery[] {
  return sequence.steps.map((s) => (isNotificationStep(s) ? { kind: "post" as const, steps: [s.id] } : { kind: "action" as const, step: s.id }));
}

/** The name of the call a POST (its first step) or an action is about. */
export function callOfDelivery(sequence: Sequence, delivery: Delivery): string {
  const id = delivery.kind === "post" ? delivery.steps[0] : delivery.step;
  const step = sequence.steps.find((s) => s.id === id);
  return step ? callOf(step) : OWN_CALL;
}

/** Every call of a sequence, by name: the own call and the further ones the bot creates, then those it never creates. */
async function openCalls(session: Session, sequence: Sequence): Promise<{ ids: Map<string, string> } | { blocker: Blocker }> {
  const ids = new Map<string, string>();
  const wanted: Array<[string, string | undefined]> = [[OWN_CALL, sequence.call], ...Object.entries(sequence.calls ?? {}).map(([name, c]): [string, string | undefined] => [name, c.scenario])];
  for (const [name, scenario] of wanted) {
    if (scenario === undefined) continue;
    const created = await createCallFor(session, scenario);
    if ("blocker" in created) return created;
    ids.set(name, created.callId);
  }
  for (const [name, scenario] of wanted) if (scenario === undefined) ids.set(name, session.graph.foreignCallId());
  return { ids };
}

/** What is wrong with the transfer request the bot just sent for a consultative transfer of `callId` replacing `replacesCallId`. */
function consultativeProblems(session: Session, callId: string, replacesCallId: string): string[] {
  const sent = [...session.graph.requests].reverse().find((r) => r.path.endsWith("/transfer"));
  if (!sent) return ["the bot sent no transfer request"];
  const problems: string[] = [];
  if (sent.path !== `/communications/calls/${callId}/transfer`) problems.push(`the transfer went to ${sent.path}, not to the call being transferred (${callId})`);
  const target = isObject(sent.body) && isObject(sent.body.transferTarget) ? sent.body.transferTarget : undefined;
  const replaces = target?.replacesCallId;
  if (replaces !== replacesCallId) problems.push(`transferTarget.replacesCallId is ${JSON.stringify(replaces ?? null)}, not the consultation call's id ${JSON.stringify(replacesCallId)}`);
  return problems;
}

/** The bot's observation of a call, with a malformed one turned into the broken adapter contract it is. */
async function observeCall(session: Session, callId: string): Promise<Observed> {
  const seen = await session.observe(callId);
  if (seen.error) return { ...seen, error: seen.error };
  const malformed = observationProblems(seen.observed);
  if (malformed.length > 0) return { error: `observe() answered a malformed observation: ${malformed.join("; ")}`, errorKind: "protocol" };
  return { observed: seen.observed };
}

export async function executePlan(session: Session, sequence: Sequence, plan: readonly Delivery[], expectAfter?: (delivery: Delivery) => ExpectedObservation | undefined): Promise<PlanResult> {
  const opened = await openCalls(session, sequence);
  const bodies = new Map<number, JsonValue>();
  if ("blocker" in opened) return { notCreated: opened.blocker, timeline: [], bodies };
  const ids = opened.ids;
  const idOf = (name: string) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`sequence ${sequence.id}: no call named ${name}`);
    return id;
  };
  const callId = idOf(OWN_CALL);
  const callIds = Object.fromEntries(ids);
  const timeline: TimelineEntry[] = [];
  const byId = new Map<string, Step>(sequence.steps.map((s) => [s.id, s]));
  const bound = (step: Extract<Step, { notification: string }>) => bindNotification(stepBody(step, session.notifications, sequence.id), { callId: idOf(callOf(step)), callbackUri: session.options.callbackUri });
  // Graph knows the history of the call's roster before it notifies any of it (mock-graph/rosters.ts).
  session.graph.rosters.plan(sequence.steps.filter(isNotificationStep).map(bound));

  for (const delivery of plan) {
    const entry: TimelineEntry = { post: timeline.length + 1, steps: delivery.kind === "post" ? [...delivery.steps] : [`${delivery.step} (action)`], status: null };
    const started = Date.now();
    // The call the POST (its first step) or the action is about: the one observed after it.
    const subject = idOf(callOfDelivery(sequence, delivery));
    let requestProblems: string[] = [];
    if (delivery.kind === "action") {
      const step = byId.get(delivery.step);
      const replaces = step && !isNotificationStep(step) && step.replacesCall !== undefined ? idOf(step.replacesCall) : undefined;
      const result = await transferFor(session, subject, sequence.transfer ?? "", replaces);
      entry.latencyMs = Date.now() - started;
      if (result.error) {
        entry.error = result.error;
        if (result.errorKind) entry.errorKind = result.errorKind;
        timeline.push(entry);
        return { callId, callIds, stopped: { reason: `step ${delivery.step}: ${result.error}`, ...(result.blocker ? { blocker: result.blocker } : {}) }, timeline, bodies };
      }
      if (replaces !== undefined) requestProblems = consultativeProblems(session, subject, replaces);
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
      const sent = await session.deliver(body, { callId: subject });
      entry.latencyMs = Date.now() - started;
      entry.status = sent.status;
      if (sent.error) entry.error = sent.error;
      if (sent.errorKind) entry.errorKind = sent.errorKind;
      if (delivery.label) entry.steps.push(`(${delivery.label})`);
    }
    await observeAfter(session, subject, entry, expectAfter?.(delivery), requestProblems);
    timeline.push(entry);
    // A bot that could not answer at all would cost a timeout per remaining POST, and judge nothing more.
    if (entry.errorKind) return { callId, callIds, stopped: { reason: `POST ${entry.post}: ${entry.error ?? "no answer"}` }, timeline, bodies };
  }
  const final = await observeCall(session, callId);
  const others: Record<string, Observed> = {};
  for (const name of Object.keys(sequence.calls ?? {})) others[name] = await observeCall(session, idOf(name));
  return { callId, callIds, timeline, bodies, ...("error" in final ? { finalError: final } : { final: final.observed }), ...(sequence.calls ? { others } : {}) };
}

/**
 * Where the bot's end observations differ from what the sequence expects of each call, by call
 * name (endsOf; lines about a further call start with its name). The own call's finalError is the
 * caller's to report.
 */
export function endProblems(ends: ReadonlyArray<readonly [string, ExpectedObservation]>, result: PlanResult): string[] {
  return ends.flatMap(([name, expected]) => {
    if (name === OWN_CALL) return result.finalError ? [result.finalError.error] : mismatchLines(expected, result.final);
    const seen = result.others?.[name];
    const lines = !seen ? [`it was not observed`] : "error" in seen ? [seen.error] : mismatchLines(expected, seen.observed);
    return lines.map((l) => `call ${name}: ${l}`);
  });
}

/**
 * Observe the call after a POST (or an action) into its timeline entry: what the bot believes, what
 * kept it from saying (an observation outside the model breaks the adapter contract: a protocol
 * error), and how that differs from `expected` (after `problems`, found in the requests the step
 * made). The observation, when there is one.
 */
export async function observeAfter(session: Session, callId: string, entry: TimelineEntry, expected?: ExpectedObservation, problems: readonly string[] = []): Promise<{ observed?: unknown }> {
  const observed = await session.observe(callId);
  if (observed.error) {
    entry.error = [entry.error, observed.error].filter(Boolean).join("; ");
    if (observed.errorKind) entry.errorKind ??= observed.errorKind;
  } else {
    entry.observed = observed.observed;
    const malformed = observationProblems(observed.observed);
    if (malformed.length > 0) {
      entry.error = [entry.error, `observe() answered a malformed observation: ${malformed.join("; ")}`].filter(Boolean).join("; ");
      entry.errorKind ??= "protocol";
    }
  }
  if (expected) {
    entry.expected = expected;
    entry.mismatches = [...problems, ...(observed.error ? [observed.error] : mismatchLines(expected, observed.observed))];
  }
  return observed.error ? {} : { observed: observed.observed };
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
