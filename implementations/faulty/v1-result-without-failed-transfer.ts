/**
 * An implementation of observation version 1 whose model keeps a failed transfer's resultInfo apart
 * from the call's, and maps only the call's to `result`: right in version 2, wrong in version 1.
 */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class TerminationResultOnly extends CallState {
  override observe() {
    return { ...super.observe(1), result: this.result }; // the bug: version 1's result is the last resultInfo, a failed transfer's too
  }
}

export const variant = faulty({
  id: "v1-result-without-failed-transfer",
  bug: "speaks observation version 1 but leaves a failed transfer's resultInfo out of result",
  why: "in version 1 (PROTOCOL.md, Versions), result is the last resultInfo applied, the failed transfer's included: an implementation of version 1 is judged on version 1's meaning",
  expectedFailures: ["sequence.transfer-*-failed/step.failed", "sequence.transfer-*-failed/end", "sequence.transfer-failed-after-accepted/step.failed", "sequence.transfer-failed-after-accepted/end"],
  messages: { "sequence.transfer-*-failed/end": /^result: expected \{"code":500,"subcode":7\d00\}, observed null$/ },
  createBot: withParts({ newCallState: () => new TerminationResultOnly() }, 1),
});

export const { name, createBot } = variant;
