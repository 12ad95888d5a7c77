/** Sends joinMeetingId as a number: the digits of the meeting id, parsed. */
import { createCallBodyThen, type Body } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "join-meeting-id-as-number",
  bug: "sends joinMeetingId as a number (1234567) instead of a string",
  why: "the Create call page: joinMeetingId is a string (a meeting id can start with 0, which a number loses); Graph refuses a number",
  expectedFailures: ["07", "08"].map((ex) => `create-call.v1.0.ex${ex}/schema`),
  messages: { "create-call.v1.0.ex07/schema": /\/meetingInfo\/joinMeetingId: "joinMeetingId" must be a string/ },
  createBot: withParts({
    createCallBody: createCallBodyThen((body) => {
      const meeting = body.meetingInfo as Body | undefined;
      if (typeof meeting?.joinMeetingId === "string") meeting.joinMeetingId = Number(meeting.joinMeetingId);
    }),
  }),
});

export const { name, createBot } = variant;
