/**
 * The negation of an `if` subschema, as alternatives a generator can build from: the `else` side
 * of if/then/else needs values that fail `if`. Negating a conjunction of keywords is the union of
 * the negations of each keyword. The result is made of synthetic subschemas (never reported by a
 * validator, so never used to predict errors); `x-generator-kinds` in them names value kinds
 * exactly, which `type` cannot ("a number that is not an integer").
 */
import { isObject, type JsonObject, type JsonValue } from "../util/json.js";
import { UnsupportedSchemaError } from "./errors.js";
import { isAnnotation } from "./keywords.js";
import { ALL_KINDS, kindsOfTypeName, type ValueKind } from "./kinds.js";
import type { SchemaRef, SchemaStore } from "./schema-store.js";

export const SYNTHETIC_KINDS = "x-generator-kinds";

const synthetic = new WeakSet<object>();
const cache = new WeakMap<object, SchemaRef[]>();

export function isSynthetic(node: JsonValue): boolean {
  return isObject(node) && synthetic.has(node);
}

/** Subschemas whose union is exactly the values that fail `ifRef`. */
export function negationOf(ifRef: SchemaRef, store: SchemaStore): SchemaRef[] {
  const { node } = ifRef;
  if (node === true) return [];
  if (node === false) return [makeRef(ifRef, {})];
  if (!isObject(node)) throw new UnsupportedSchemaError("if", ifRef.at, "a subschema must be an object or a boolean");
  const cached = cache.get(node);
  if (cached) return cached;
  const result: SchemaRef[] = [];
  for (const [keyword, value] of Object.entries(node)) {
    if (isAnnotation(keyword)) continue;
    result.push(...negateKeyword(ifRef, keyword, value, store));
  }
  cache.set(node, result);
  return result;
}

function negateKeyword(ifRef: SchemaRef, keyword: string, value: JsonValue, store: SchemaStore): SchemaRef[] {
  switch (keyword) {
    case "type": {
      const allowed = new Set(typeNames(value).flatMap((t) => kindsOfTypeName(t) ?? []));
      return [makeRef(ifRef, { [SYNTHETIC_KINDS]: ALL_KINDS.filter((k) => !allowed.has(k)) })];
    }
    case "const":
    case "enum":
      return [makeRef(ifRef, { not: { [keyword]: value } })];
    case "required":
      // Fails only for objects (required ignores other values) that lack one of the names.
      return (value as string[]).map((name) => makeRef(ifRef, { [SYNTHETIC_KINDS]: ["object"], properties: { [name]: false } }));
    case "properties":
      return Object.entries(value as JsonObject).flatMap(([name, sub]) =>
        negationOf(store.child(ifRef, "properties", name), store).map((negated) => {
          if (negated.base !== ifRef.base || hasRef(negated.node)) {
            throw new UnsupportedSchemaError("if", ifRef.at, `cannot negate properties.${name}: it uses $ref`);
          }
          return makeRef(ifRef, { [SYNTHETIC_KINDS]: ["object"], required: [name], properties: { [name]: negated.node } });
        }));
    case "$ref":
      return negationOf(store.resolve(String(value), ifRef), store);
    case "allOf":
      return (value as JsonValue[]).flatMap((_, i) => negationOf(store.child(ifRef, "allOf", i), store));
    default:
      throw new UnsupportedSchemaError(keyword, ifRef.at, "cannot generate values failing an `if` that uses this keyword");
  }
}

function typeNames(value: JsonValue): string[] {
  return (Array.isArray(value) ? value : [value]).map(String);
}

function hasRef(node: JsonValue): boolean {
  return isObject(node) && (node.$ref !== undefined || Object.values(node).some(hasRef));
}

function makeRef(from: SchemaRef, node: JsonObject): SchemaRef {
  synthetic.add(node);
  return { node, base: from.base, at: `${from.at}(negated)` };
}

export function isValueKindList(value: unknown): value is ValueKind[] {
  return Array.isArray(value) && value.every((k) => (ALL_KINDS as readonly unknown[]).includes(k));
}
