/** How each exported document's tools read our JSON Schema 2020-12, and the rewrites that follow. */
import { isObject, type JsonObject } from "../util/json.js";
import type { SchemaAdapter } from "./embed-schemas.js";

/** OpenAPI 3.1: constraints beside a `$ref` move into an `allOf`, the discriminator gets its mapping, an array its `items`. */
export const openApiSchema: SchemaAdapter = (node, schemaAt) => arrayWithItems(withDiscriminatorMapping(refBesideConstraints(node), schemaAt));

/**
 * AsyncAPI 3: constraints beside a `$ref` move into an `allOf`, and the discriminator goes. The
 * default AsyncAPI schema format's `discriminator` is a property name whose values must be schema
 * names, not our `@odata.type` values; the `oneOf` of branches with a `const` tag decides anyway.
 */
export const asyncApiSchema: SchemaAdapter = (node) => withoutDiscriminator(refBesideConstraints(node));

/** Keywords that only annotate: a `$ref` beside them means the same in every dialect. */
const ANNOTATION = /^(title|description|\$comment|readOnly|writeOnly|deprecated|default|examples|x-.*)$/;

/**
 * `{ $ref, ...constraints }` becomes `{ ...constraints, allOf: [{ $ref }] }`, which means the same
 * in 2020-12 ($ref is an in-place applicator, like allOf). Draft-07 (AsyncAPI's schema format) and
 * many OpenAPI tools written for 3.0 ignore a `$ref`'s siblings, and some 3.1 validators replace
 * the node with its target (the OpenAPI validator of our tests did): an `allOf` reads the same everywhere.
 */
function refBesideConstraints(node: JsonObject): JsonObject {
  if (typeof node.$ref !== "string" || !Object.keys(node).some((k) => k !== "$ref" && !ANNOTATION.test(k))) return node;
  const { $ref, allOf, ...siblings } = node;
  return { ...siblings, allOf: [{ $ref }, ...(Array.isArray(allOf) ? allOf : [])] };
}

/**
 * OpenAPI tools dispatch on `discriminator.mapping`, and without one they look for a component
 * named after the tag's value ("#microsoft.graph.serviceHostedMediaConfig"), which does not exist.
 * The mapping is read from the `const` of the tag in each `oneOf` branch.
 */
function withDiscriminatorMapping(node: JsonObject, schemaAt: (ref: string) => JsonObject | undefined): JsonObject {
  const discriminator = discriminatorOf(node);
  if (!discriminator || !Array.isArray(node.oneOf)) return node;
  const tag = String(discriminator.propertyName);
  const mapping: JsonObject = {};
  for (const branch of node.oneOf) {
    const ref = isObject(branch) && typeof branch.$ref === "string" ? branch.$ref : undefined;
    const target = ref ? schemaAt(ref) : undefined;
    const value = isObject(target?.properties) && isObject(target.properties[tag]) ? target.properties[tag].const : undefined;
    if (!ref || typeof value !== "string") throw new Error(`discriminator on ${tag}: every oneOf branch must be a $ref to a schema with a const ${tag} (got ${JSON.stringify(branch)})`);
    mapping[value] = ref;
  }
  return { ...node, discriminator: { ...discriminator, mapping } };
}

/**
 * `{ type: "array" }` without `items` gets `items: {}`, which means the same (every item is valid):
 * Spectral's oas ruleset reports such a schema as an error (array-items), even an `if` that only
 * tests the type (commsNotification's resourceData: an array of resources, or one).
 */
function arrayWithItems(node: JsonObject): JsonObject {
  return node.type === "array" && !("items" in node) && !("prefixItems" in node) ? { ...node, items: {} } : node;
}

function withoutDiscriminator(node: JsonObject): JsonObject {
  if (!discriminatorOf(node)) return node;
  const { discriminator: _openApiOnly, ...rest } = node;
  return rest;
}

/** The OpenAPI-style discriminator object of a schema node (a property named "discriminator" is a schema, not this). */
function discriminatorOf(node: JsonObject): JsonObject | undefined {
  const d = node.discriminator;
  return isObject(d) && typeof d.propertyName === "string" ? d : undefined;
}
