/** A transfer that is a stub: it answers as if done and never calls Graph. */
import { ReferenceBot } from "../reference/bot.js";
import { faulty } from "./variant.js";

class StubTransfer extends ReferenceBot {
  override async transfer(): Promise<void> {
    // TODO left in: the transfer was never wired to Graph.
  }
}

export const variant = faulty({
  id: "transfer-not-sent",
  bug: "transfer() is a stub: it reports success and never calls Graph",
  why: "the Transfer page: a transfer is POST /communications/calls/{id}/transfer; a bot that never sends it leaves the caller where they were, while its own logs say the call was transferred",
  expectedFailures: ["call-transfer.*/http.sent"],
  messages: { "call-transfer.*/http.sent": /the bot sent no request to Graph/ },
  createBot: () => new StubTransfer(),
});

export const { name, createBot } = variant;
