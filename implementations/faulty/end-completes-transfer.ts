/** Takes any end of a call during a transfer for its completion: what PROTOCOL.md version 1 said, without a reason. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class EndCompletesTransfer extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const transferring = this.transfer === "transferring";
    super.applyCall(changeType, data);
    if (transferring && this.state === "terminated") this.transfer = "completed";
  }
}

export const variant = faulty({
  id: "end-completes-transfer",
  bug: "a call that ends while its transfer is only transferring counts as a completed transfer, whatever ended it",
  why: "the Transfer page shows a completed transfer told by its own notification (0/7015 GracefulTransferCompleted, or AppTransferred); a call hung up while transferring, with neither, did not complete a transfer (PROTOCOL.md, endings of a transfer)",
  expectedFailures: ["sequence.transfer-ends-while-transferring/step.terminated", "sequence.transfer-ends-while-transferring/end"],
  messages: { "sequence.transfer-ends-while-transferring/end": /transfer: expected one of "transferring" \| "failed", observed "completed"/ },
  createBot: withParts({ newCallState: () => new EndCompletesTransfer() }),
});

export const { name, createBot } = variant;
