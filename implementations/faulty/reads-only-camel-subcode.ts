/** Reads resultInfo.subCode only: terminations and completed transfers, which Graph reports with subcode, lose their sub-code. */
import { resultInfoModelWith } from "./result-info-model.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "reads-only-camel-subcode",
  bug: "accepts only the spelling subCode of resultInfo's sub-code (not subcode)",
  why: "the docs spell it both ways (erratum FIELD_SPELLING): the terminated and transfer-completed notifications say subcode, the failed ones subCode; a bot must read either",
  expectedFailures: [
    "sequence.call-terminated/step.terminated",
    "sequence.call-terminated/end",
    "sequence.transfer-1-completed/step.completed",
    "sequence.transfer-1-completed/end",
    "sequence.transfer-3-completed/step.completed",
    "sequence.transfer-3-completed/end",
  ],
  messages: { "sequence.call-terminated/end": /result: expected \{"code":200,"subcode":5001\}, observed \{"code":200,"subcode":null\}/ },
  createBot: withParts({ newCallState: resultInfoModelWith("subCode") }),
});

export const { name, createBot } = variant;
