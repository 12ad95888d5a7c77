/** Verifies the signature, issuer and lifetime, not the audience. */
import { faulty, withParts } from "./variant.js";
import { verifyWithOptions } from "./token-bugs.js";

export const variant = faulty({
  id: "any-audience",
  bug: "accepts a token for any audience",
  why: "a token is for the application its aud names; without the check a token Graph issued for another bot (or for Graph itself) is taken as this bot's",
  expectedFailures: ["auth.reject.wrong-audience"],
  messages: { "auth.reject.wrong-audience": /answered 202, not 401 or 403/ },
  createBot: withParts({ verifyToken: verifyWithOptions(({ audience: _audience, ...options }) => options) }),
});

export const { name, createBot } = variant;
