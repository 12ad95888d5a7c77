/** Builds every identity from its id and display name alone: the tenant of a party is lost. */
import { createCallBodyThen, transferBodyThen, type Body } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

/** Deletes tenantId from every identity (#microsoft.graph.identity) of a body. */
function dropIdentityTenants(value: unknown): void {
  if (Array.isArray(value)) value.forEach(dropIdentityTenants);
  else if (typeof value === "object" && value !== null) {
    const body = value as Body;
    if (body["@odata.type"] === "#microsoft.graph.identity") delete body.tenantId;
    Object.values(body).forEach(dropIdentityTenants);
  }
}

export const variant = faulty({
  id: "identities-without-tenant",
  bug: "builds each identity of its requests from the party's id and display name, leaving out the party's tenantId",
  why: "the Create call and Transfer pages give a party of another tenant (a cross-tenant user, the organizer of another tenant's meeting) its tenantId in the identity: without it Graph looks the id up in the bot's own tenant and reaches nobody, or the wrong user",
  expectedFailures: [
    "call-transfer.beta.ex01/fidelity.transfer-target",
    "call-transfer.beta.ex02/fidelity.transfer-target",
    "call-transfer.v1.0.ex05/fidelity.transferee",
    "create-call.v1.0.ex05/fidelity.meeting",
    "create-call.v1.0.ex06/fidelity.meeting",
  ],
  messages: { "call-transfer.beta.ex01/fidelity.transfer-target": /the scenario says \{"party":"user 550fae72-d251-43ec-868c-373732c2704f of tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 / },
  createBot: withParts({ createCallBody: createCallBodyThen(dropIdentityTenants), transferBody: transferBodyThen(dropIdentityTenants) }),
});

export const { name, createBot } = variant;
