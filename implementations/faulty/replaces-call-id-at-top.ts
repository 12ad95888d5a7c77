/** Puts replacesCallId at the top of the transfer body instead of on transferTarget. */
import { moveKey, transferBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

const CONSULTATIVE = ["beta.ex02", "beta.ex04", "v1.0.ex02"];

export const variant = faulty({
  id: "replaces-call-id-at-top",
  bug: "puts replacesCallId at the top of the transfer body, not on transferTarget",
  why: "the Transfer page: a consultative transfer names the call it replaces in transferTarget.replacesCallId (an invitationParticipantInfo); the transfer action has no replacesCallId parameter, so Graph refuses the body",
  // Two symptoms: the body is invalid, and transferTarget (which is valid) names no replaced call. The consultative sequences are blocked by the schema.
  expectedFailures: CONSULTATIVE.flatMap((ex) => ["schema", "fidelity.replaces-call"].map((check) => `call-transfer.${ex}/${check}`)),
  messages: { "call-transfer.beta.ex02/schema": /\/replacesCallId: unknown property "replacesCallId"/ },
  createBot: withParts({ transferBody: transferBodyThen((body) => moveKey(body.transferTarget, "replacesCallId", body)) }),
});

export const { name, createBot } = variant;
