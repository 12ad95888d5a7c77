/** Joins a meeting by its organizer without the meeting's chatInfo. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "omits-chat-info",
  bug: "joins a meeting with organizerMeetingInfo but leaves out chatInfo",
  why: "the Create call page (join a scheduled meeting): organizerMeetingInfo says who organised the meeting, chatInfo.threadId which meeting it is; without it Graph cannot find the meeting",
  expectedFailures: ["create-call.v1.0.ex05/fidelity.meeting", "create-call.v1.0.ex06/fidelity.meeting"],
  messages: { "create-call.v1.0.ex05/fidelity.meeting": /"threadId":""/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => delete body.chatInfo) }),
});

export const { name, createBot } = variant;
