/**
 * Where a published schema's `$ref` points, and what that target is called once the schemas are
 * embedded in one document: `#/components/schemas/<name>`, followed by the ref's own fragment.
 */
import { SCHEMA_ID_BASE } from "../schema-build/profiles.js";
import { isObject, walkJson, type JsonObject } from "../util/json.js";

/** Published schemas keyed by their path under schemas/ ("send/call.json"), as the profile compiler produces them. */
export type PublishedSchemas = ReadonlyMap<string, JsonObject>;

export const COMPONENT_SCHEMAS = "#/components/schemas/";

/**
 * The component name of a published schema: operation and notification schemas keep the names
 * users already know ("create-call-request"); types keep their profile ("send.call"), with a dot
 * because component keys may not contain "/".
 */
export function componentName(rel: string): string {
  return rel.replace(/\.json$/, "").replace(/^(operations|notifications)\//, "").replace("/", ".");
}

/** The path under schemas/ of a published schema's `$id`. */
export function relOfId(id: string): string {
  if (!id.startsWith(SCHEMA_ID_BASE)) throw new Error(`${id}: not a published schema id (${SCHEMA_ID_BASE}...)`);
  return id.slice(SCHEMA_ID_BASE.length);
}

/** Resolve `ref` (relative, as published) against the schema at `fromRel`: the target schema and the fragment inside it. */
export function refTarget(ref: string, fromRel: string, published: PublishedSchemas): { rel: string; fragment: string } {
  const url = new URL(ref, SCHEMA_ID_BASE + fromRel);
  const rel = relOfId(url.href.slice(0, url.href.length - url.hash.length));
  if (!published.has(rel)) throw new Error(`${fromRel}: $ref ${JSON.stringify(ref)} points to ${rel}, which is not a published schema`);
  return { rel, fragment: url.hash.replace(/^#/, "") };
}

/** The in-document ref that replaces `ref`. */
export function componentRef(ref: string, fromRel: string, published: PublishedSchemas): string {
  const { rel, fragment } = refTarget(ref, fromRel, published);
  return COMPONENT_SCHEMAS + componentName(rel) + fragment;
}

/** `roots` and every published schema they reach through `$ref`s, sorted by component name. */
export function referencedClosure(published: PublishedSchemas, roots: readonly string[]): string[] {
  const reached = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    if (reached.has(rel)) continue;
    const schema = published.get(rel);
    if (!schema) throw new Error(`${rel}: not a published schema`);
    reached.add(rel);
    for (const [, node] of walkJson(schema)) {
      // Graph property names never start with "$", so an object with a string $ref is a schema.
      if (isObject(node) && typeof node.$ref === "string") pending.push(refTarget(node.$ref, rel, published).rel);
    }
  }
  return [...reached].sort((a, b) => compareText(componentName(a), componentName(b)));
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
