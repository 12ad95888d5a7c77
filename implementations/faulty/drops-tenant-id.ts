/** Leaves tenantId out of the create call body. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "drops-tenant-id",
  bug: "drops tenantId from the create call request",
  why: "the Create call page sends tenantId to join a meeting or call a phone on behalf of a tenant: it says which tenant the call belongs to, and without it Graph uses the bot's home tenant",
  expectedFailures: ["05", "06", "07", "08", "09", "10"].map((ex) => `create-call.v1.0.ex${ex}/fidelity.tenant`),
  messages: { "create-call.v1.0.ex05/fidelity.tenant": /tenantId: the scenario says "[0-9a-f-]+", the request says null/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => delete body.tenantId) }),
});

export const { name, createBot } = variant;
