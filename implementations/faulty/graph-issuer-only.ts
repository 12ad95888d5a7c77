/** Accepts tokens issued by Graph, not those issued by Bot Framework. */
import { faulty, withParts } from "./variant.js";
import { verifyWithOptions } from "./token-bugs.js";

export const variant = faulty({
  id: "graph-issuer-only",
  bug: "refuses a valid token whose issuer is https://api.botframework.com",
  why: "calling notifications are signed as https://graph.microsoft.com or https://api.botframework.com (the samples accept both, and the OpenID configuration names the second): a bot that takes one refuses Graph's own notifications",
  expectedFailures: ["auth.accept.botframework-issuer"],
  messages: { "auth.accept.botframework-issuer": /answered 401/ },
  createBot: withParts({ verifyToken: verifyWithOptions((options) => ({ ...options, issuer: "https://graph.microsoft.com" })) }),
});

export const { name, createBot } = variant;
