/** Sends its requests to Graph without an Authorization header (the token is fetched but never attached). */
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "no-authorization",
  bug: "omits the Authorization: Bearer header",
  why: "every Graph request needs Authorization: Bearer {token}; without it Graph answers 401 InvalidAuthenticationToken and creates no call",
  // Graph refuses each create call (401): the transfers, sequences and deliveries that need a call are blocked by it.
  expectedFailures: ["create-call.*/http.authorization"],
  messages: { "create-call.*/http.authorization": /no Authorization header/ },
  createBot: withParts({ headers: () => ({ "Content-Type": "application/json" }) }),
});

export const { name, createBot } = variant;
