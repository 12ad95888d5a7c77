/** Says it speaks observation version 2 but still answers version 1: result is the last resultInfo, and no transferResult. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class VersionOneAnswers extends CallState {
  override observe() {
    return super.observe(1); // the bug: the version was bumped, the mapping was not
  }
}

/** The sequences whose transfer ends with a resultInfo, where the two versions' results differ. */
const TRANSFER_RESULTS = ["transfer-*-failed", "transfer-failed-after-accepted", "transfer-1-completed", "transfer-3-completed", "transfer-completed-without-accepted"];

export const variant = faulty({
  id: "claims-v2-answers-v1",
  bug: "declares observation version 2, but observes with version 1's meaning: a failed transfer's resultInfo as result, no transferResult",
  why: "in version 2, result is the call's termination only and transferResult the transfer's (PROTOCOL.md, observe); a failed transfer leaves the call established, with no termination result",
  expectedFailures: [...TRANSFER_RESULTS.map((s) => `sequence.${s}/end`), "sequence.transfer-*-failed/step.failed", "sequence.transfer-failed-after-accepted/step.failed"],
  messages: { "sequence.transfer-*-failed/end": /transferResult: expected \{"code":500,"subcode":7\d00\}, observed "\(missing\)"; result: expected null, observed \{"code":500,"subcode":7\d00\}/ },
  createBot: withParts({ newCallState: () => new VersionOneAnswers() }, 2),
});

export const { name, createBot } = variant;
