/** Takes a roster notification without participants for a malformed one and answers 400. */
import { REFERENCE_PARTS } from "../reference/bot.js";
import { isJson } from "../reference/call-state.js";
import { routeOf } from "../reference/notifications.js";
import { faulty, withParts } from "./variant.js";

const isEmptyRoster = (n: unknown) => isJson(n) && routeOf(n.resourceUrl)?.collection === "participants" && Array.isArray(n.resourceData) && n.resourceData.length === 0;

export const variant = faulty({
  id: "rejects-empty-roster",
  bug: "answers non-2xx (400) to an empty roster",
  why: "a full roster update lists everyone in the call; when everyone has left it is an empty resourceData array, which the roster schema allows, and it must be applied (the roster is now empty) and acknowledged",
  expectedFailures: ["sequence.empty-roster/acks"],
  messages: { "sequence.empty-roster/acks": /answered 400/ },
  createBot: withParts({ screen: (body) => (REFERENCE_PARTS.notificationsOf(body).some(isEmptyRoster) ? 400 : undefined) }),
});

export const { name, createBot } = variant;
