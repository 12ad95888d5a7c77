/** Applies delta roster updates in the order they arrive, as if each were newer than everything before it. */
import { CallState, isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class ArrivalOrderRoster extends CallState {
  private arrivals = 0;

  /** The bug: the update's own sequence numbers are replaced by its arrival count. */
  override applyDelta(update: Record<string, unknown>): void {
    const arrival = ++this.arrivals;
    const participants = Array.isArray(update.participants) ? update.participants : [];
    super.applyDelta({ ...update, sequenceNumber: arrival, participants: participants.map((p) => (isJson(p) ? { ...p, rosterSequenceNumber: arrival } : p)) });
  }
}

export const variant = faulty({
  id: "delta-in-arrival-order",
  bug: "applies delta roster updates in arrival order, ignoring their sequence numbers",
  why: "delta roster updates (isDeltaRosterEnabled) carry sequenceNumber and rosterSequenceNumber precisely because they can arrive out of order or twice; an older update must not undo a newer one",
  expectedFailures: ["delivery.delta-roster"],
  messages: { "delivery.delta-roster": /end participants: expected \["7a1c4e2b-9d3f-4b6a-8c5e-1f2a3b4c5d6e"\], observed \[/ },
  createBot: withParts({ newCallState: () => new ArrivalOrderRoster() }),
});

export const { name, createBot } = variant;
