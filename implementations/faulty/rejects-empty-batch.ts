/** Takes a callback POST without notifications ({"value": []}) for a malformed one and answers 400. */
import { REFERENCE_PARTS } from "../reference/bot.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "rejects-empty-batch",
  bug: "answers 400 to a callback POST whose value is empty (it validates callbacks with minItems 1, as the contract once did)",
  why: "Graph's metadata puts no lower bound on commsNotifications.value and bots do receive callbacks without a notification (erratum decision EMPTY_BATCH): a non-2xx answer makes Graph retry and count the callback as failing",
  expectedFailures: ["sequence.empty-batch/acks"],
  messages: { "sequence.empty-batch/acks": /answered 400/ },
  createBot: withParts({ screen: (body) => (REFERENCE_PARTS.notificationsOf(body).length === 0 ? 400 : undefined) }),
});

export const { name, createBot } = variant;
