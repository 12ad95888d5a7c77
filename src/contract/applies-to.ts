/** Which schemas a message claims, from the schemas' own `x-applies-to` annotations. */
import { isObject } from "../util/json.js";
import type { SchemaEntry } from "./registry.js";

export interface Message {
  role: "request" | "response" | "notification";
  method?: string;
  /** Path relative to the Graph version root; ids may be concrete or placeholders. */
  path?: string;
  status?: number;
  payload: unknown;
}

interface AppliesTo {
  role: string;
  method?: string;
  path?: string;
  status?: number;
  resource?: string;
}

export function schemasFor(message: Message, entries: readonly SchemaEntry[]): string[] {
  return entries
    .filter((entry) => entry.kind !== "type")
    .filter((entry) => {
      const rule = entry.schema["x-applies-to"] as AppliesTo | undefined;
      if (!rule || rule.role !== message.role) return false;
      if (rule.method && rule.method !== message.method) return false;
      if (rule.path && (!message.path || !pathTemplate(rule.path).test(message.path))) return false;
      if (rule.status !== undefined && rule.status !== message.status) return false;
      if (rule.resource && !allResourcesAre(message.payload, rule.resource)) return false;
      return message.payload !== null && message.payload !== undefined;
    })
    .map((entry) => entry.name);
}

/** "/communications/calls/{id}/transfer" matches any single segment where the template has {...}. */
export function pathTemplate(template: string): RegExp {
  const pattern = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
  return new RegExp(`^${pattern}$`);
}

/** A notification kind applies when every notification in the batch carries that resource type. */
function allResourcesAre(payload: unknown, odataType: string): boolean {
  if (!isObject(payload) || !Array.isArray(payload.value) || payload.value.length === 0) return false;
  return payload.value.every((n) => {
    if (!isObject(n)) return false;
    const data = n.resourceData;
    const items = Array.isArray(data) ? data : [data];
    return items.length > 0 && items.every((item) => isObject(item) && item["@odata.type"] === odataType);
  });
}
