/** Requires a tenant claim, but never compares it with the tenant of the call the notification is about. */
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "any-tenant",
  bug: "accepts a token for any tenant, as long as it has one",
  why: "a notification about a call must come with a token for that call's tenant; the samples read the tenant claim to route the notification to it",
  expectedFailures: ["auth.reject.other-tenant"],
  messages: { "auth.reject.other-tenant": /answered 202, not 401 or 403/ },
  createBot: withParts({ tenantAllows: (tid) => typeof tid === "string" && tid !== "" }),
});

export const { name, createBot } = variant;
