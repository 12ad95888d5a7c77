/**
 * The checks of a sequence delivered in the documented order: each step's expectation, the
 * acknowledgements, the end state. The flow is cumulative, so a step is judged only while the bot
 * has taken in everything before it: after a POST it did not acknowledge (or a transfer it could
 * not make, or an answer it could not give) the later steps and the end are blocked by the check
 * that caught it. A sequence whose call could not be created is blocked as a whole.
 */
import { endsOf, expectedOf } from "../sequences/expectations.js";
import type { Sequence } from "../sequences/model.js";
import { kindDoc } from "./check-registry.js";
import { blocked, errored, failed, passed, type CheckBase, type CheckResult, type ErrorKind, type TimelineEntry } from "./checks.js";
import { documentedPlan, endProblems, executePlan, type PlanResult } from "./runner.js";
import type { ExpectedObservation } from "./observation.js";
import type { Session } from "./session.js";

export function sequenceCheckIds(sequence: Sequence): string[] {
  return [...sequence.steps.filter((s) => s.expect).map((s) => `step.${s.id}`), "acks", "end"].map((c) => `sequence.${sequence.id}/${c}`);
}

/** The fixture a sequence's checks (and its delivery check) come from, relative to the package root. */
export const sequenceFile = (id: string): string => `fixtures/sequences/${id}.json`;

const describe = (sequence: Sequence, what: string) => `${sequence.description.replace(/\.$/, "")} (${sequence.from[0]}): ${what}`;

function title(sequence: Sequence, check: string): string {
  return describe(sequence, check.startsWith("step.") ? `after step ${check.slice("step.".length)}, the bot believes what the docs say` : kindDoc(check));
}

/** A check of a sequence, before its verdict: "step.<id>", "acks" or "end". */
export function sequenceCheckBase(sequence: Sequence, check: string): CheckBase {
  return { id: `sequence.${sequence.id}/${check}`, group: "sequences", subject: sequence.id, title: title(sequence, check), file: sequenceFile(sequence.id) };
}

/** The delivery check of a sequence, before its verdict (delivery.ts judges it; the run may block it). */
export function deliveryCheckBase(sequence: Sequence, seed: number): CheckBase {
  return {
    id: `delivery.${sequence.id}`,
    group: "deliveries",
    subject: sequence.id,
    title: describe(sequence, kindDoc("delivery")),
    seed,
    file: sequenceFile(sequence.id),
  };
}

const isAction = (entry: TimelineEntry) => entry.steps[0]?.endsWith(" (action)") === true;
const acknowledged = (entry: TimelineEntry) => entry.status !== null && entry.status >= 200 && entry.status <= 299;

export async function checkSequence(session: Session, sequence: Sequence): Promise<CheckResult[]> {
  const started = Date.now();
  const version = session.observationVersion;
  const result = await executePlan(session, sequence, documentedPlan(sequence), (d) => expectedOf(sequence, d.kind === "post" ? d.steps[0]! : d.step, version));
  return judgeSequence(sequence, result, endsOf(sequence, version), Date.now() - started);
}

/** The verdicts of a documented-order run, from its plan result; `ends`: each call's end expectation in the version the bot speaks (endsOf). */
export function judgeSequence(sequence: Sequence, result: PlanResult, ends: ReadonlyArray<readonly [string, ExpectedObservation]>, ms: number): CheckResult[] {
  const base = (check: string): CheckBase => ({ ...sequenceCheckBase(sequence, check), timeline: result.timeline });
  // Evidence for a check about one POST: the body exactly as delivered.
  const at = (b: CheckBase, entry: TimelineEntry): CheckBase => {
    const body = result.bodies.get(entry.post);
    return body === undefined ? b : { ...b, delivered: { post: entry.post, body } };
  };

  if (result.notCreated) {
    const by = result.notCreated;
    return sequenceCheckIds(sequence).map((id) => blocked(base(id.split("/")[1]!), by.id, by.message));
  }

  const posts = result.timeline.filter((t) => !isAction(t));
  const bad = posts.filter((t) => !acknowledged(t));
  const acksId = `sequence.${sequence.id}/acks`;
  const acksMessage = bad.map((t) => `POST ${t.post} (${t.steps.join(", ")}) answered ${t.status ?? t.error ?? "nothing"}`).join("; ");

  // Walk the steps in order: what stops the flow blocks what comes after it.
  let breakBy: { id: string; message: string } | undefined;
  let unreported: { kind: ErrorKind; message: string } | undefined; // an error at a step nobody checks
  const checks: CheckResult[] = [];
  for (const step of sequence.steps) {
    const entry = result.timeline.find((t) => t.steps[0] === step.id || t.steps[0] === `${step.id} (action)`);
    const id = `step.${step.id}`;
    if (step.expect) {
      const b = entry ? at(base(id), entry) : base(id);
      // A step check takes the time of its POST (or action); a blocked one was not judged.
      const stepMs = entry?.latencyMs ?? 0;
      if (breakBy) checks.push(blocked(b, breakBy.id, breakBy.message));
      else if (unreported) checks.push(errored(b, unreported.kind, `before this step: ${unreported.message}`, undefined, stepMs));
      else if (!entry) checks.push(errored(b, "internal", `step ${step.id} was not delivered`));
      else if (!isAction(entry) && !acknowledged(entry)) checks.push(blocked(b, acksId, `the bot did not take in POST ${entry.post}: ${acksMessage}`));
      else if (isAction(entry) && entry.error && result.stopped?.blocker) checks.push(blocked(b, result.stopped.blocker.id, result.stopped.blocker.message));
      else if (entry.errorKind) checks.push(errored(b, entry.errorKind, `after POST ${entry.post} (${step.id}): ${entry.error ?? "no answer"}`, undefined, stepMs));
      else {
        const problems = [entry.error, ...(entry.mismatches ?? [])].filter((p): p is string => Boolean(p));
        checks.push(problems.length === 0 ? passed(base(id), stepMs) : failed(b, `after POST ${entry.post} (${step.id}): ${problems.join("; ")}`, undefined, stepMs));
      }
      if (unreported && !breakBy) {
        breakBy = { id: `sequence.${sequence.id}/${id}`, message: unreported.message };
        unreported = undefined;
      }
    }
    if (!entry || breakBy) continue;
    // What this entry breaks for the steps after it.
    if (!isAction(entry) && !acknowledged(entry)) breakBy = { id: acksId, message: `the bot did not take in POST ${entry.post} (${step.id}): ${acksMessage}` };
    else if (isAction(entry) && entry.error) breakBy = result.stopped?.blocker ?? { id: `${sequence.transfer ?? "transfer"}/result.accepted`, message: entry.error };
    else if (entry.errorKind) {
      if (step.expect) breakBy = { id: `sequence.${sequence.id}/${id}`, message: entry.error ?? "no answer" };
      else unreported = { kind: entry.errorKind, message: `POST ${entry.post} (${step.id}): ${entry.error ?? "no answer"}` };
    }
  }

  // acks judges answers the steps already timed: 0. end takes the rest of the sequence (POSTs no step
  // checks, the final observation), so a subject's checks add up to its time.
  const firstBad = bad[0];
  checks.push(firstBad
    ? firstBad.errorKind
      ? errored(at(base("acks"), firstBad), firstBad.errorKind, acksMessage)
      : failed(at(base("acks"), firstBad), acksMessage)
    : breakBy && result.stopped
      ? blocked(base("acks"), breakBy.id, `not every POST was delivered: ${breakBy.message}`)
      : passed(base("acks")));

  const endMs = Math.max(0, ms - checks.reduce((n, c) => n + c.durationMs, 0));
  if (breakBy) checks.push(blocked(base("end"), breakBy.id, breakBy.message));
  else if (unreported) checks.push(errored(base("end"), unreported.kind, unreported.message, undefined, endMs));
  else if (result.finalError?.errorKind) checks.push(errored(base("end"), result.finalError.errorKind, result.finalError.error, undefined, endMs));
  else {
    const ending = endProblems(ends, result);
    checks.push(ending.length === 0 ? passed(base("end"), endMs) : failed(base("end"), ending.join("; "), undefined, endMs));
  }
  return checks;
}
