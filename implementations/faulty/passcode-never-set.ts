/** Sends an empty passcode for every meeting it joins by id: its model's field is never filled in. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "passcode-never-set",
  bug: "sends passcode \"\" when joining a meeting by id, whatever the meeting's passcode (the field is initialised and never filled in)",
  why: "the Create call page (joinMeetingIdMeetingInfo): the passcode is the meeting's, and a meeting without one has none; Graph cannot admit the bot with a wrong passcode",
  expectedFailures: ["create-call.v1.0.ex07/fidelity.meeting", "create-call.v1.0.ex08/fidelity.meeting"],
  messages: { "create-call.v1.0.ex07/fidelity.meeting": /"passcode":"psw123"\}, the request says \{.*"passcode":""\}/ },
  createBot: withParts({
    createCallBody: createCallBodyThen((body) => {
      const info = body.meetingInfo as Record<string, unknown> | undefined;
      if (info?.["@odata.type"] === "#microsoft.graph.joinMeetingIdMeetingInfo") info.passcode = "";
    }),
  }),
});

export const { name, createBot } = variant;
