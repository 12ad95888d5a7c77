/** Whether a delivered plan ended as the docs say: every POST answered with a 2xx, and the sequence's end observation (in the version the bot speaks). */
import type { ExpectedObservation } from "../observation.js";
import type { TimelineEntry } from "../checks.js";
import { mismatchLines, type PlanResult } from "../runner.js";

export function deliveryProblems(end: ExpectedObservation, result: PlanResult): string[] {
  if (result.aborted) return [result.aborted];
  const unacknowledged = result.timeline.filter((t) => !acknowledged(t)).map((t) => `POST ${t.post} (${t.steps.join(", ")}) answered ${t.status ?? t.error ?? "nothing"}`);
  const ending = result.finalError ? [result.finalError] : mismatchLines(end, result.final).map((line) => `end ${line}`);
  return [...unacknowledged, ...ending];
}

function acknowledged(entry: TimelineEntry): boolean {
  return entry.status !== null && entry.status >= 200 && entry.status <= 299;
}
