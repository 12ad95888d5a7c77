/**
 * Which schema applies to a payload that does not say: detection from @odata.type and shape.
 * Only the operation and notification schemas are candidates; types need `--as`.
 */
import { isObject } from "../util/json.js";

export type Detection = { schema: string; reason: string } | { schema: undefined; reason: string };

/** Properties only Graph sets on a call: their presence means the payload was received, not sent. */
const SERVICE_SET_CALL_PROPERTIES = ["id", "state", "myParticipantId", "@odata.context", "callChainId", "activeModalities"];

export function detectSchema(payload: unknown): Detection {
  if (!isObject(payload)) {
    return { schema: undefined, reason: `a payload must be a JSON object (got ${Array.isArray(payload) ? "an array" : payload === null ? "null" : typeof payload})` };
  }
  // Own properties only: a polluted Object.prototype must not change what a payload looks like.
  const has = (key: string) => Object.hasOwn(payload, key);
  const odataType = has("@odata.type") ? payload["@odata.type"] : undefined;
  if (odataType === "#microsoft.graph.commsNotifications" || (odataType === undefined && has("value") && Array.isArray(payload.value))) {
    return { schema: "notification", reason: "a commsNotifications body (value array)" };
  }
  if (odataType === "#microsoft.graph.call" || (odataType === undefined && (has("callbackUri") || has("targets")) && !has("transferTarget"))) {
    const serviceSet = SERVICE_SET_CALL_PROPERTIES.filter(has);
    return serviceSet.length >= 2
      ? { schema: "create-call-response", reason: `a call carrying properties Graph sets (${serviceSet.join(", ")})` }
      : { schema: "create-call-request", reason: "a call without the properties Graph sets" };
  }
  if (has("transferTarget") || has("transferee")) {
    return { schema: "transfer-request", reason: "transferTarget/transferee parameters" };
  }
  return {
    schema: undefined,
    reason: typeof odataType === "string"
      ? `no operation or notification schema for @odata.type ${JSON.stringify(odataType)}`
      : "cannot tell which schema applies (no @odata.type, no value, callbackUri or transferTarget)",
  };
}
