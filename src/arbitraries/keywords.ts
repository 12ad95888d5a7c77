/**
 * The JSON Schema keywords the generators understand. Anything else is refused with the keyword and
 * its location, so a schema change that needs new generator support fails loudly, never silently
 * producing invalid payloads.
 */
import { isObject } from "../util/json.js";
import { UnsupportedSchemaError } from "./errors.js";
import type { SchemaRef } from "./schema-store.js";

/** Keywords that constrain values and are turned into generators. */
export const SUPPORTED_KEYWORDS = [
  "type", "enum", "const", "x-extensible-enum", "not",
  "format", "pattern", "minLength", "maxLength",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "items", "minItems", "maxItems", "uniqueItems",
  "properties", "required", "additionalProperties",
  "$ref", "allOf", "anyOf", "oneOf", "discriminator", "if", "then", "else",
] as const;

/** Keywords that never constrain a value (x-* extensions other than x-extensible-enum are annotations too). */
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated"]);

const SUPPORTED = new Set<string>(SUPPORTED_KEYWORDS);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || (keyword.startsWith("x-") && !SUPPORTED.has(keyword));
}

/** Throws for the first keyword of `ref` that is neither supported nor an annotation. */
export function assertSupportedKeywords(ref: SchemaRef, extra: readonly string[] = []): void {
  if (!isObject(ref.node)) return;
  for (const keyword of Object.keys(ref.node)) {
    if (!SUPPORTED.has(keyword) && !isAnnotation(keyword) && !extra.includes(keyword)) {
      throw new UnsupportedSchemaError(keyword, ref.at, "the payload generators do not support this keyword");
    }
  }
}
