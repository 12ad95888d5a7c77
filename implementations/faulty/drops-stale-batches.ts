/** The batch design of a delta roster without its re-read: a batch that arrives after a newer one is lost. */
import { BatchRoster } from "../alternatives/batch-roster.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "drops-stale-batches",
  bug: "applies delta roster batches in sequenceNumber order and drops an older batch, but never re-reads the roster when a batch skips a number",
  why: "delta roster updates can arrive out of order: a batch that skipped a number leaves the roster unknown until the skipped ones are applied, which dropping them never does; re-reading the roster (GET .../participants) on the gap is what makes the batch design correct (PROTOCOL.md, Roster, delta)",
  expectedFailures: ["delivery.delta-roster"],
  messages: { "delivery.delta-roster": /end participants: expected \["7a1c4e2b-9d3f-4b6a-8c5e-1f2a3b4c5d6e"\], observed \[/ },
  createBot: withParts({ newCallState: () => new BatchRoster() }),
});

export const { name, createBot } = variant;
