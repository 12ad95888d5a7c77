/**
 * The published schemas a document needs, embedded under `components/schemas`, every `$ref`
 * rewritten to point inside the document. Each target (OpenAPI, AsyncAPI) adapts the schemas to
 * what its tools read through a `SchemaAdapter`.
 */
import { isObject, type JsonObject, type JsonValue } from "../util/json.js";
import { COMPONENT_SCHEMAS, componentName, componentRef, referencedClosure, type PublishedSchemas } from "./schema-refs.js";

/** Rewrites one schema node (its refs already in-document); `schemaAt` finds the published schema an in-document ref names. */
export type SchemaAdapter = (node: JsonObject, schemaAt: (ref: string) => JsonObject | undefined) => JsonObject;

export function embedSchemas(published: PublishedSchemas, roots: readonly string[], adapt: SchemaAdapter): JsonObject {
  const rels = referencedClosure(published, roots);
  const byRef = new Map(rels.map((rel) => [COMPONENT_SCHEMAS + componentName(rel), published.get(rel)!]));
  const schemaAt = (ref: string) => byRef.get(ref);
  return Object.fromEntries(rels.map((rel) => {
    // No $id: refs inside a schema resource resolve against its $id, so an in-document ref next to a
    // published $id would point back at the published file (and tools that ignore $id would disagree).
    // No $schema: a dialect may only be declared at a resource root, and the document declares it once.
    const { $schema: _dialect, $id: _id, ...body } = published.get(rel)!;
    const embedded = mapObjects(body, (node) => adapt(inDocumentRef(node, rel, published), schemaAt));
    return [componentName(rel), embedded];
  }));
}

function inDocumentRef(node: JsonObject, rel: string, published: PublishedSchemas): JsonObject {
  // Graph property names never start with "$", so an object with a string $ref is a schema.
  return typeof node.$ref === "string" ? { ...node, $ref: componentRef(node.$ref, rel, published) } : node;
}

/** A copy of `value` with `fn` applied to every object, children first. */
function mapObjects(value: JsonValue, fn: (node: JsonObject) => JsonObject): JsonValue {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, fn));
  // fromEntries defines own properties, so a key such as "__proto__" stays data.
  if (isObject(value)) return fn(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapObjects(v, fn)])));
  return value;
}
