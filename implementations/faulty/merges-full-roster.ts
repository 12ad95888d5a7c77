/** Merges each full roster update into the participants it knew, as if it were a delta. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class RosterOnlyGrows extends CallState {
  private everyone: unknown[] = [];

  override applyRoster(participants: unknown[]): void {
    this.everyone = [...this.everyone, ...participants];
    super.applyRoster(this.everyone);
  }
}

export const variant = faulty({
  id: "merges-full-roster",
  bug: "merges full roster updates instead of replacing the roster",
  why: "without delta roster (the default), each roster notification lists every participant in the call: whoever it no longer lists has left",
  expectedFailures: [
    "sequence.full-roster-replaced/step.roster-2",
    "sequence.full-roster-replaced/end",
    "sequence.empty-roster/step.everyone-left",
    "sequence.empty-roster/end",
  ],
  messages: { "sequence.empty-roster/end": /participants: expected \[\], observed \[/ },
  createBot: withParts({ newCallState: () => new RosterOnlyGrows() }),
});

export const { name, createBot } = variant;
