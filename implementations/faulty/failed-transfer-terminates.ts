/** Reads a resultInfo during a transfer as the end of the call: a failed transfer looks completed. */
import { CallState, isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class ResultInfoEndsTransfer extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const transferring = this.transfer === "transferring" || this.transfer === "accepted";
    if (transferring && isJson(data.resultInfo)) super.applyCall("deleted", { ...data, state: "terminated" });
    else super.applyCall(changeType, data);
  }
}

export const variant = faulty({
  id: "failed-transfer-terminates",
  bug: "treats a failed transfer (the call back to established with a resultInfo) as a terminated call",
  why: "the Transfer page: when a transfer fails, Graph puts the call back to established and reports why in resultInfo; the call goes on, only a completed transfer terminates it",
  expectedFailures: ["sequence.transfer-*-failed/step.failed", "sequence.transfer-*-failed/end"],
  messages: { "sequence.transfer-*-failed/end": /state: expected "established", observed "terminated"/ },
  createBot: withParts({ newCallState: () => new ResultInfoEndsTransfer() }),
});

export const { name, createBot } = variant;
