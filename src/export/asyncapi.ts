/**
 * The notification side of the contract as an AsyncAPI 3 document: the bot's callback as an HTTP
 * channel that receives commsNotifications, one message per notification kind with the
 * documented payloads as examples, and the schemas they need under `components/schemas`.
 */
import type { JsonObject } from "../util/json.js";
import { contractInfo, NOTIFICATIONS_TAG } from "./document-info.js";
import { examplesBySchema, type SchemaExamples } from "./documented-examples.js";
import { embedSchemas } from "./embed-schemas.js";
import type { ExportInputs } from "./inputs.js";
import { messageSchemas, notificationKinds, notificationTitle, type MessageSchema } from "./message-schemas.js";
import { asyncApiSchema } from "./schema-adapters.js";
import { COMPONENT_SCHEMAS } from "./schema-refs.js";

export const ASYNCAPI_VERSION = "3.0.0";
export const CALLBACK_CHANNEL = "commsNotifications";
const HTTP_BINDING_VERSION = "0.3.0";

export function asyncApiDocument(inputs: ExportInputs): JsonObject {
  const kinds = notificationKinds(messageSchemas(inputs.published));
  const examples = examplesBySchema(inputs.fixtures, inputs.decisions, kinds);
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: { ...contractInfo(inputs, "Microsoft Graph calling API: change notifications to a bot", "The change notifications Microsoft Graph POSTs to a calling bot's callbackUri, as the graph-calls-contract defines them: one message per kind (call state, roster, delta roster, content sharing)."), tags: [NOTIFICATIONS_TAG] },
    defaultContentType: "application/json",
    servers: {
      bot: {
        host: "{host}",
        protocol: "https",
        description: "The bot: Graph calls back the callbackUri the bot gave in POST /communications/calls, over HTTPS only.",
        variables: { host: { description: "The host of the bot's callbackUri.", examples: ["bot.contoso.com"] } },
      },
    },
    channels: {
      [CALLBACK_CHANNEL]: {
        // The path is the bot's choice (its callbackUri), so it is not fixed here.
        address: null,
        title: "The bot's callback",
        description: "The callbackUri of the call: Graph POSTs a commsNotifications body there for every change of the call, its participants and its content sharing sessions.",
        messages: Object.fromEntries(kinds.map((kind) => [kind.name, { $ref: `#/components/messages/${kind.name}` }])),
      },
    },
    operations: {
      receiveCommsNotifications: {
        action: "receive",
        channel: { $ref: `#/channels/${CALLBACK_CHANNEL}` },
        title: "Receive change notifications",
        summary: "Graph POSTs a commsNotifications body; the bot answers 202 Accepted.",
        description: "Graph POSTs one commsNotifications body per delivery to the call's callbackUri, with a bearer token the bot must validate; a body may carry several notifications, about the same call, in any order Graph's delivery allows. The bot answers 202 Accepted.",
        messages: kinds.map((kind) => ({ $ref: `#/channels/${CALLBACK_CHANNEL}/messages/${kind.name}` })),
        bindings: { http: { method: "POST", bindingVersion: HTTP_BINDING_VERSION } },
      },
    },
    components: {
      schemas: embedSchemas(inputs.published, kinds.map((k) => k.rel), asyncApiSchema),
      messages: Object.fromEntries(kinds.map((kind) => [kind.name, message(kind, examples.get(kind.name)!)])),
    },
  };
}

function message(kind: MessageSchema, examples: SchemaExamples): JsonObject {
  const out: JsonObject = {
    name: kind.name,
    title: notificationTitle(kind),
    description: String(kind.schema.description ?? ""),
    contentType: "application/json",
    payload: { $ref: COMPONENT_SCHEMAS + kind.name },
  };
  // A message example has no description (and no extensions): its name, the fixture id, leads to the provenance.
  if (examples.attached.length > 0) out.examples = examples.attached.map((e) => ({ name: e.name, summary: e.summary, payload: e.payload }));
  if (examples.leftOut.length > 0) out["x-left-out-examples"] = examples.leftOut.map((e) => ({ name: e.name, summary: e.summary, reason: e.reason }));
  return out;
}
