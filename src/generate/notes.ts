/**
 * Notes on constraints a generated type cannot express (patterns, formats, conditionals...), so
 * every place where a type is looser than its schema says so in the type's own JSDoc.
 */
import { isObject, type JsonObject, type JsonValue } from "../util/json.js";

export interface LoosenessNote {
  /** Instance path in the payload ("" for the root, "targets[].identity", "value[].resourceUrl"). */
  at: string;
  /** What the schema requires there and the type does not, e.g. `pattern "^https://"`. */
  what: string;
  /** Set once a JSDoc shows the note, so enclosing JSDocs do not repeat it. */
  shown?: boolean;
}

/** Validation keywords TypeScript has no way to express: the note each one leaves. */
const UNEXPRESSIBLE: Record<string, (value: JsonValue) => string> = {
  pattern: (v) => `pattern ${JSON.stringify(v)}`,
  format: (v) => `format "${String(v)}"`,
  minLength: (v) => `minLength ${String(v)}`,
  maxLength: (v) => `maxLength ${String(v)}`,
  minimum: (v) => `minimum ${String(v)}`,
  maximum: (v) => `maximum ${String(v)}`,
  exclusiveMinimum: (v) => `exclusiveMinimum ${String(v)}`,
  exclusiveMaximum: (v) => `exclusiveMaximum ${String(v)}`,
  multipleOf: (v) => `multipleOf ${String(v)}`,
  uniqueItems: (v) => (v === true ? "items must be unique" : ""),
  minProperties: (v) => `minProperties ${String(v)}`,
  maxProperties: (v) => `maxProperties ${String(v)}`,
  not: () => "not (a schema the value must not match)",
  contains: () => "contains",
  propertyNames: () => "propertyNames",
  dependentRequired: () => "dependentRequired",
  dependentSchemas: () => "dependentSchemas",
  patternProperties: () => "patternProperties",
  unevaluatedProperties: () => "unevaluatedProperties (json-schema-to-typescript ignores it)",
  unevaluatedItems: () => "unevaluatedItems",
  prefixItems: () => "prefixItems (json-schema-to-typescript does not support it)",
};

/** Keywords that describe rather than constrain: dropped silently (plus every x-* extension). */
const ANNOTATIONS = new Set([
  "$schema", "$id", "$comment", "$anchor", "title", "description", "examples", "default",
  "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding",
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith("x-");
}

/** The note for a keyword the translation drops; an unknown keyword is noted as such rather than lost. */
export function noteForKeyword(keyword: string, value: JsonValue): string {
  const describe = UNEXPRESSIBLE[keyword];
  return describe ? describe(value) : `keyword "${keyword}" (not translated to TypeScript)`;
}

/** `if: {properties: {P: {const: C}}}, then: {$ref: R}` reads as `when P is "C" it must also match R`. */
export function noteForConditional(conditional: JsonObject): string {
  const condition = describeCondition(conditional.if);
  const then = describeSchemaBriefly(conditional.then);
  const otherwise = conditional.else === undefined ? "" : `, otherwise ${describeSchemaBriefly(conditional.else)}`;
  return `conditional: when ${condition} it must also match ${then}${otherwise}`;
}

function describeCondition(condition: JsonValue | undefined): string {
  const properties = isObject(condition) && isObject(condition.properties) ? condition.properties : undefined;
  if (properties) {
    const consts = Object.entries(properties)
      .filter(([, s]) => isObject(s) && s.const !== undefined)
      .map(([name, s]) => `${name} is ${JSON.stringify((s as JsonObject).const)}`);
    if (consts.length > 0) return consts.join(" and ");
  }
  return `it matches ${JSON.stringify(condition)}`;
}

function describeSchemaBriefly(schema: JsonValue | undefined): string {
  if (isObject(schema) && typeof schema.$ref === "string") return schema.$ref;
  return JSON.stringify(schema);
}

/** Append the notes to a description, as the JSDoc of a property or a type. */
export function describeWithNotes(description: string | undefined, notes: LoosenessNote[], relativeTo: string, heading: string): string | undefined {
  if (notes.length === 0) return description;
  const lines = notes.map((n) => `- ${relativePath(n.at, relativeTo)}${n.what}`);
  return [description, `${heading}\n${lines.join("\n")}`].filter(Boolean).join("\n\n");
}

function relativePath(at: string, relativeTo: string): string {
  const rest = at === relativeTo ? "" : at.slice(relativeTo.length).replace(/^\./, "");
  return rest === "" ? "" : `${rest}: `;
}

/** The notes no JSDoc shows yet, marked as shown by the caller's. */
export function takeUnshown(notes: LoosenessNote[]): LoosenessNote[] {
  const unshown = notes.filter((n) => !n.shown);
  for (const n of unshown) n.shown = true;
  return unshown;
}
