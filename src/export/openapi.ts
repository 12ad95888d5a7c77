/**
 * The contract as an OpenAPI 3.1 document: the two Graph operations a bot calls, the change
 * notifications Graph POSTs to the bot as `webhooks` (one per kind, so tools show each with its
 * own schema and examples), the published schemas under `components/schemas`, and the
 * documented payloads as examples.
 */
import type { JsonObject } from "../util/json.js";
import { contractInfo, NOTIFICATIONS_TAG } from "./document-info.js";
import type { DocumentedExample, SchemaExamples } from "./documented-examples.js";
import { examplesBySchema } from "./documented-examples.js";
import { embedSchemas } from "./embed-schemas.js";
import { GRAPH_ERROR_SCHEMA_NAME, graphErrorResponseComponents, graphErrorResponseRef, graphErrorSchema } from "./graph-error.js";
import type { ExportInputs } from "./inputs.js";
import { GRAPH_OPERATIONS, messageNamed, messageSchemas, notificationKinds, notificationTitle, type GraphOperation, type MessageSchema } from "./message-schemas.js";
import { openApiSchema } from "./schema-adapters.js";
import { COMPONENT_SCHEMAS, compareText } from "./schema-refs.js";

export const OPENAPI_VERSION = "3.1.0";
/**
 * No top-level `jsonSchemaDialect`: its only value we could write is OpenAPI 3.1's default (the OAS base
 * dialect, 2020-12 plus `discriminator`), so it says nothing, and Prism 5 silently skips request
 * validation when it is present.
 */
export const GRAPH_SERVER = "https://graph.microsoft.com/v1.0";
const BEARER = "graphBearer";

interface BoundOperation {
  operation: GraphOperation;
  request: MessageSchema;
  response: MessageSchema | undefined;
}

export function openApiDocument(inputs: ExportInputs): JsonObject {
  const messages = messageSchemas(inputs.published);
  const operations: BoundOperation[] = GRAPH_OPERATIONS.map((operation) => ({
    operation,
    request: messageNamed(messages, operation.request),
    response: operation.success.schema ? messageNamed(messages, operation.success.schema) : undefined,
  }));
  const kinds = notificationKinds(messages);
  const attachedTo = [...operations.flatMap((o) => (o.response ? [o.request, o.response] : [o.request])), ...kinds];
  const examples = examplesBySchema(inputs.fixtures, inputs.decisions, attachedTo);
  const schemas = { ...embedSchemas(inputs.published, attachedTo.map((m) => m.rel), openApiSchema), [GRAPH_ERROR_SCHEMA_NAME]: graphErrorSchema };

  return {
    openapi: OPENAPI_VERSION,
    info: contractInfo(inputs, "Microsoft Graph calling API: create call, transfer, change notifications", "The Microsoft Graph calling API as the graph-calls-contract defines it: POST /communications/calls, POST /communications/calls/{id}/transfer, and the change notifications Graph POSTs to the bot's callbackUri (webhooks)."),
    servers: [{ url: GRAPH_SERVER, description: "Microsoft Graph v1.0" }],
    tags: [
      { name: "calls", description: "What a bot sends to Graph." },
      NOTIFICATIONS_TAG,
    ],
    paths: Object.fromEntries(operations.map((o) => [o.request.appliesTo.path!, pathItem(o, examples)])),
    webhooks: Object.fromEntries(kinds.map((kind) => [kind.name, webhook(kind, examples.get(kind.name)!)])),
    components: {
      schemas: sortedByKey(schemas),
      responses: graphErrorResponseComponents(),
      securitySchemes: {
        [BEARER]: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A Microsoft Graph access token, sent as Authorization: Bearer <token>." },
      },
    },
  };
}

function pathItem({ operation, request, response }: BoundOperation, examples: Map<string, SchemaExamples>): JsonObject {
  const { method, path } = request.appliesTo;
  if (!method || !path) throw new Error(`${request.name}: x-applies-to must give the method and path of its request`);
  const parameters = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => ({ name: match[1]!, in: "path", required: true, description: "The id of the call, as Graph returned it when the call was created.", schema: { type: "string" } }));
  const success: JsonObject = { description: operation.success.description };
  if (operation.success.location) success.headers = { Location: { description: "The URL of the new call.", required: true, schema: { type: "string", format: "uri" } } };
  if (response) success.content = jsonContent(response, examples.get(response.name)!);
  return {
    ...(parameters.length > 0 ? { parameters } : {}),
    [method.toLowerCase()]: {
      operationId: operation.operationId,
      summary: operation.summary,
      description: `The body is ${request.name}: ${request.schema.description}`,
      tags: ["calls"],
      security: [{ [BEARER]: [] }],
      requestBody: { required: true, content: jsonContent(request, examples.get(request.name)!) },
      responses: {
        [String(operation.success.status)]: success,
        ...Object.fromEntries(operation.errors.map((status) => [String(status), graphErrorResponseRef(status)])),
      },
    },
  };
}

function webhook(kind: MessageSchema, examples: SchemaExamples): JsonObject {
  return {
    post: {
      operationId: kind.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
      summary: notificationTitle(kind),
      description: `${kind.schema.description} Graph POSTs it to the callbackUri of the call; the bot answers 202.`,
      tags: ["notifications"],
      requestBody: { required: true, content: jsonContent(kind, examples) },
      responses: { "202": { description: "Accepted: the bot took the notification (Graph reads no body)." } },
    },
  };
}

function jsonContent(message: MessageSchema, examples: SchemaExamples): JsonObject {
  const media: JsonObject = { schema: { $ref: COMPONENT_SCHEMAS + message.name } };
  if (examples.attached.length > 0) media.examples = Object.fromEntries(examples.attached.map((e) => [e.name, openApiExample(e)]));
  if (examples.leftOut.length > 0) media["x-left-out-examples"] = examples.leftOut.map((e) => ({ name: e.name, summary: e.summary, reason: e.reason }));
  return { "application/json": media };
}

function openApiExample(example: DocumentedExample): JsonObject {
  return { summary: example.summary, description: example.description, value: example.payload };
}

function sortedByKey(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => compareText(a, b)));
}
