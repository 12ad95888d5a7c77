/**
 * The messages the exported documents describe, read from the published operation and
 * notification schemas' own `x-applies-to`, and the little the schemas do not say about the two
 * operations (names, success status, error statuses).
 */
import type { Profile } from "../schema-build/profiles.js";
import { isObject, type JsonObject } from "../util/json.js";
import type { GraphErrorStatus } from "./graph-error.js";
import { compareText, componentName, type PublishedSchemas } from "./schema-refs.js";

export interface AppliesTo {
  role: "request" | "response" | "notification";
  method?: string;
  path?: string;
  status?: number;
  resource?: string | string[];
}

export interface MessageSchema {
  /** Component name, the same as the contract's schema name: "create-call-request", "notification-roster". */
  name: string;
  /** Path under schemas/. */
  rel: string;
  schema: JsonObject;
  profile: Profile;
  appliesTo: AppliesTo;
}

/** Every operation and notification schema, by name. */
export function messageSchemas(published: PublishedSchemas): MessageSchema[] {
  const out: MessageSchema[] = [];
  for (const [rel, schema] of published) {
    if (!/^(operations|notifications)\//.test(rel) || !isObject(schema["x-applies-to"])) continue;
    out.push({ name: componentName(rel), rel, schema, profile: schema["x-profile"] === "send" ? "send" : "receive", appliesTo: schema["x-applies-to"] as unknown as AppliesTo });
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}

/** One per kind of notification: the schemas about one resource type (not the catch-all `notification`). */
export function notificationKinds(messages: readonly MessageSchema[]): MessageSchema[] {
  return messages.filter((m) => m.appliesTo.role === "notification" && m.appliesTo.resource !== undefined);
}

/** "notification-roster-delta" -> "Roster delta notification". */
export function notificationTitle(kind: MessageSchema): string {
  const words = kind.name.replace(/^notification-/, "").replace(/-/g, " ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} notification`;
}

export interface GraphOperation {
  operationId: string;
  summary: string;
  /** The request body's schema; its `x-applies-to` gives the method and path. */
  request: string;
  success: { status: number; description: string; schema?: string; location?: boolean };
  errors: GraphErrorStatus[];
}

export const GRAPH_OPERATIONS: readonly GraphOperation[] = [
  {
    operationId: "createCall",
    summary: "Create a call (place a call, or join a meeting)",
    request: "create-call-request",
    success: { status: 201, description: "Created: the call, with the id Graph gave it. Graph then POSTs the call's notifications to its callbackUri.", schema: "create-call-response", location: true },
    errors: [400, 401, 415],
  },
  {
    operationId: "transferCall",
    summary: "Transfer an active call",
    request: "transfer-request",
    success: { status: 202, description: "Accepted (no body): the transfer's progress arrives as call state notifications." },
    errors: [400, 401, 404, 415],
  },
];

/** The schema named `name`, or an error naming what exists. */
export function messageNamed(messages: readonly MessageSchema[], name: string): MessageSchema {
  const found = messages.find((m) => m.name === name);
  if (!found) throw new Error(`no published operation or notification schema named ${name} (have ${messages.map((m) => m.name).join(", ")})`);
  return found;
}
