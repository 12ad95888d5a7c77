/** Lists every participant of a full roster by String(id): a participant being invited (id null) is listed as "null". */
import { CallState, isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class EveryRosterEntry extends CallState {
  override applyRoster(participants: unknown[]): void {
    super.applyRoster(participants.map((p) => (isJson(p) && p.id === null ? { ...p, id: String(p.id) } : p)));
  }
}

export const variant = faulty({
  id: "lists-invited-participants",
  bug: "lists a participant being invited (id null) as a participant, under the id \"null\"",
  why: "Graph lists a participant it is inviting with id null and an invitationParticipantInfo until they join (PROTOCOL.md: a roster participant whose id is null is left out of participants): they are not in the call yet",
  expectedFailures: ["sequence.invited-participant/step.roster", "sequence.invited-participant/end"],
  messages: { "sequence.invited-participant/step.roster": /participants: expected \[.*\], observed \[.*"null"/ },
  createBot: withParts({ newCallState: () => new EveryRosterEntry() }),
});

export const { name, createBot } = variant;
