/** Moves a call to its archive once it terminates: a late notification about it starts a new, blank call. */
import type { CallObservation } from "../../src/harness/observation.js";
import { ReferenceBot } from "../reference/bot.js";
import type { CallState } from "../reference/call-state.js";
import { faulty } from "./variant.js";

class ArchivesEndedCalls extends ReferenceBot {
  private readonly ended = new Map<string, CallState>();

  override async handleNotification(request: Request): Promise<Response> {
    const response = await super.handleNotification(request);
    // The bug: live calls and ended ones are kept apart, and a notification is routed to the live ones only.
    for (const [id, call] of this.calls) {
      if (call.state === "terminated" && !this.ended.has(id)) {
        this.ended.set(id, call);
        this.calls.delete(id);
      }
    }
    return response;
  }

  override async observe(callId: string): Promise<CallObservation> {
    return this.calls.has(callId) || !this.ended.has(callId) ? super.observe(callId) : this.ended.get(callId)!.observe(this.observationVersion);
  }
}

export const variant = faulty({
  id: "forgets-ended-calls",
  bug: "archives a call once it terminates, and takes a later notification about it (a participant leaving, content sharing ending) for a new call, which it then reports instead",
  why: "Graph may notify a call's roster and content sharing after its termination (PROTOCOL.md, notifications after termination): they may be applied or ignored, but the call stays terminated with its result",
  expectedFailures: ["sequence.after-termination/step.late-roster", "sequence.after-termination/end"],
  messages: { "sequence.after-termination/step.late-roster": /state: expected "terminated", observed null/ },
  createBot: () => new ArchivesEndedCalls(),
});

export const { name, createBot } = variant;
