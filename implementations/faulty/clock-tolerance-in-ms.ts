/** Means five minutes of clock skew, but gives jose milliseconds where it takes seconds: 300000 s is 83 hours. */
import { faulty, withParts } from "./variant.js";
import { verifyWithOptions } from "./token-bugs.js";

export const variant = faulty({
  id: "clock-tolerance-in-ms",
  bug: "allows 300000 s (83 hours) of clock skew instead of 300 s, so expired and not-yet-valid tokens pass",
  why: "a token outside its lifetime (exp, nbf) must be refused; five minutes of skew is the usual allowance (.NET's default), not days",
  expectedFailures: ["auth.reject.expired", "auth.reject.not-yet-valid"],
  messages: { "auth.reject.expired": /answered 202, not 401 or 403/ },
  createBot: withParts({ verifyToken: verifyWithOptions((options) => ({ ...options, clockTolerance: 300_000 })) }),
});

export const { name, createBot } = variant;
