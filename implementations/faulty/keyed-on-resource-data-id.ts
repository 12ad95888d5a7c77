/** Keys a call's notifications on resourceData.id (the call object's id) instead of the call id in resourceUrl. */
import { isJson } from "../reference/call-state.js";
import { applyNotification, routeOf, type Route } from "../reference/notifications.js";
import { faulty, withParts } from "./variant.js";

/** Collections (roster, content sharing) still route on resourceUrl; the call itself on resourceData.id, dropped when absent. */
function routeByResourceDataId(notification: Record<string, unknown>): Route | undefined {
  const route = routeOf(notification.resourceUrl);
  const data = notification.resourceData;
  if (!route || !isJson(data)) return route;
  return typeof data.id === "string" ? { ...route, callId: data.id } : undefined;
}

export const variant = faulty({
  id: "keyed-on-resource-data-id",
  bug: "keys calls on resourceData.id instead of the call id in resourceUrl",
  why: "resourceUrl names the call a notification is about; resourceData.id is absent from the transfer notifications and does not match the call in the documented examples (erratum ID_MISMATCH, whose decision is: key calls on resourceUrl)",
  expectedFailures: [
    "sequence.*/step.establishing",
    "sequence.*/step.established",
    "sequence.transfer-*/step.transferring",
    "sequence.transfer-*-completed/step.accepted",
    "sequence.transfer-*-completed/step.completed",
    "sequence.transfer-*-failed/step.failed",
    "sequence.*/end",
  ],
  messages: { "sequence.*/step.established": /state: expected "established", observed null/ },
  createBot: withParts({ applyNotification: (calls, notification, newState) => applyNotification(calls, notification, newState, routeByResourceDataId) }),
});

export const { name, createBot } = variant;
