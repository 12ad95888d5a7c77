/** Transfers to the party the call was placed to, instead of the transfer's target. */
import type { Party } from "../../src/scenarios/model.js";
import { createCallBody, transferBody } from "../reference/requests.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "transfers-to-the-callee",
  bug: "sends the call's own target (the callee) as transferTarget instead of the party to transfer to",
  why: "the Transfer page: transferTarget is the participant the call is transferred to; the callee is already in the call",
  expectedFailures: ["call-transfer.*/fidelity.transfer-target"],
  messages: { "call-transfer.*/fidelity.transfer-target": /transferTarget: the scenario says \{"party":"(user|phone) [^"]+".*, the request says \{"party":"user 112f7296/ },
  createBot: withParts(() => {
    let callee: Party | undefined;
    return {
      createCallBody: (intent, callbackUri) => {
        callee = intent.targets[0] ?? callee;
        return createCallBody(intent, callbackUri);
      },
      transferBody: (intent) => transferBody(callee ? { ...intent, target: { ...callee } } : intent),
    };
  }),
});

export const { name, createBot } = variant;
