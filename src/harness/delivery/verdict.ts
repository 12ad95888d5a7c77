/** Whether a delivered plan ended as the docs say: every POST answered with a 2xx, and the sequence's end observation (in the version the bot speaks). */
import type { ExpectedObservation } from "../observation.js";
import type { ErrorKind, TimelineEntry } from "../checks.js";
import { endProblems, type PlanResult } from "../runner.js";

export interface DeliveryVerdict {
  problems: string[];
  /** Set when the bot could not answer at all during the plan (hang, crash, protocol violation). */
  errorKind?: ErrorKind;
}

/** `ends`: each call's end expectation, by call name (endsOf). */
export function deliveryProblems(ends: ReadonlyArray<readonly [string, ExpectedObservation]>, result: PlanResult): string[] {
  return deliveryVerdict(ends, result).problems;
}

export function deliveryVerdict(ends: ReadonlyArray<readonly [string, ExpectedObservation]>, result: PlanResult): DeliveryVerdict {
  if (result.notCreated) return { problems: [result.notCreated.message], ...(result.notCreated.errorKind ? { errorKind: result.notCreated.errorKind } : {}) };
  const fault = result.timeline.find((t) => t.errorKind)?.errorKind ?? result.finalError?.errorKind;
  const posts = result.timeline.filter((t) => !t.steps[0]?.endsWith(" (action)"));
  const unacknowledged = posts.filter((t) => !acknowledged(t)).map((t) => `POST ${t.post} (${t.steps.join(", ")}) answered ${t.status ?? t.error ?? "nothing"}`);
  // Where the plan stopped, unless the last unacknowledged POST already says it.
  const last = result.timeline.at(-1);
  const stopped = result.stopped && !(last && posts.includes(last) && !acknowledged(last)) ? [result.stopped.reason] : [];
  const ending = result.stopped ? [] : result.finalError ? [result.finalError.error] : endProblems(ends, result).map((line) => `end ${line}`);
  return { problems: [...unacknowledged, ...stopped, ...ending], ...(fault ? { errorKind: fault } : {}) };
}

function acknowledged(entry: TimelineEntry): boolean {
  return entry.status !== null && entry.status >= 200 && entry.status <= 299;
}
