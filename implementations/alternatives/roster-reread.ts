/**
 * The reference with the batch design of a delta roster (batch-roster.ts): when a batch skips a
 * sequence number, it re-reads the roster from Graph (GET /communications/calls/{id}/participants)
 * before answering the POST, so `observe` reflects it (PROTOCOL.md, observe).
 */
import { REFERENCE_PARTS, ReferenceBot } from "../reference/bot.js";
import { alternative } from "./alternative.js";
import { BatchRoster } from "./batch-roster.js";

class RosterRereadBot extends ReferenceBot {
  constructor() {
    super({ ...REFERENCE_PARTS, newCallState: () => new BatchRoster() });
  }

  override async handleNotification(request: Request): Promise<Response> {
    const response = await super.handleNotification(request);
    for (const [callId, call] of this.calls) if (call instanceof BatchRoster && call.gap) await this.reread(callId, call);
    return response;
  }

  private async reread(callId: string, call: BatchRoster): Promise<void> {
    const env = this.env!;
    const response = await fetch(`${env.graphBaseUrl}/communications/calls/${encodeURIComponent(callId)}/participants`, { headers: { Authorization: `Bearer ${env.accessToken}` } });
    if (response.status !== 200) return; // the gap stays: the next batch tries again
    const body = (await response.json()) as { value?: unknown };
    call.reread(Array.isArray(body.value) ? body.value : []);
  }
}

export const design = alternative({
  id: "roster-reread",
  design: "applies delta roster batches in sequenceNumber order, drops a batch older than the last applied, and re-reads the roster (GET .../participants) when a batch skips a number",
  why: "PROTOCOL.md accepts both designs of a delta roster: per participant by rosterSequenceNumber (the reference), or per batch with a re-read on a gap",
  createBot: () => new RosterRereadBot(),
});

export const { name, createBot } = design;
