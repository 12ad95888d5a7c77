/** Takes Graph's 202 Accepted for a transfer as a failure: it expects 200 OK. */
import { ReferenceBot } from "../reference/bot.js";
import type { TransferIntent } from "../../src/scenarios/model.js";
import { faulty } from "./variant.js";

class Expects200 extends ReferenceBot {
  override async transfer(callId: string, intent: TransferIntent): Promise<void> {
    try {
      await super.transfer(callId, intent);
    } catch {
      // the reference accepts 202 only; anything else is a refusal either way
    }
    // The bug: only 200 counts as success, and Graph's transfer answers 202 Accepted.
    throw new Error("Graph did not confirm the transfer (expected 200 OK, got 202 Accepted)");
  }
}

export const variant = faulty({
  id: "transfer-202-as-failure",
  bug: "takes Graph's 202 Accepted for a transfer as a failure (expects 200 OK)",
  why: "the Transfer page: a transfer's response is 202 Accepted with no body, and its outcome arrives later as notifications (transferAccepted, transferCompleted or transferFailed)",
  expectedFailures: ["call-transfer.*/result.accepted"],
  messages: { "call-transfer.*/result.accepted": /expected 200 OK, got 202 Accepted/ },
  createBot: () => new Expects200(),
});

export const { name, createBot } = variant;
