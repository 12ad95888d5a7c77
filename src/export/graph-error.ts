/**
 * Graph's error responses, as the mock Graph (src/mock-graph/graph-mock.ts) answers them:
 * `{ error: { code, message, innerError: { date, request-id } } }`, plus `details` when a request
 * breaks the contract in more than one place. Tolerant like every schema of what a bot receives.
 */
import type { JsonObject } from "../util/json.js";
import { COMPONENT_SCHEMAS } from "./schema-refs.js";

export const GRAPH_ERROR_SCHEMA_NAME = "graph-error";

export const graphErrorSchema: JsonObject = {
  title: "graphError",
  description: "The body of every Graph error response. Tolerant: unknown properties are accepted.",
  "x-profile": "receive",
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", description: "Machine-readable, e.g. BadRequest, InvalidAuthenticationToken, ItemNotFound." },
        message: { type: "string", description: "Human-readable; for a contract violation, the first error." },
        innerError: {
          type: "object",
          properties: {
            date: { type: "string", format: "date-time" },
            "request-id": { type: "string" },
            "client-request-id": { type: "string" },
          },
        },
        details: {
          type: "array",
          description: "One entry per error when the request breaks the contract in more than one place.",
          items: { type: "object", properties: { code: { type: "string" }, message: { type: "string" }, target: { type: "string" } }, required: ["code", "message"] },
        },
      },
      required: ["code", "message"],
    },
  },
  required: ["error"],
};

export type GraphErrorStatus = 400 | 401 | 404 | 415;

/** Component name and meaning of each error response, keyed by status. */
export const GRAPH_ERROR_RESPONSES: Record<GraphErrorStatus, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "Bad Request (code BadRequest): the body is not JSON, or breaks the contract (message: the first error, details: all of them)." },
  401: { name: "Unauthorized", description: "Unauthorized (code InvalidAuthenticationToken): no bearer access token, or one Graph does not accept." },
  404: { name: "NotFound", description: "Not Found (code ItemNotFound): no call with this id." },
  415: { name: "UnsupportedMediaType", description: "Unsupported Media Type (code UnsupportedMediaType): the body is not sent as application/json." },
};

/** components/responses: one per error status, each Graph's error body. */
export function graphErrorResponseComponents(): JsonObject {
  return Object.fromEntries(Object.values(GRAPH_ERROR_RESPONSES).map(({ name, description }) => [
    name,
    { description, content: { "application/json": { schema: { $ref: COMPONENT_SCHEMAS + GRAPH_ERROR_SCHEMA_NAME } } } },
  ]));
}

export function graphErrorResponseRef(status: GraphErrorStatus): JsonObject {
  return { $ref: `#/components/responses/${GRAPH_ERROR_RESPONSES[status].name}` };
}
