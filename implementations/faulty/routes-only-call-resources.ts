/** Routes only notifications about the call itself: roster and content sharing notifications are acknowledged and dropped. */
import { applyNotification, routeOf } from "../reference/notifications.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "routes-only-call-resources",
  bug: "routes only notifications whose resource is the call itself: participants and content sharing sessions are acknowledged and dropped",
  why: "the Create call page: roster notifications (resourceUrl /communications/calls/{id}/participants) and content sharing notifications (.../contentSharingSessions) are notifications of the call too, under its resourceUrl",
  expectedFailures: [
    "sequence.after-termination/step.roster", "sequence.after-termination/step.sharing",
    "sequence.content-sharing/step.created",
    "sequence.content-sharing/step.updated",
    "sequence.delta-roster/step.delta-*", "sequence.delta-roster-sequence-strings/step.delta-*",
    "sequence.empty-roster/step.roster",
    "sequence.full-roster-replaced/step.roster-*",
    "sequence.group-call/step.roster",
    "sequence.join-meeting-full-roster/step.roster",
  ],
  messages: { "sequence.group-call/step.roster": /participants: expected \[.+\], observed \[\]/ },
  createBot: withParts({
    applyNotification: (calls, notification, newState) => applyNotification(calls, notification, newState, (n) => {
      const route = routeOf(n.resourceUrl);
      return route && route.collection === "" ? route : undefined;
    }),
  }),
});

export const { name, createBot } = variant;
