/** Checks exp only when a token has one, as PyJWT and a hand-written check often do: a token with no expiry is good forever. */
import { faulty, withParts } from "./variant.js";
import { verifyWithOptions } from "./token-bugs.js";

export const variant = faulty({
  id: "expiry-optional",
  bug: "accepts a token without an exp claim (it checks the expiry only when there is one)",
  why: "Graph's tokens always expire; one without exp, once leaked, would be accepted forever (Microsoft.IdentityModel requires exp by default, PyJWT only when asked)",
  expectedFailures: ["auth.reject.no-expiry"],
  messages: { "auth.reject.no-expiry": /answered 202, not 401 or 403/ },
  createBot: withParts({ verifyToken: verifyWithOptions((options) => ({ ...options, requiredClaims: [] })) }),
});

export const { name, createBot } = variant;
