/**
 * Validates every notification's clientState, as its Graph change-notification (subscription)
 * code does, and answers 401 to notifications without it: calling notifications never carry one.
 */
import { REFERENCE_PARTS } from "../reference/bot.js";
import { isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

const CLIENT_STATE = "secret-client-state";

export const variant = faulty({
  id: "requires-client-state",
  bug: "answers 401 to notifications without the clientState secret of Graph subscriptions",
  why: "clientState belongs to change notifications of subscriptions (POST /subscriptions); a call's notifications go to the callbackUri the bot gave when creating the call and carry no clientState, so the bot refuses all of them",
  // The first POST is refused: the steps, the end and the deliveries are blocked by the acknowledgements.
  expectedFailures: ["sequence.*/acks"],
  messages: { "sequence.*/acks": /answered 401/ },
  createBot: withParts({
    screen: (body) => (REFERENCE_PARTS.notificationsOf(body).every((n) => isJson(n) && n.clientState === CLIENT_STATE) ? undefined : 401),
  }),
});

export const { name, createBot } = variant;
