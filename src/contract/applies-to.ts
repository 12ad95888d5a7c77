/** Which schemas a message claims, from the schemas' own `x-applies-to` annotations. */
import { isObject } from "../util/json.js";
import type { SchemaEntry } from "./registry.js";
import { kindOfItem, notificationKinds } from "./notification-kind.js";

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
  /** Notification kinds: the resource types they carry (see notification-kind.ts). */
  resource?: string | string[];
}

export function schemasFor(message: Message, entries: readonly SchemaEntry[]): string[] {
  const kinds = notificationKinds(entries);
  return entries
    .filter((entry) => entry.kind !== "type")
    .filter((entry) => {
      const rule = entry.schema["x-applies-to"] as AppliesTo | undefined;
      if (!rule || rule.role !== message.role) return false;
      if (rule.method && rule.method !== message.method) return false;
      if (rule.path && (!message.path || !pathTemplate(rule.path).test(message.path))) return false;
      if (rule.status !== undefined && rule.status !== message.status) return false;
      if (rule.resource && !allItemsAre(message.payload, entry.name, kinds)) return false;
      return message.payload !== null && message.payload !== undefined;
    })
    .map((entry) => entry.name);
}

/** "/communications/calls/{id}/transfer" matches any single segment where the template has {...}. */
export function pathTemplate(template: string): RegExp {
  const pattern = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
  return new RegExp(`^${pattern}$`);
}

/** A notification kind applies when every notification in the batch is of that kind. */
function allItemsAre(payload: unknown, kind: string, kinds: ReturnType<typeof notificationKinds>): boolean {
  if (!isObject(payload) || !Array.isArray(payload.value) || payload.value.length === 0) return false;
  return payload.value.every((item) => kindOfItem(item, kinds).kind === kind);
}
