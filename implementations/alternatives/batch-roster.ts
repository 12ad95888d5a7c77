/**
 * The other correct design of a delta roster (PROTOCOL.md, "Roster, delta"): whole deltaParticipants
 * batches in sequenceNumber order. A batch not newer than the last one applied is dropped whole (a
 * late or repeated one); a batch that skips a number applies, and marks the roster to be re-read,
 * since the batches it skipped may change it when they come, too late to be applied.
 */
import { CallState, isJson } from "../reference/call-state.js";
import type { ObservationVersion } from "../../src/harness/observation.js";

export class BatchRoster extends CallState {
  private members = new Set<string>();
  private lastSequence = 0;
  /** A batch skipped a number since the last re-read. */
  gap = false;

  override applyRoster(participants: unknown[]): void {
    this.members = ids(participants);
  }

  override applyDelta(update: Record<string, unknown>): void {
    const sequence = Number(update.sequenceNumber);
    if (!Number.isInteger(sequence) || sequence <= this.lastSequence) return;
    if (sequence > this.lastSequence + 1) this.gap = true;
    this.lastSequence = sequence;
    for (const p of Array.isArray(update.participants) ? update.participants : []) {
      if (!isJson(p) || typeof p.id !== "string") continue;
      if (isJson(p.removedState)) this.members.delete(p.id);
      else this.members.add(p.id);
    }
  }

  /** The roster as Graph lists it now (GET .../participants): it replaces what the batches built. */
  reread(participants: unknown[]): void {
    this.members = ids(participants);
    this.gap = false;
  }

  override observe(version: ObservationVersion) {
    return { ...super.observe(version), participants: [...this.members].sort() };
  }
}

function ids(participants: unknown[]): Set<string> {
  return new Set(participants.flatMap((p) => (isJson(p) && typeof p.id === "string" && !isJson(p.removedState) ? [p.id] : [])));
}
