/** Transfers /communications/calls/{myParticipantId}: the wrong id from Graph's 201 response. */
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "transfers-my-participant-id",
  bug: "calls transfer with the bot's myParticipantId (from the 201 response) instead of the call id",
  why: "the transfer action is POST /communications/calls/{id}/transfer, where id is the call's id (the 201 response's id); myParticipantId names the bot's participant in the call, and Graph answers 404 for a call it does not know",
  expectedFailures: ["call-transfer.*/http.method-path"],
  messages: { "call-transfer.*/http.method-path": /sent POST \/communications\/calls\/[0-9a-f-]+\/transfer, expected POST \/communications\/calls\/[0-9a-f-]+\/transfer/ },
  createBot: withParts({ transferCallId: (_callId, created) => String(created.myParticipantId) }),
});

export const { name, createBot } = variant;
