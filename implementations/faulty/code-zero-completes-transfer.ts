/** Reads resultInfo code 0 as "the transfer succeeded": a call ended by the application while transferring counts as a completed transfer. */
import { CallState, readResultInfo } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class CodeZeroIsSuccess extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const ends = data.state === "terminated" || (changeType === "deleted" && typeof data.state !== "string");
    const transferring = this.transfer === "transferring";
    super.applyCall(changeType, data);
    if (ends && transferring && readResultInfo(data.resultInfo)?.code === 0) this.transfer = "completed";
  }
}

export const variant = faulty({
  id: "code-zero-completes-transfer",
  bug: "takes a termination with resultInfo code 0 during a transfer for the transfer's completion (code 0 read as success, whatever the subcode)",
  why: "code 0 only says the operation succeeded: 0/5001 is a call the application ended; the Transfer page tells a completed transfer by 0/7015 GracefulTransferCompleted or AppTransferred (PROTOCOL.md, a transfer completion)",
  expectedFailures: ["sequence.transfer-app-ends-while-transferring/step.terminated", "sequence.transfer-app-ends-while-transferring/end"],
  messages: { "sequence.transfer-app-ends-while-transferring/step.terminated": /transfer: expected one of "transferring" \| "failed", observed "completed"/ },
  createBot: withParts({ newCallState: () => new CodeZeroIsSuccess() }),
});

export const { name, createBot } = variant;
