/** Asks every call for the notifications of the bot's global settings, not those the call needs. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

/** The bot-wide setting: content sharing notifications on, delta roster off. */
const BOT_CALL_OPTIONS = { "@odata.type": "#microsoft.graph.outgoingCallOptions", isContentSharingNotificationEnabled: true };

export const variant = faulty({
  id: "global-call-options",
  bug: "sends the same callOptions (content sharing on, delta roster off) on every call, whatever the call asks for",
  why: "the Create call page: callOptions (isContentSharingNotificationEnabled, isDeltaRosterEnabled) choose which notifications Graph sends for this call; without isDeltaRosterEnabled a bot that expects delta rosters gets full ones",
  expectedFailures: ["create-call.*/fidelity.notifications"],
  messages: { "create-call.v1.0.ex01/fidelity.notifications": /"deltaRoster":true.*"deltaRoster":false/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => void (body.callOptions = { ...BOT_CALL_OPTIONS })) }),
});

export const { name, createBot } = variant;
