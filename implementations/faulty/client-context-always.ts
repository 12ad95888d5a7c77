/** Puts its own correlation id in clientContext on every transfer, replacing the caller's. */
import { transferBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

const CORRELATION_ID = "bot-correlation-0001";

export const variant = faulty({
  id: "client-context-always",
  bug: "overwrites clientContext with its own correlation id on every transfer",
  why: "clientContext is the caller's: Graph echoes it in the transfer's notifications so that whoever asked for the transfer can match them; a bot that replaces it breaks that correlation",
  expectedFailures: ["call-transfer.*/fidelity.client-context"],
  messages: { "call-transfer.*/fidelity.client-context": /the request says "bot-correlation-0001"/ },
  createBot: withParts({ transferBody: transferBodyThen((body) => void (body.clientContext = CORRELATION_ID)) }),
});

export const { name, createBot } = variant;
