/** Puts the transferee's participantId on transferTarget: the transfer names the wrong participant. */
import { moveKey, transferBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "transferee-id-on-target",
  bug: "puts the transferee's participantId on transferTarget",
  why: "the Transfer page (transfer from a group call): transferee is a participantInfo whose participantId says which participant of the group call is transferred; on transferTarget the id names nobody Graph can transfer, and the transferee is left unspecified",
  expectedFailures: ["call-transfer.v1.0.ex05/fidelity.transferee"],
  messages: { "call-transfer.v1.0.ex05/fidelity.transferee": /"participantId":"909c6581-5130-43e9-88f3-fcb3582cde37".*"participantId":null/ },
  createBot: withParts({ transferBody: transferBodyThen((body) => moveKey(body.transferee, "participantId", body.transferTarget)) }),
});

export const { name, createBot } = variant;
