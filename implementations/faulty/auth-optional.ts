/** Authenticates a notification only when it carries a token, and checks the tenant only when the token names one. */
import { tenantAllows, verifyToken } from "../reference/auth.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "auth-optional",
  bug: "lets a notification without a token through, and a token without a tenant claim",
  why: "Graph signs every notification; an unsigned POST is anyone's, and the calling samples refuse a token without a tenant claim: a bot that treats them as optional accepts forged call state",
  expectedFailures: ["auth.reject.no-token", "auth.reject.no-tenant"],
  messages: { "auth.reject.no-token": /answered 202, not 401 or 403/ },
  createBot: withParts({
    verifyToken: async (token, keys, env) => (token === undefined ? {} : verifyToken(token, keys, env)),
    tenantAllows: (tid, tenants) => tid === undefined || tenantAllows(tid, tenants),
  }),
});

export const { name, createBot } = variant;
