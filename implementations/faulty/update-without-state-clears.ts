/** Takes resourceData.state as the call's state on every update: an update without state (a tone, media) leaves the call in no state. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class StateOrNothing extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    if (typeof data.state !== "string" && changeType !== "deleted" && this.state !== "terminated") this.state = null;
    else super.applyCall(changeType, data);
  }
}

export const variant = faulty({
  id: "update-without-state-clears",
  bug: "sets the call's state from every call update, so an update without state (a tone heard, a media state change) leaves the call in no state",
  why: "Graph updates a call for more than its state (toneInfo, mediaState, transcription); a call notification without state says nothing about the state, which stays what it was",
  expectedFailures: ["sequence.call-updated-without-state/step.tone"],
  messages: { "sequence.call-updated-without-state/step.tone": /state: expected "established", observed null/ },
  createBot: withParts({ newCallState: () => new StateOrNothing() }),
});

export const { name, createBot } = variant;
