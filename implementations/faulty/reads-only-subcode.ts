/** Reads resultInfo.subcode only: the failed transfers, which Graph reports with subCode, lose their sub-code. */
import { resultInfoModelWith } from "./result-info-model.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "reads-only-subcode",
  bug: "accepts only the spelling subcode of resultInfo's sub-code (not subCode)",
  why: "the docs spell it both ways (erratum FIELD_SPELLING): the transfer-failed notifications say subCode, the completed ones subcode; a bot must read either",
  expectedFailures: ["sequence.transfer-*-failed/step.failed", "sequence.transfer-*-failed/end"],
  messages: { "sequence.transfer-*-failed/end": /transferResult: expected \{"code":500,"subcode":7\d00\}, observed \{"code":500,"subcode":null\}/ },
  createBot: withParts({ newCallState: resultInfoModelWith("subcode") }),
});

export const { name, createBot } = variant;
