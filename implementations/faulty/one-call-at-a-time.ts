/** Written for one call at a time: every notification updates the call it placed last, whatever call it names. */
import { applyNotification, routeOf } from "../reference/notifications.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "one-call-at-a-time",
  bug: "keeps a single current call: every notification updates the call it placed last, whatever call its resourceUrl names",
  why: "a bot keeps many calls alive at once, and Graph notifies each on its own resourceUrl (/communications/calls/{id}); a notification about one call must never change what the bot believes about another",
  expectedFailures: [
    "sequence.two-calls-interleaved/step.establishing",
    "sequence.two-calls-interleaved/end",
    "sequence.consultative-transfer/step.transferring",
    "sequence.consultative-transfer/end",
    "sequence.call-never-created/end",
  ],
  messages: { "sequence.two-calls-interleaved/step.establishing": /state: expected "establishing", observed null/ },
  createBot: withParts({
    // The calls it placed are its map's keys, in the order it placed them: the last is "the" call.
    applyNotification: (calls, notification, newState) =>
      applyNotification(calls, notification, newState, (n) => {
        const route = routeOf(n.resourceUrl);
        const current = [...calls.keys()].at(-1);
        return route && current !== undefined ? { ...route, callId: current } : route;
      }),
  }),
});

export const { name, createBot } = variant;
