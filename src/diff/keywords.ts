/** How the comparison treats each JSON Schema keyword. */

/** Keywords that never change which payloads are valid (every x-* except x-extensible-enum is one too). */
const ANNOTATIONS = new Set([
  "$schema", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
  "contentMediaType", "contentEncoding",
]);

export function isAnnotationKeyword(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || (keyword.startsWith("x-") && keyword !== "x-extensible-enum");
}

/** Lower limits: raising one rejects values it used to accept. */
export const LOWER_LIMITS = new Set(["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum", "minContains"]);
/** Upper limits: lowering one rejects values it used to accept. */
export const UPPER_LIMITS = new Set(["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum", "maxContains"]);

/** Limits on a string's length or an array's size: their probes resize the current value. */
export const SIZE_LIMITS = new Set(["minLength", "maxLength", "minItems", "maxItems"]);

/** Subschemas reached at the same payload location as their parent. */
export const SAME_LOCATION_SUBSCHEMAS = ["if", "then", "else", "not"] as const;
export const COMBINATORS = ["allOf", "anyOf", "oneOf"] as const;
