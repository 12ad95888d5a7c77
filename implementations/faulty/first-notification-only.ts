/** Reads `value[0]` of each POST: the other notifications Graph batched into the same POST are lost. */
import { REFERENCE_PARTS } from "../reference/bot.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "first-notification-only",
  bug: "handles only the first element of a POST's value array",
  why: "commsNotifications.value is a collection: Graph batches several notifications into one POST, and every one of them must be applied",
  expectedFailures: ["delivery.*"],
  messages: { "delivery.*": /delivering .*\[[^\]]+, [^\]]+\]/ }, // the failing plan batches two notifications into one POST
  createBot: withParts({ notificationsOf: (body) => REFERENCE_PARTS.notificationsOf(body).slice(0, 1) }),
});

export const { name, createBot } = variant;
