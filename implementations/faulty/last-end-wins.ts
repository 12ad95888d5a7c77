/** Applies every terminal notification of a call: the last one's resultInfo replaces the result, even when it has none. */
import { CallState, readResultInfo } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class LastEndWins extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const ends = changeType === "deleted" || data.state === "terminated";
    if (this.state === "terminated" && ends) this.result = readResultInfo(data.resultInfo);
    else super.applyCall(changeType, data);
  }
}

export const variant = faulty({
  id: "last-end-wins",
  bug: "takes the result of a call from its last terminal notification: the deleted notification that follows the terminated one, without resultInfo, erases the result",
  why: "Graph may report a call's end twice (an updated terminated call, then its deletion); PROTOCOL.md: after terminated the call stays terminated, and a later terminal notification may only fill in a result still null",
  expectedFailures: ["sequence.terminated-then-deleted/step.deleted", "sequence.terminated-then-deleted/end"],
  messages: { "sequence.terminated-then-deleted/step.deleted": /result: expected \{"code":200,"subcode":5001\}, observed null/ },
  createBot: withParts({ newCallState: () => new LastEndWins() }),
});

export const { name, createBot } = variant;
