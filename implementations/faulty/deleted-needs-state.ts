/** Reads the new state from resourceData.state only: a deleted notification without a state changes nothing. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class StateOnly extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    if (typeof data.state !== "string") return; // the bug: changeType "deleted" is not read
    super.applyCall(changeType, data);
  }
}

export const variant = faulty({
  id: "deleted-needs-state",
  bug: "ignores a deleted call notification whose resource has no state",
  why: "the call-delete page notifies the end of a call with changeType deleted and a call resource without state: the call is terminated (PROTOCOL.md, Call state)",
  expectedFailures: ["sequence.call-deleted-without-state/step.deleted", "sequence.call-deleted-without-state/end"], // its delivery is blocked by the step
  messages: { "sequence.call-deleted-without-state/end": /state: expected "terminated", observed "established"/ },
  createBot: withParts({ newCallState: () => new StateOnly() }),
});

export const { name, createBot } = variant;
