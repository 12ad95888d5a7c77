/** Transfers the call it placed last, not the call it is asked to transfer. */
import type { TransferIntent } from "../../src/scenarios/model.js";
import { ReferenceBot } from "../reference/bot.js";
import { faulty } from "./variant.js";

class LastPlacedCall extends ReferenceBot {
  override async transfer(callId: string, intent: TransferIntent): Promise<void> {
    return super.transfer([...this.created.keys()].at(-1) ?? callId, intent);
  }
}

export const variant = faulty({
  id: "transfers-last-placed-call",
  bug: "sends the transfer to the call it placed last (its \"current\" call), not to the call it is asked to transfer",
  why: "in a consultative transfer the bot has placed the consultation call after the call it transfers: POST /communications/calls/{id}/transfer must name the call being transferred (the Transfer page), and replacesCallId the consultation call; transferring the consultation call into itself transfers nothing Graph can do",
  expectedFailures: ["sequence.consultative-transfer/step.transfer"],
  messages: { "sequence.consultative-transfer/step.transfer": /the transfer went to \/communications\/calls\/[^ ]+\/transfer, not to the call being transferred/ },
  createBot: () => new LastPlacedCall(),
});

export const { name, createBot } = variant;
