/** A strict transfer state machine: only a termination after transferAccepted completes a transfer. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class CompletesOnlyAfterAccepted extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const transferring = this.transfer === "transferring";
    super.applyCall(changeType, data);
    if (transferring && this.state === "terminated") {
      this.transfer = "transferring"; // the bug: "transferAccepted was never seen, so the transfer cannot have completed"
      this.transferResult = null;
    }
  }
}

export const variant = faulty({
  id: "completion-needs-accepted",
  bug: "ignores a transfer completion (0/7015 GracefulTransferCompleted) that arrives without a transferAccepted before it",
  why: "the completion says in its own words that the transfer completed, and the docs never promise that transferAccepted always comes first (PROTOCOL.md, endings of a transfer)",
  expectedFailures: ["sequence.transfer-completed-without-accepted/step.completed", "sequence.transfer-completed-without-accepted/end"],
  messages: { "sequence.transfer-completed-without-accepted/end": /transfer: expected "completed", observed "transferring"/ },
  createBot: withParts({ newCallState: () => new CompletesOnlyAfterAccepted() }),
});

export const { name, createBot } = variant;
