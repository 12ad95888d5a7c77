/**
 * A POST from Graph -> updates of call states. Every notification of the batch is routed on its
 * resourceUrl (the call id is the segment after /calls/; resourceData.id is not always the call's),
 * then on what the resource is: the call, its participants (full or delta roster), its content
 * sharing sessions. Unknown resources and properties are ignored, never fatal.
 */
import { CallState, isJson } from "./call-state.js";

type Json = Record<string, unknown>;

export interface Route {
  callId: string;
  /** The collection under the call, lower-cased ("participants", "contentsharingsessions"), or "" for the call itself. */
  collection: string;
}

export function routeOf(resourceUrl: unknown): Route | undefined {
  if (typeof resourceUrl !== "string") return undefined;
  const m = /^\/(?:communications|app)\/calls\/([^/]+)(?:\/([^/]+))?/.exec(resourceUrl);
  return m ? { callId: m[1]!, collection: (m[2] ?? "").toLowerCase() } : undefined;
}

export function applyNotification(
  calls: Map<string, CallState>,
  notification: Json,
  newState: () => CallState = () => new CallState(),
  route: (n: Json) => Route | undefined = (n) => routeOf(n.resourceUrl),
): void {
  const where = route(notification);
  if (!where) return;
  let call = calls.get(where.callId);
  if (!call) calls.set(where.callId, (call = newState()));
  const changeType = typeof notification.changeType === "string" ? notification.changeType : "updated";
  const data = notification.resourceData;
  const items = Array.isArray(data) ? data : data === undefined || data === null ? [] : [data];
  switch (where.collection) {
    case "":
      for (const item of items) if (isJson(item)) call.applyCall(changeType, item);
      if (items.length === 0 && changeType === "deleted") call.applyCall(changeType, {});
      break;
    case "participants": {
      const deltas = items.filter((i) => isJson(i) && i["@odata.type"] === "#microsoft.graph.deltaParticipants");
      if (deltas.length > 0) for (const d of deltas) call.applyDelta(d as Json);
      else call.applyRoster(items);
      break;
    }
    case "contentsharingsessions":
      call.applyContentSharing(changeType, items);
      break;
  }
}
