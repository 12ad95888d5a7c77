/** Takes transferAccepted for the transfer's success: a failure reported after it is ignored. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class AcceptedIsFinal extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    if (this.transfer === "accepted" && data.state === "established") return; // the bug
    super.applyCall(changeType, data);
  }
}

export const variant = faulty({
  id: "accepted-transfer-cannot-fail",
  bug: "ignores a transfer failure (the call back to established) once the transfer was accepted",
  why: "the Transfer page: when a transfer fails, the call is established again with the failure's resultInfo; nothing limits that to before transferAccepted (PROTOCOL.md, endings of a transfer)",
  expectedFailures: ["sequence.transfer-failed-after-accepted/step.failed", "sequence.transfer-failed-after-accepted/end"],
  messages: { "sequence.transfer-failed-after-accepted/end": /state: expected "established", observed "transferAccepted"/ },
  createBot: withParts({ newCallState: () => new AcceptedIsFinal() }),
});

export const { name, createBot } = variant;
