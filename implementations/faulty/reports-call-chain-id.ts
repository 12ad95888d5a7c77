/** Reports the 201 response's callChainId as the call's id. */
import { ReferenceBot } from "../reference/bot.js";
import type { CreateCallIntent } from "../../src/scenarios/model.js";
import { faulty } from "./variant.js";

class ChainIdAsCallId extends ReferenceBot {
  override async createCall(intent: CreateCallIntent): Promise<{ callId: string }> {
    const { callId } = await super.createCall(intent);
    return { callId: String(this.created.get(callId)?.callChainId ?? callId) };
  }
}

export const variant = faulty({
  id: "reports-call-chain-id",
  bug: "reports the call's callChainId (from the 201 response) as its id",
  why: "the Create call page: the call's id is the 201 response's id, which every later request (transfer, delete) and every notification's resourceUrl names; callChainId identifies the chain of calls across transfers",
  expectedFailures: ["create-call.*/result.call-id"],
  messages: { "create-call.*/result.call-id": /the bot reports call "[0-9a-f-]+"/ },
  createBot: () => new ChainIdAsCallId(),
});

export const { name, createBot } = variant;
