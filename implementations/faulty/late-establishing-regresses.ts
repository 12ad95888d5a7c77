/** Takes every call state as it arrives: an `establishing` that arrives after `established` moves the call back. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class LastStateWins extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    if (data.state === "establishing" && this.state !== "terminated") this.state = "establishing";
    else super.applyCall(changeType, data);
  }
}

/** The sequences whose establishing and established notifications may arrive in either order. */
const ESTABLISHING_IN_ANY_ORDER = ["outgoing-call-lifecycle", "group-call", "join-meeting-full-roster"];

export const variant = faulty({
  id: "late-establishing-regresses",
  bug: "a late establishing notification undoes established",
  why: "the Create call page notes that the establishing and established notifications can arrive out of order; a call never goes back from established to establishing",
  expectedFailures: ESTABLISHING_IN_ANY_ORDER.map((s) => `delivery.${s}`),
  messages: Object.fromEntries(ESTABLISHING_IN_ANY_ORDER.map((s) => [`delivery.${s}`, /end state: expected "established", observed "establishing"/])),
  createBot: withParts({ newCallState: () => new LastStateWins() }),
});

export const { name, createBot } = variant;
