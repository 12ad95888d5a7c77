/** A typed ResultInfo whose code and subcode are numbers: one written as a string ("200") is dropped, and the whole resultInfo with it. */
import { CallState, isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class NumbersOnly extends CallState {
  override applyCall(changeType: string, data: Record<string, unknown>): void {
    const info = data.resultInfo;
    super.applyCall(changeType, isJson(info) && typeof info.code !== "number" ? { ...data, resultInfo: undefined } : data);
  }
}

const STRING_RESULTS = ["call-terminated-result-strings", "call-terminated-code-string", "transfer-failed-result-strings"];

export const variant = faulty({
  id: "result-numbers-only",
  bug: "reads a resultInfo only when its code is a JSON number: {\"code\": \"200\", \"subcode\": \"5001\"} is lost",
  why: "the call-delete pages write resultInfo numbers as strings (erratum NUMBER_AS_STRING); PROTOCOL.md asks a bot to read them as the numbers they are",
  // Their deliveries are blocked by these steps, which fail first.
  expectedFailures: [...STRING_RESULTS.map((s) => `sequence.${s}/end`), "sequence.call-terminated-*/step.terminated", "sequence.transfer-failed-result-strings/step.failed"],
  messages: {
    "sequence.call-terminated-result-strings/end": /result: expected \{"code":200,"subcode":5001\}, observed null/,
    "sequence.transfer-failed-result-strings/end": /transferResult: expected \{"code":500,"subcode":7700\}, observed null/,
  },
  createBot: withParts({ newCallState: () => new NumbersOnly() }),
});

export const { name, createBot } = variant;
