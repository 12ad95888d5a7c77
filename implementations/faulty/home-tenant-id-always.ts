/** Sends the bot's home tenant as tenantId on every call, instead of the tenant of the call. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

/** Where the bot's app registration lives (its configuration's tenant). */
const HOME_TENANT = "0c4a5f7e-3d2b-4e1a-9f8c-7b6a5d4c3b2a";

export const variant = faulty({
  id: "home-tenant-id-always",
  bug: "sends its own home tenant as tenantId on every call",
  why: "the Create call page: tenantId is the tenant of the meeting or of the phone call (a multi-tenant bot calls into its customers' tenants), and a call to a user without a tenantId stays in the user's tenant",
  expectedFailures: ["create-call.*/fidelity.tenant"],
  messages: { "create-call.v1.0.ex01/fidelity.tenant": /the scenario says null, the request says "0c4a5f7e/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => void (body.tenantId = HOME_TENANT)) }),
});

export const { name, createBot } = variant;
