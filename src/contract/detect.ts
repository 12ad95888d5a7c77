/**
 * Which schema applies to a payload that does not say: detection from @odata.type and shape, as a
 * payload arrives (a callback body, a response, a resource read back, a request a bot is about to send).
 *
 *  - a commsNotifications body is a `notification`, and each of its items gets its own kind
 *    (notification-call-state, -roster, -operation...; see notification-kind.ts);
 *  - a call is a `create-call-response` only when it has an id (and its state), a received call
 *    (`receive/call`) when it carries other properties Graph sets, else a `create-call-request`;
 *  - transferTarget/transferee make a `transfer-request`; a participant object is a `receive/participant`;
 *  - any other `#microsoft.graph.<type>` is `receive/<type>` when that schema exists.
 * An @odata.type without its leading "#" is read as if it had one, and the detection says so
 * (the schemas still reject it: Graph always writes the "#").
 */
import { isObject } from "../util/json.js";
import { canonicalOdataType, kindOfItem, notificationKinds, type ItemKind } from "./notification-kind.js";
import { readSchemaEntries, type SchemaEntry } from "./registry.js";

export interface Detection {
  /** undefined: nothing fits; `reason` says why. */
  schema: string | undefined;
  reason: string;
  /** Something tolerated while detecting, e.g. an @odata.type without its leading "#". */
  note?: string;
  /** For a commsNotifications body: the kind of each item of value[], in order. */
  items?: ItemKind[];
}

/** Properties only Graph sets on a call: their presence means the payload was received, not sent. */
const SERVICE_SET_CALL_PROPERTIES = ["id", "state", "myParticipantId", "@odata.context", "activeModalities", "resultInfo", "answeredBy", "terminationReason", "incomingContext", "callRoutes", "mediaState"];
/** Properties that make an untagged object a participant (info alone could be a participantInfo holder). */
const PARTICIPANT_PROPERTIES = ["mediaStreams", "isMuted", "isInLobby", "rosterSequenceNumber", "removedState", "recordingInfo"];
const GRAPH_TYPE_PREFIX = "#microsoft.graph.";

export const MISSING_HASH_NOTE = 'an @odata.type without its leading "#" (Graph always writes it)';

let packaged: SchemaEntry[] | undefined;

/** `entries`: the published schemas to choose among (default: this package's). */
export function detectSchema(payload: unknown, entries: readonly SchemaEntry[] = (packaged ??= readSchemaEntries())): Detection {
  if (!isObject(payload)) {
    return { schema: undefined, reason: `a payload must be a JSON object (got ${Array.isArray(payload) ? "an array" : payload === null ? "null" : typeof payload})` };
  }
  // Own properties only: a polluted Object.prototype must not change what a payload looks like.
  const has = (key: string) => Object.hasOwn(payload, key);
  const tag = has("@odata.type") ? canonicalOdataType(payload["@odata.type"]) : undefined;
  const odataType = tag?.type;
  const note = tag?.missingHash ? MISSING_HASH_NOTE : undefined;
  const found = (schema: string, reason: string, extra: Partial<Detection> = {}): Detection => {
    const notes = [note, extra.note].filter((n): n is string => n !== undefined);
    const { note: _n, ...rest } = extra;
    return { schema, reason, ...(notes.length > 0 ? { note: [...new Set(notes)].join("; ") } : {}), ...rest };
  };
  const names = new Set(entries.map((e) => e.name));

  if (odataType === "#microsoft.graph.commsNotifications" || (odataType === undefined && has("value") && Array.isArray(payload.value))) {
    const value = Array.isArray(payload.value) ? payload.value : [];
    const kinds = notificationKinds(entries);
    const items = value.map((item) => kindOfItem(item, kinds));
    const itemNote = items.find((i) => i.note !== undefined)?.note;
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.kind ?? "notification", (counts.get(i.kind ?? "notification") ?? 0) + 1);
    const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
    return found("notification", `a commsNotifications body (value array${value.length > 0 ? `: ${summary}` : ", empty"})`, { items, ...(itemNote ? { note: itemNote } : {}) });
  }
  const untaggedCall = odataType === undefined && (has("callbackUri") || has("targets")) && !has("transferTarget");
  if (odataType === "#microsoft.graph.call" || untaggedCall) {
    const serviceSet = SERVICE_SET_CALL_PROPERTIES.filter(has);
    if (has("id") && has("state")) return found("create-call-response", `a call with an id and a state (${serviceSet.join(", ")})`);
    if (serviceSet.length > 0) return found("receive/call", `a call carrying properties Graph sets (${serviceSet.join(", ")}) but ${has("id") ? "no state" : "no id"}: not a create call response`);
    return found("create-call-request", "a call without the properties Graph sets");
  }
  if (odataType === undefined && (has("transferTarget") || has("transferee"))) {
    return found("transfer-request", "transferTarget/transferee parameters");
  }
  if (odataType === "#microsoft.graph.participant" || (odataType === undefined && has("info") && PARTICIPANT_PROPERTIES.some(has))) {
    return found("receive/participant", odataType ? "a participant (@odata.type)" : `a participant (info with ${PARTICIPANT_PROPERTIES.filter(has).join(", ")})`);
  }
  if (odataType?.startsWith(GRAPH_TYPE_PREFIX)) {
    const typeName = odataType.slice(GRAPH_TYPE_PREFIX.length);
    if (names.has(`receive/${typeName}`)) return found(`receive/${typeName}`, `@odata.type ${odataType}, as received`);
  }
  return {
    schema: undefined,
    reason: odataType !== undefined
      ? `no schema for @odata.type ${JSON.stringify(payload["@odata.type"])}`
      : "cannot tell which schema applies (no @odata.type, no value, callbackUri, targets, transferTarget or participant info)",
    ...(note ? { note } : {}),
  };
}
