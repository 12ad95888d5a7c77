/**
 * Sends the transfer's additional-data keys in snake_case, as the Python SDK snippets write them
 * (endpoint_type, tenant_id): the Python SDK sends additional-data keys verbatim.
 */
import { moveKey, transferBodyThen, type Body } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

const transfereeUser = (body: Body) => ((body.transferee as Body | undefined)?.identity as Body | undefined)?.user;

export const variant = faulty({
  id: "python-snake-case-keys",
  bug: "sends snake_case keys (endpoint_type, tenant_id) where Graph wants camelCase",
  why: "Graph's JSON is camelCase and the strict send profile refuses a key it does not know; the Python snippets put these keys in additional data in snake_case, which the SDK sends verbatim (erratum SNAKE_CASE_KEY)",
  expectedFailures: ["call-transfer.*/schema"],
  messages: { "call-transfer.*/schema": /unknown property "endpoint_type"/ },
  createBot: withParts({
    transferBody: transferBodyThen((body) => {
      moveKey(body.transferTarget, "endpointType", body.transferTarget, "endpoint_type");
      moveKey(transfereeUser(body), "tenantId", transfereeUser(body), "tenant_id");
    }),
  }),
});

export const { name, createBot } = variant;
