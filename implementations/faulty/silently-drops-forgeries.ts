/** Refuses a bad token, but answers 202 all the same, so Graph (or an attacker) cannot tell. */
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "silently-drops-forgeries",
  bug: "answers 202 to a notification it refuses for its token",
  why: "a refused notification is answered 401 (or 403): a 2xx tells Graph it was delivered, so a misconfigured bot (wrong application id, stale keys) drops Graph's real notifications without anyone seeing an error",
  expectedFailures: ["auth.reject.*"],
  messages: { "auth.reject.*": /answered 202, not 401 or 403/ },
  createBot: withParts({ refused: () => 202 }),
});

export const { name, createBot } = variant;
