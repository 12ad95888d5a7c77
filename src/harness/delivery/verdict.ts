/** Whether a delivered plan ended as the docs say: every POST answered with a 2xx, and the sequence's end observation. */
import type { Sequence } from "../../sequences/model.js";
import type { TimelineEntry } from "../checks.js";
import { mismatchLines, type PlanResult } from "../runner.js";

export function deliveryProblems(sequence: Sequence, result: PlanResult): string[] {
  if (result.aborted) return [result.aborted];
  const unacknowledged = result.timeline.filter((t) => !acknowledged(t)).map((t) => `POST ${t.post} (${t.steps.join(", ")}) answered ${t.status ?? t.error ?? "nothing"}`);
  const end = result.finalError ? [result.finalError] : mismatchLines(sequence.end, result.final).map((line) => `end ${line}`);
  return [...unacknowledged, ...end];
}

function acknowledged(entry: TimelineEntry): boolean {
  return entry.status !== null && entry.status >= 200 && entry.status <= 299;
}
