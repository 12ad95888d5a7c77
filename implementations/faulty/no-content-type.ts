/** Forgets Content-Type: fetch labels a string body text/plain;charset=UTF-8. */
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "no-content-type",
  bug: "sends its JSON bodies as Content-Type: text/plain (it sets no Content-Type, and fetch labels a string body text/plain)",
  why: "the Create call and Transfer pages send Content-Type: application/json; Graph answers 415 to a body of another type",
  // Graph refuses each create call (415): the transfers, sequences and deliveries that need a call are blocked by it.
  expectedFailures: ["create-call.*/http.content-type"],
  messages: { "create-call.*/http.content-type": /Content-Type is "text\/plain/ },
  createBot: withParts({ headers: (env) => ({ Authorization: `Bearer ${env.accessToken}` }) }),
});

export const { name, createBot } = variant;
