/** Reads delta roster sequence numbers only as JSON numbers: an update whose Int64 numbers are strings is taken as the newest. */
import { CallState, isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class NumbersOnly extends CallState {
  private arrivals = 0;

  /** The bug: "7" is no number to it, so an update numbered with strings counts as newer than everything before it. */
  override applyDelta(update: Record<string, unknown>): void {
    const arrival = ++this.arrivals;
    const number = (v: unknown) => (typeof v === "number" ? v : undefined);
    const participants = Array.isArray(update.participants) ? update.participants : [];
    super.applyDelta({ ...update, sequenceNumber: number(update.sequenceNumber) ?? arrival, participants: participants.map((p) => (isJson(p) ? { ...p, rosterSequenceNumber: number(p.rosterSequenceNumber) } : p)) });
  }
}

export const variant = faulty({
  id: "sequence-numbers-only",
  bug: "reads sequenceNumber and rosterSequenceNumber only when they are JSON numbers: an update numbered with Int64 strings is applied as the newest, in arrival order",
  why: "both are Int64, which Graph writes as strings for clients that ask for IEEE754Compatible JSON (PROTOCOL.md, Roster, delta); without them a late delta update undoes a newer one",
  expectedFailures: ["delivery.delta-roster-sequence-strings"],
  messages: { "delivery.delta-roster-sequence-strings": /end participants: expected \["7a1c4e2b-9d3f-4b6a-8c5e-1f2a3b4c5d6e"\], observed \[/ },
  createBot: withParts({ newCallState: () => new NumbersOnly() }),
});

export const { name, createBot } = variant;
