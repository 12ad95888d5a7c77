/** Verifies the signature, audience and lifetime, not the issuer. */
import { faulty, withParts } from "./variant.js";
import { verifyWithOptions } from "./token-bugs.js";

export const variant = faulty({
  id: "any-issuer",
  bug: "accepts a token from any issuer",
  why: "the calling samples accept only https://graph.microsoft.com and https://api.botframework.com: a token another service issued for the same application (an Entra ID token) is not Graph speaking",
  expectedFailures: ["auth.reject.wrong-issuer"],
  messages: { "auth.reject.wrong-issuer": /answered 202, not 401 or 403/ },
  createBot: withParts({ verifyToken: verifyWithOptions(({ issuer: _issuer, ...options }) => options) }),
});

export const { name, createBot } = variant;
