/** The checks of a sequence delivered in the documented order: each step's expectation, the acknowledgements, the end state. */
import { expectedOf } from "../sequences/expectations.js";
import type { Sequence } from "../sequences/model.js";
import { fail, pass, type CheckResult } from "./checks.js";
import { documentedPlan, executePlan, mismatchLines } from "./runner.js";
import type { Session } from "./session.js";

export function sequenceCheckIds(sequence: Sequence): string[] {
  return [...sequence.steps.filter((s) => s.expect).map((s) => `step.${s.id}`), "acks", "end"].map((c) => `sequence.${sequence.id}/${c}`);
}

function title(sequence: Sequence, check: string): string {
  const what = check === "acks"
    ? "every notification POST is answered with a 2xx"
    : check === "end"
      ? "the bot ends in the documented state"
      : `after step ${check.slice("step.".length)}, the bot believes what the docs say`;
  return `${sequence.description.replace(/\.$/, "")} (${sequence.from[0]}): ${what}`;
}

export async function checkSequence(session: Session, sequence: Sequence): Promise<CheckResult[]> {
  const started = Date.now();
  const version = session.observationVersion;
  const result = await executePlan(session, sequence, documentedPlan(sequence), (d) => expectedOf(sequence, d.kind === "post" ? d.steps[0]! : d.step, version));
  const ms = Date.now() - started;
  const base = (check: string) => ({ id: `sequence.${sequence.id}/${check}`, group: "sequences" as const, subject: sequence.id, title: title(sequence, check), timeline: result.timeline });

  if (result.aborted) return sequenceCheckIds(sequence).map((id) => fail(base(id.split("/")[1]!), result.aborted!, undefined, ms));

  const checks: CheckResult[] = [];
  for (const step of sequence.steps.filter((s) => s.expect)) {
    const entry = result.timeline.find((t) => t.steps[0] === step.id || t.steps[0] === `${step.id} (action)`);
    const problems = entry?.mismatches ?? [`step ${step.id} was not delivered`];
    checks.push(problems.length === 0 && !entry?.error
      ? pass(base(`step.${step.id}`), ms)
      : fail(base(`step.${step.id}`), `after POST ${entry?.post ?? "?"} (${step.id}): ${[entry?.error, ...problems].filter(Boolean).join("; ")}`, undefined, ms));
  }
  const badAcks = result.timeline.filter((t) => t.status === null || t.status < 200 || t.status > 299);
  checks.push(badAcks.length === 0
    ? pass(base("acks"), ms)
    : fail(base("acks"), badAcks.map((t) => `POST ${t.post} (${t.steps.join(", ")}) answered ${t.status ?? t.error ?? "nothing"}`).join("; "), undefined, ms));
  const endProblems = result.finalError ? [result.finalError] : mismatchLines(expectedOf(sequence, "end", version)!, result.final);
  checks.push(endProblems.length === 0 ? pass(base("end"), ms) : fail(base("end"), endProblems.join("; "), undefined, ms));
  return checks;
}
