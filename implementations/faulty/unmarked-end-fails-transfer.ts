/** Any end of a call during a transfer that does not say "transfer completed" fails the transfer, even after transferAccepted. */
import { CallState, readResultInfo } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class UnmarkedEndFails extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const during = this.transfer === "transferring" || this.transfer === "accepted";
    super.applyCall(changeType, data);
    const info = readResultInfo(data.resultInfo);
    const completion = (info?.code === 0 && info.subcode === 7015) || data.terminationReason === "AppTransferred";
    if (during && this.state === "terminated" && !completion) this.transfer = "failed";
  }
}

export const variant = faulty({
  id: "unmarked-end-fails-transfer",
  bug: "a call that ends after transferAccepted without 0/7015 or AppTransferred counts as a failed transfer",
  why: "the Transfer page tells a failed transfer by the call going back to established, never by its end; after transferAccepted, an end is the documented completion's flow (completed) or tells nothing more (accepted) (PROTOCOL.md, endings of a transfer)",
  expectedFailures: ["sequence.transfer-ends-after-accepted/step.terminated", "sequence.transfer-ends-after-accepted/end"],
  messages: { "sequence.transfer-ends-after-accepted/end": /transfer: expected one of "completed" \| "accepted", observed "failed"/ },
  createBot: withParts({ newCallState: () => new UnmarkedEndFails() }),
});

export const { name, createBot } = variant;
