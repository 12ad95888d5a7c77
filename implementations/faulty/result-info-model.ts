/**
 * A call state whose ResultInfo model has a single field for the sub-code, spelled the way one part
 * of the docs spells it: deserialising drops the other spelling, so that sub-code reads as null.
 */
import { CallState, isJson } from "../reference/call-state.js";

export type SubcodeSpelling = "subcode" | "subCode";

export function resultInfoModelWith(spelling: SubcodeSpelling): () => CallState {
  class OneSpelling extends CallState {
    override applyCall(changeType: string, data: Record<string, unknown>): void {
      const info = data.resultInfo;
      super.applyCall(changeType, isJson(info) ? { ...data, resultInfo: { code: info.code, [spelling]: info[spelling], message: info.message } } : data);
    }
  }
  return () => new OneSpelling();
}
