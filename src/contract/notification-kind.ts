/**
 * Which kind of notification one commsNotification item is (call state, roster, delta roster,
 * content sharing, operation...), read from the notification schemas' own `x-applies-to`: the
 * resource types a kind carries and the resourceUrl it is about. Detection, the per-item verdicts
 * of `validate` and the schema claims of extracted fixtures all ask this one function.
 */
import { isObject } from "../util/json.js";
import type { SchemaEntry } from "./registry.js";

export interface NotificationKind {
  /** The notification schema's name, e.g. "notification-operation". */
  name: string;
  /** The @odata.type values of the resources it carries. */
  resources: readonly string[];
  /** The resourceUrl (or legacy resource) it is about. */
  resourceUrl: RegExp | undefined;
}

export interface ItemKind {
  /** undefined: no kind fits; the generic "notification" schema applies. */
  kind: string | undefined;
  reason: string;
  /** Something detection tolerated and reports, e.g. an @odata.type without its leading "#". */
  note?: string;
}

/** The kinds the published notification schemas declare (every schema with a resource in x-applies-to). */
export function notificationKinds(entries: readonly SchemaEntry[]): NotificationKind[] {
  const kinds: NotificationKind[] = [];
  for (const entry of entries) {
    const rule = entry.schema["x-applies-to"];
    if (entry.kind !== "notification" || !isObject(rule) || rule.role !== "notification" || rule.resource === undefined) continue;
    const resources = Array.isArray(rule.resource) ? rule.resource.filter((r): r is string => typeof r === "string") : typeof rule.resource === "string" ? [rule.resource] : [];
    kinds.push({ name: entry.name, resources, resourceUrl: typeof rule.resourceUrl === "string" ? new RegExp(rule.resourceUrl) : undefined });
  }
  return kinds;
}

/** "#microsoft.graph.call" for "microsoft.graph.call" too: detection tolerates the missing "#" (and says so). */
export function canonicalOdataType(value: unknown): { type: string; missingHash: boolean } | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  return value.startsWith("#") ? { type: value, missingHash: false } : { type: `#${value}`, missingHash: true };
}

/**
 * The kind of one item: the kind whose resource types cover every resource in resourceData and whose
 * resourceUrl matches; failing both, the one that matches on the resources (so the URL is what gets
 * reported), then on the URL alone (an item without resourceData, e.g. one content sharing session).
 */
export function kindOfItem(item: unknown, kinds: readonly NotificationKind[]): ItemKind {
  if (!isObject(item)) return { kind: undefined, reason: "not a notification object" };
  const url = typeof item.resourceUrl === "string" ? item.resourceUrl : typeof item.resource === "string" ? item.resource : undefined;
  const data = item.resourceData;
  const resources = data === undefined || data === null ? [] : Array.isArray(data) ? data : [data];
  const types = resources.map((r) => (isObject(r) ? canonicalOdataType(r["@odata.type"]) : undefined));
  const missingHash = types.some((t) => t?.missingHash === true);
  const note = missingHash ? "an @odata.type without its leading \"#\" (Graph always writes it)" : undefined;
  const known = types.every((t) => t !== undefined) ? types.map((t) => t!.type) : undefined;
  const byUrl = url === undefined ? [] : kinds.filter((k) => k.resourceUrl?.test(url));
  const byType = known && known.length > 0 ? kinds.filter((k) => known.every((t) => k.resources.includes(t))) : [];
  const what = known && known.length > 0 ? [...new Set(known)].map((t) => t.replace(/^#microsoft\.graph\./, "")).join(", ") : undefined;
  const withNote = (found: ItemKind): ItemKind => (note ? { ...found, note } : found);

  const both = byType.find((k) => byUrl.includes(k));
  if (both) return withNote({ kind: both.name, reason: `${what} at ${url}` });
  if (byType[0]) return withNote({ kind: byType[0].name, reason: url === undefined ? `${what} (no resourceUrl)` : `${what}, though ${url} is not where it belongs` });
  if (byUrl[0] && resources.length === 0) return { kind: byUrl[0].name, reason: `${url}, without resourceData` };
  if (byUrl[0]) return withNote({ kind: byUrl[0].name, reason: `${url}, though its resourceData is ${what ?? "untyped"}` });
  return withNote({ kind: undefined, reason: what ? `no notification kind carries ${what}${url ? ` at ${url}` : ""}` : `no notification kind is about ${url ?? "an unnamed resource"}` });
}
